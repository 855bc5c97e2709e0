package org.custodian.accountability.notice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.accountability.notice.NoticeContent.Category;
import org.custodian.accountability.notice.NoticeContent.NamedRecipient;
import org.custodian.accountability.notice.NoticeContent.RetentionLine;
import org.custodian.accountability.notice.NoticeContent.Transfer;
import org.custodian.accountability.notice.NoticeContent.Use;

/**
 * The privacy notice for pupils: the same notice, in words a child of 7 to 11 can follow (the ICO expects privacy
 * information for children to be written for them). Short sentences, each saying what it means for the child; made
 * from the published notice alone, so it says no more and no less than the notice for parents. Pure.
 */
public final class PupilNoticeRules {

    /** Where a school's notice for parents and carers is published. */
    public static final String NOTICE_PATH = "/public/v1/schools/%s/privacy-notice";

    /** The notice for pupils: a title, a few sentences to start, then its parts. */
    public record PupilNotice(String schoolName, String title, List<String> introduction, List<Part> parts) {}

    /** One part of the page: a heading, sentences, a list, sentences after the list, and links. */
    public record Part(
            String id,
            String heading,
            List<String> paragraphs,
            List<String> points,
            List<String> afterPoints,
            List<Link> links) {}

    public record Link(String text, String href) {}

    private static final Map<String, String> CATEGORY_WORDS = Map.ofEntries(
            Map.entry("CONTACT", "Your name, address and birthday, and how to reach your family"),
            Map.entry("ASSESSMENT", "Your test results"),
            Map.entry("CURRICULAR_RECORDS", "Your school work and school reports"),
            Map.entry(
                    "CHARACTERISTICS",
                    "Things about you, like your background, free school meals, or extra help you need"),
            Map.entry("ADMISSIONS", "How you joined our school"),
            Map.entry("EXCLUSIONS", "Any times you were sent home because of behaviour"),
            Map.entry("MEDICAL", "Your health, like allergies, illnesses or medicines"),
            Map.entry("ATTENDANCE", "When you are at school, and when you are away"),
            Map.entry("SAFEGUARDING", "Things that help us keep you safe"),
            Map.entry("SUPPORT", "Any extra help or support you get"),
            Map.entry("PHOTOGRAPHS", "Photos of you"),
            Map.entry("RECORDINGS", "Videos of you"),
            Map.entry("BIOMETRICS", "A scan of your finger, so a machine knows it is you"),
            Map.entry("CRIMINAL_OFFENCES", "Anything the police tell us about you"));

    /** Special category data, named shortly enough to give as an example. */
    private static final Map<String, String> PRIVATE_WORDS = Map.of(
            "CHARACTERISTICS", "your background",
            "MEDICAL", "your health",
            "SAFEGUARDING", "what helps keep you safe",
            "SUPPORT", "extra help you get",
            "BIOMETRICS", "your finger scan");

    /** The uses every school has (SchoolDuties), by how their purpose begins. */
    private static final Map<String, String> DUTY_WORDS = Map.of(
            "support pupils' learning", "To help you learn, and to see how you are getting on.",
            "provide pastoral care", "To look after you and keep you safe.",
            "meet the needs", "To give you extra help if you need it, or if you are unwell.",
            "keep the admission and attendance", "To know who is at school each day.",
            "administer admissions", "To sort out who can join our school.",
            "assess the quality", "To check that our school is doing a good job.");

    private static final Pattern AGE = Pattern.compile("under (\\d+)");
    private static final Pattern AMOUNT = Pattern.compile("(\\d+) (year|month|day)s?");

    private PupilNoticeRules() {}

    public static PupilNotice of(NoticeContent n) {
        String school = n.controller().schoolName();
        OptionalInt age = competenceAge(n);
        List<Part> parts = List.of(
                aboutYou(n),
                why(n),
                whoWeTell(n),
                yesOrNo(n, age),
                howLong(n),
                rights(age),
                whoToTalkTo(n),
                stillNotHappy(n),
                more(n));
        return new PupilNotice(
                school,
                "How we look after your information",
                List.of(
                        "This page is for pupils at " + school + ".",
                        "It tells you what we know about you, and why.",
                        "It also tells you what you can do about it."),
                parts);
    }

    private static Part aboutYou(NoticeContent n) {
        Set<String> points = new LinkedHashSet<>();
        for (Category c : n.categories()) {
            points.add(CATEGORY_WORDS.getOrDefault(c.code(), c.title()) + ".");
        }
        List<String> after = new ArrayList<>();
        List<String> examples = n.categories().stream()
                .filter(Category::specialCategory)
                .map(c -> PRIVATE_WORDS.get(c.code()))
                .filter(w -> w != null)
                .limit(2)
                .toList();
        if (!examples.isEmpty()) {
            after.add("Some of these are extra private, like " + String.join(" and ", examples)
                    + ". We take extra care of them.");
        } else if (n.categories().stream().anyMatch(Category::specialCategory)) {
            after.add("Some of these are extra private. We take extra care of them.");
        }
        if (n.categories().stream().anyMatch(c -> !c.mandatory())) {
            after.add("Some of these we only keep if you or your parents say yes.");
        }
        return new Part(
                "about-you",
                "What we know about you",
                List.of("To be your school, we need to know some things about you.", "Here is what we know:"),
                List.copyOf(points),
                after,
                List.of());
    }

    private static Part why(NoticeContent n) {
        Set<String> points = new LinkedHashSet<>();
        for (Use u : n.uses()) {
            if ("CONSENT".equals(u.lawfulBasis()) || u.purpose().startsWith("share data with ")) {
                continue;
            }
            points.add(DUTY_WORDS.entrySet().stream()
                    .filter(e -> u.purpose().startsWith(e.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse("To " + u.purpose() + "."));
        }
        return new Part(
                "why",
                "Why we need it",
                List.of("We use what we know about you:"),
                List.copyOf(points),
                List.of("The law says schools must do most of these things."),
                List.of());
    }

    private static Part whoWeTell(NoticeContent n) {
        List<String> points = new ArrayList<>();
        n.recipients().stream()
                .flatMap(g -> g.recipients().stream())
                .sorted(Comparator.comparing(NamedRecipient::name))
                .forEach(r -> points.add(recipient(r)));
        List<String> after = new ArrayList<>();
        if (n.transfers().isEmpty()) {
            after.add("We keep your information in the UK.");
        }
        for (Transfer t : n.transfers()) {
            after.add(t.recipient() + " keeps some of it in another country: " + country(t.country())
                    + ". We make sure it is kept safe there too.");
        }
        List<String> paragraphs = points.isEmpty()
                ? List.of("We do not tell anyone else about you unless the law says we must.")
                : List.of(
                        "Sometimes we need to tell other people some things about you.",
                        "We only tell them what they need to know.");
        return new Part("who-we-tell", "Who we tell, and why", paragraphs, points, after, List.of());
    }

    private static String recipient(NamedRecipient r) {
        if (r.role().contains("processor")) {
            return r.name() + " helps us run the school. They can only use it in the ways we say." + purposes(r);
        }
        if (r.why().isEmpty()) {
            return r.name() + ", but only if there is a very good reason, like keeping someone safe.";
        }
        String bases = String.join(" ", r.bases()).toLowerCase(Locale.ROOT);
        String reason;
        if (bases.contains("legal obligation")) {
            reason = "The law says we must tell them.";
        } else if (bases.contains("official task")) {
            reason = "It helps us do our job as a school.";
        } else if (bases.contains("consent")) {
            reason = "Only if you or your parents said yes.";
        } else if (bases.contains("vital interests")) {
            reason = "Only in an emergency, to keep someone safe.";
        } else {
            reason = "We have a good reason to tell them.";
        }
        return r.name() + ". " + reason + purposes(r);
    }

    private static String purposes(NamedRecipient r) {
        return r.why().isEmpty() ? "" : " They use it for: " + String.join(", ", r.why()) + ".";
    }

    private static String country(String code) {
        String name = Locale.of("", code).getDisplayCountry(Locale.UK);
        return name.isBlank() || name.equals(code) ? code : name;
    }

    private static Part yesOrNo(NoticeContent n, OptionalInt age) {
        if (n.consentPurposes().isEmpty()) {
            return new Part(
                    "yes-or-no",
                    "Things you can say yes or no to",
                    List.of("Right now, we do not ask you to say yes or no to anything."),
                    List.of(),
                    List.of(),
                    List.of());
        }
        List<String> points = n.consentPurposes().stream()
                .map(p -> (p.title() == null ? DataCategories.words(p.code()) : p.title()) + ".")
                .distinct()
                .toList();
        List<String> after = new ArrayList<>(List.of(
                "You and your parents can say yes or no.",
                "It is fine to say no. You will not be in trouble.",
                "You can change your mind at any time.",
                "Just tell your teacher or the school office."));
        age.ifPresent(a -> after.add("Until you are " + a + ", your parents or carers usually decide. From " + a
                + ", we will ask you too."));
        return new Part(
                "yes-or-no",
                "Things you can say yes or no to",
                List.of("We ask before we do these things:"),
                points,
                after,
                List.of());
    }

    private static Part howLong(NoticeContent n) {
        List<String> paragraphs = new ArrayList<>(List.of(
                "We only keep things about you for as long as we need them.",
                "After that, we delete them or destroy them safely."));
        List<RetentionLine> lines = n.retention().classes();
        if (lines.stream().anyMatch(l -> l.then().contains("next school"))) {
            paragraphs.add("When you move to a new school, we send your school record there.");
        }
        Optional<RetentionLine> shortest =
                lines.stream().filter(l -> days(l.keptFor()) > 0).min(Comparator.comparingInt(l -> days(l.keptFor())));
        Optional<RetentionLine> longest =
                lines.stream().filter(l -> days(l.keptFor()) > 0).max(Comparator.comparingInt(l -> days(l.keptFor())));
        if (shortest.isPresent() && longest.isPresent() && shortest.get() != longest.get()) {
            paragraphs.add("How long depends on what it is.");
            paragraphs.add("Some things we keep " + forYou(shortest.get().keptFor()) + ".");
            paragraphs.add("Some things we keep " + forYou(longest.get().keptFor()) + ".");
        } else if (longest.isPresent()) {
            paragraphs.add("We keep things " + forYou(longest.get().keptFor()) + ".");
        }
        return new Part(
                "how-long",
                "How long we keep things",
                paragraphs,
                List.of(),
                List.of("There is a full list on our website."),
                List.of(new Link(
                        "How long we keep each kind of record", n.retention().schedulePath())));
    }

    /** Roughly how long a period in words is, to find the shortest and the longest (0 when it says no amount). */
    static int days(String keptFor) {
        Matcher m = AMOUNT.matcher(keptFor);
        int days = 0;
        while (m.find()) {
            int amount = Integer.parseInt(m.group(1));
            days += switch (m.group(2)) {
                case "year" -> amount * 365;
                case "month" -> amount * 30;
                default -> amount;
            };
        }
        return days;
    }

    /**
     * How long, said to the pupil: "6 years after the pupil leaves the school" is "for 6 years after you leave the
     * school", "25 years from the pupil's date of birth" is "until you are 25 years old".
     */
    static String forYou(String keptFor) {
        Matcher birth =
                Pattern.compile("^(\\d+) years from the pupil's date of birth").matcher(keptFor);
        String said = birth.find()
                ? "until you are " + birth.group(1) + " years old" + keptFor.substring(birth.end())
                : "for " + keptFor;
        return said.replace("the pupil's", "your")
                .replace("the pupil leaves", "you leave")
                .replace("the pupil is", "you are")
                .replace("the pupil", "you");
    }

    private static Part rights(OptionalInt age) {
        List<String> after = new ArrayList<>();
        if (age.isPresent()) {
            after.add("If you are under " + age.getAsInt() + ", a parent or carer usually asks for you.");
            after.add("From " + age.getAsInt() + ", you can ask for yourself.");
        } else {
            after.add("A parent or carer can ask for you.");
        }
        return new Part(
                "your-rights",
                "What you can do",
                List.of("It is your information. You have rights. You can:"),
                List.of(
                        "Ask to see what we know about you.",
                        "Ask us to fix anything that is wrong.",
                        "Ask us to stop using something, or to delete it.",
                        "Say no to something you said yes to before.",
                        "Complain if you think we got something wrong."),
                after,
                List.of());
    }

    private static Part whoToTalkTo(NoticeContent n) {
        NoticeContent.Controller c = n.controller();
        String dpo = "Our data protection officer" + (c.dpoName() == null ? "" : ", " + c.dpoName())
                + ". Their job is to check we look after your information.";
        List<String> after = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        if (c.dpoEmail() != null) {
            after.add("You or a grown-up can email them at " + c.dpoEmail() + ".");
            links.add(new Link("Email our data protection officer", "mailto:" + c.dpoEmail()));
        } else {
            after.add("You or a grown-up can reach them through the school office.");
        }
        return new Part(
                "who-to-talk-to",
                "Who to talk to",
                List.of("If you have a question or a worry, you can talk to:"),
                List.of("Your teacher.", "A grown-up at home.", dpo),
                after,
                links);
    }

    private static Part stillNotHappy(NoticeContent n) {
        NoticeContent.Ico ico = n.complaints().ico();
        return new Part(
                "ico",
                "If you are still not happy",
                List.of(
                        "You or a grown-up can tell the " + ico.name() + ".",
                        "They make sure everyone follows the rules about information.",
                        "Their phone number is " + ico.telephone() + "."),
                List.of(),
                List.of(),
                List.of(new Link("Tell the " + ico.name() + " online", ico.online())));
    }

    private static Part more(NoticeContent n) {
        return new Part(
                "more",
                "Want to know more?",
                List.of("There is a longer version of this page for grown-ups."),
                List.of(),
                List.of(),
                List.of(new Link(
                        "Our privacy notice for parents and carers",
                        NOTICE_PATH.formatted(n.controller().urn()))));
    }

    /** The age from which a child uses their own rights, as the notice for parents states it. */
    static OptionalInt competenceAge(NoticeContent n) {
        return n.rights().stream()
                .filter(r -> r.name().equals("Who can use these rights"))
                .map(r -> AGE.matcher(r.what()))
                .filter(Matcher::find)
                .mapToInt(m -> Integer.parseInt(m.group(1)))
                .findFirst();
    }

    /** Every sentence a pupil reads, in order (headings and link texts too). */
    static List<String> text(PupilNotice notice) {
        List<String> all = new ArrayList<>(List.of(notice.title()));
        all.addAll(notice.introduction());
        for (Part p : notice.parts()) {
            all.add(p.heading());
            all.addAll(p.paragraphs());
            all.addAll(p.points());
            all.addAll(p.afterPoints());
            p.links().forEach(l -> all.add(l.text()));
        }
        return all;
    }
}
