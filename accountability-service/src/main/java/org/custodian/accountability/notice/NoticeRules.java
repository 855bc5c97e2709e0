package org.custodian.accountability.notice;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.custodian.accountability.fact.FactRef;
import org.custodian.accountability.fact.SchoolFacts;
import org.custodian.accountability.fact.SchoolFacts.Sourced;
import org.custodian.accountability.notice.NoticeContent.Category;
import org.custodian.accountability.notice.NoticeContent.ConsentPurpose;
import org.custodian.accountability.notice.NoticeContent.Controller;
import org.custodian.accountability.notice.NoticeContent.NamedRecipient;
import org.custodian.accountability.notice.NoticeContent.RecipientGroup;
import org.custodian.accountability.notice.NoticeContent.RetentionLine;
import org.custodian.accountability.notice.NoticeContent.Section;
import org.custodian.accountability.notice.NoticeContent.Transfer;
import org.custodian.accountability.notice.NoticeContent.Use;
import org.custodian.platform.events.ConsentEvents.PurposeDefined;
import org.custodian.platform.events.RetentionEvents.RetentionRuleChanged;
import org.custodian.platform.events.RosterEvents.SchoolUpdated;
import org.custodian.platform.events.SharingEvents.AgreementChanged;
import org.custodian.platform.events.SharingEvents.RecipientChanged;

/**
 * Makes a school's privacy notice from its facts, and says how two notices differ. Pure: the same facts, day and DPO's
 * words always make the same notice.
 */
public final class NoticeRules {

    /** Where a school's whole retention schedule is published (a school's website links it). */
    public static final String SCHEDULE_PATH = "/public/v1/schools/%s/retention-schedule";

    private static final Set<String> ENDED_RECIPIENT = Set.of("ENDED", "REMOVED");

    private NoticeRules() {}

    /** The notice the facts make on {@code today}, with the DPO's words. */
    public static NoticeContent generate(SchoolFacts facts, LocalDate today, DraftText text) {
        List<Sourced<AgreementChanged>> inForce = agreementsInForce(facts, today);
        Controller controller = controller(facts);
        return new NoticeContent(
                controller,
                text.introduction(),
                categories(facts, inForce),
                uses(facts, inForce),
                consentPurposes(facts, controller),
                recipients(facts, inForce),
                transfers(facts, inForce),
                retention(facts),
                SchoolDuties.SOURCES,
                text.automatedDecisions() == null ? SchoolDuties.AUTOMATED_DECISIONS_NONE : text.automatedDecisions(),
                SchoolDuties.rights(
                        controller,
                        facts.school() == null ? null : facts.school().value()),
                SchoolDuties.complaints(controller),
                new TreeMap<>(text.localExplanations()));
    }

    /** The agreements in force on the day or later: not yet ended (a last day of today still counts). */
    public static List<Sourced<AgreementChanged>> agreementsInForce(SchoolFacts facts, LocalDate today) {
        return facts.agreements().stream()
                .filter(a -> a.value().validTo() == null || !a.value().validTo().isBefore(today))
                .toList();
    }

    static Controller controller(SchoolFacts facts) {
        if (facts.school() == null) {
            return new Controller("School " + facts.urn(), facts.urn(), null, null, List.of());
        }
        SchoolUpdated s = facts.school().value();
        return new Controller(
                s.name() == null ? "School " + facts.urn() : s.name(),
                facts.urn(),
                s.dpoName(),
                s.dpoEmail(),
                List.of(facts.school().ref()));
    }

    static List<Category> categories(SchoolFacts facts, List<Sourced<AgreementChanged>> inForce) {
        record Need(Set<FactRef> from, Set<String> optionalFor, boolean[] mandatory) {}
        Map<DataCategories.Category, Need> needs = new LinkedHashMap<>();
        Function<String, Need> need = code -> needs.computeIfAbsent(
                DataCategories.of(code), c -> new Need(new LinkedHashSet<>(), new LinkedHashSet<>(), new boolean[1]));
        SchoolDuties.CATEGORIES_EVERY_SCHOOL_HOLDS.forEach(
                code -> need.apply(code).mandatory()[0] = true);
        for (Sourced<AgreementChanged> a : inForce) {
            for (String code : nonNull(a.value().dataCategories())) {
                Need n = need.apply(code);
                n.from().add(a.ref());
                if ("CONSENT".equals(a.value().lawfulBasis())) {
                    n.optionalFor().add(a.value().name());
                } else {
                    n.mandatory()[0] = true;
                }
            }
        }
        for (Sourced<RetentionRuleChanged> r : facts.retentionRules()) {
            for (String code : nonNull(r.value().categories())) {
                Need n = need.apply(code);
                n.from().add(r.ref());
                if (!nonNull(r.value().consentPurposes()).isEmpty()
                        || "CONSENT".equals(r.value().basis())) {
                    n.optionalFor().add(r.value().description());
                } else {
                    n.mandatory()[0] = true;
                }
            }
        }
        for (Sourced<PurposeDefined> p : facts.purposes()) {
            for (String code : nonNull(p.value().dataCategories())) {
                Need n = need.apply(code);
                n.from().add(p.ref());
                n.optionalFor().add(p.value().title());
            }
        }
        return needs.entrySet().stream()
                .sorted(Comparator.comparingInt(
                                (Map.Entry<DataCategories.Category, Need> e) -> DataCategories.rank(e.getKey()))
                        .thenComparing(e -> e.getKey().code()))
                .map(e -> {
                    DataCategories.Category c = e.getKey();
                    boolean mandatory = e.getValue().mandatory()[0];
                    String ifNotGiven = mandatory
                            ? "We collect this to meet our legal duties and public tasks, so you must give it when we"
                                    + " ask; without it we may be unable to meet those duties for your child (for example"
                                    + " the school census or keeping them safe)."
                            : "Giving it is your choice. If you do not give consent, we will not use your child's data"
                                    + " for: " + String.join("; ", e.getValue().optionalFor()) + ".";
                    return new Category(
                            c.code(),
                            c.title(),
                            c.specialCategory(),
                            c.criminalOffence(),
                            mandatory,
                            ifNotGiven,
                            List.copyOf(e.getValue().from()));
                })
                .toList();
    }

    static List<Use> uses(SchoolFacts facts, List<Sourced<AgreementChanged>> inForce) {
        List<Use> uses = new ArrayList<>(SchoolDuties.uses(nation(facts)));
        for (Sourced<AgreementChanged> a : inForce) {
            AgreementChanged v = a.value();
            uses.add(new Use(
                    "share data with " + recipientName(facts, v.recipientId()) + ": " + v.name(),
                    v.lawfulBasis(),
                    LegalWords.basis(v.lawfulBasis()),
                    LegalWords.condition(v.specialCategoryCondition(), v.schedule1Condition()),
                    v.legalReference(),
                    List.of(a.ref())));
        }
        for (Sourced<PurposeDefined> p : facts.purposes()) {
            PurposeDefined v = p.value();
            boolean special = nonNull(v.dataCategories()).stream()
                    .map(DataCategories::of)
                    .anyMatch(DataCategories.Category::specialCategory);
            uses.add(new Use(
                    "do what you have consented to: " + (v.title() == null ? v.purpose() : lowerFirst(v.title())),
                    "CONSENT",
                    LegalWords.basis("CONSENT"),
                    special ? LegalWords.condition("EXPLICIT_CONSENT", null) : null,
                    "BIOMETRIC".equals(v.kind()) ? "Protection of Freedoms Act 2012, ss.26-28" : null,
                    List.of(p.ref())));
        }
        return uses;
    }

    static List<ConsentPurpose> consentPurposes(SchoolFacts facts, Controller controller) {
        String how = "Tell us at any time, through the parent app or by writing to the school office"
                + (controller.dpoEmail() == null ? "" : " or to " + controller.dpoEmail())
                + ". Withdrawing is as easy as giving consent, and it stops the use from then on.";
        return facts.purposes().stream()
                .map(p -> new ConsentPurpose(
                        p.value().purpose(),
                        p.value().version(),
                        p.value().title(),
                        p.value().wording(),
                        how,
                        List.of(p.ref())))
                .toList();
    }

    static List<RecipientGroup> recipients(SchoolFacts facts, List<Sourced<AgreementChanged>> inForce) {
        Map<String, List<NamedRecipient>> groups = new TreeMap<>();
        for (Sourced<RecipientChanged> r : facts.recipients()) {
            RecipientChanged v = r.value();
            if (v.status() != null && ENDED_RECIPIENT.contains(v.status())) {
                continue;
            }
            List<Sourced<AgreementChanged>> theirs = inForce.stream()
                    .filter(a -> r.ref().key().equals(a.value().recipientId()))
                    .toList();
            List<FactRef> from = new ArrayList<>(List.of(r.ref()));
            theirs.forEach(a -> from.add(a.ref()));
            groups.computeIfAbsent(sector(v.sector()), k -> new ArrayList<>())
                    .add(new NamedRecipient(
                            v.name(),
                            v.description(),
                            role(v.kind()),
                            theirs.stream().map(a -> a.value().name()).toList(),
                            theirs.stream()
                                    .map(a -> LegalWords.basis(a.value().lawfulBasis()))
                                    .distinct()
                                    .toList(),
                            from));
        }
        return groups.entrySet().stream()
                .map(e -> new RecipientGroup(
                        e.getKey(),
                        e.getValue().stream()
                                .sorted(Comparator.comparing(NamedRecipient::name))
                                .toList()))
                .toList();
    }

    static List<Transfer> transfers(SchoolFacts facts, List<Sourced<AgreementChanged>> inForce) {
        return inForce.stream()
                .filter(a -> a.value().transferCountry() != null
                        && !"GB".equals(a.value().transferCountry()))
                .map(a -> new Transfer(
                        recipientName(facts, a.value().recipientId()),
                        a.value().transferCountry(),
                        LegalWords.safeguard(
                                a.value().transferSafeguard(), a.value().adequacyScheme()),
                        List.of(a.ref())))
                .sorted(Comparator.comparing(Transfer::recipient).thenComparing(Transfer::country))
                .toList();
    }

    static NoticeContent.Retention retention(SchoolFacts facts) {
        List<RetentionLine> lines = facts.retentionRules().stream()
                .map(r -> new RetentionLine(
                        r.value().recordClass(),
                        r.value().description(),
                        keptFor(r.value()),
                        then(r.value().action()),
                        List.of(r.ref())))
                .toList();
        return new NoticeContent.Retention(
                "We keep personal information about pupils while they attend the school, and beyond that only as long"
                        + " as our retention schedule says (adopted from the Information and Records Management"
                        + " Society's toolkit for schools). The periods for each kind of record are listed here and"
                        + " in the published schedule.",
                lines,
                SCHEDULE_PATH.formatted(facts.urn()));
    }

    /** The period and what it runs from, in words ("25 years from the pupil's date of birth"). */
    public static String keptFor(RetentionRuleChanged rule) {
        String period = rule.period() == null ? null : periodInWords(rule.period());
        String from = switch (rule.trigger() == null ? "" : rule.trigger()) {
            case "DATE_OF_BIRTH" -> "from the pupil's date of birth";
            case "LEFT_SCHOOL" -> "after the pupil leaves the school";
            case "CREATED" -> "after the record is made";
            case "CLOSED" -> "after the file is closed";
            case "END_OF_ACADEMIC_YEAR" -> "after the end of the school year it was made in";
            case "CONSENT_WITHDRAWN" -> "after consent is withdrawn or ends";
            default -> rule.trigger() == null ? "" : "from " + DataCategories.words(rule.trigger());
        };
        String kept = period == null ? "until the school reviews it" : (period + " " + from).trim();
        return rule.untilPupilAge() == null ? kept : kept + ", and at least until the pupil is " + rule.untilPupilAge();
    }

    static String periodInWords(String iso) {
        try {
            Period p = Period.parse(iso);
            List<String> parts = new ArrayList<>();
            if (p.getYears() > 0) {
                parts.add(p.getYears() + (p.getYears() == 1 ? " year" : " years"));
            }
            if (p.getMonths() > 0) {
                parts.add(p.getMonths() + (p.getMonths() == 1 ? " month" : " months"));
            }
            if (p.getDays() > 0) {
                parts.add(p.getDays() + (p.getDays() == 1 ? " day" : " days"));
            }
            return parts.isEmpty() ? "no time" : String.join(" and ", parts);
        } catch (RuntimeException e) {
            return iso;
        }
    }

    public static String then(String action) {
        return switch (action == null ? "" : action) {
            case "DESTROY" -> "then securely destroyed";
            case "TRANSFER_TO_NEXT_SCHOOL" -> "then passed to the pupil's next school";
            case "REVIEW" -> "then reviewed, and destroyed unless there is a reason to keep it";
            case "ARCHIVE" -> "then offered to the archives";
            default ->
                action == null
                        ? "then reviewed"
                        : "then " + DataCategories.words(action).toLowerCase(Locale.ROOT);
        };
    }

    private static String sector(String sector) {
        return switch (sector == null ? "" : sector) {
            case "CHILDRENS_SERVICES", "LOCAL_AUTHORITY" -> "Our local authority";
            case "CENTRAL_GOVERNMENT" -> "Central government, including the Department for Education";
            case "REGULATOR" -> "Our regulator, Ofsted";
            case "EDUCATION" -> "Educators and examining bodies";
            case "HEALTH" -> "Health authorities and health and social welfare organisations";
            case "POLICE" -> "Police forces";
            case "COURTS" -> "Courts and tribunals";
            case "EMERGENCY_SERVICES" -> "Emergency services";
            case "EDTECH" -> "Educational platforms and apps";
            case "SUPPLIER" -> "Suppliers and service providers";
            case "PRESS" -> "The press";
            case "MARKETING" -> "Marketing organisations";
            case "" -> "Other organisations";
            default -> DataCategories.words(sector);
        };
    }

    private static String role(String kind) {
        return switch (kind == null ? "" : kind) {
            case "PROCESSOR" -> "uses the data only on our instructions, under a contract with us (a processor)";
            case "FAMILY" -> "the pupil's family and representatives";
            default -> "decides for itself how it uses the data, under the law that applies to it (a controller)";
        };
    }

    private static String recipientName(SchoolFacts facts, String recipientId) {
        return facts.recipients().stream()
                .filter(r -> r.ref().key().equals(recipientId))
                .map(r -> r.value().name())
                .findFirst()
                .orElse("a recipient");
    }

    private static String nation(SchoolFacts facts) {
        return facts.school() == null ? null : facts.school().value().nation();
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    // ---- differences ----------------------------------------------------------------------------------------------

    /** How the facts' notice differs from the published one, in the generated sections only (the drift). */
    public static List<Difference> differences(NoticeContent published, NoticeContent current) {
        List<Difference> found = new ArrayList<>();
        if (!visible(published.controller()).equals(visible(current.controller()))) {
            found.add(new Difference(
                    Section.controller,
                    Difference.Change.CHANGED,
                    current.controller().schoolName(),
                    current.controller().from()));
        }
        compare(
                Section.categories,
                published.categories(),
                current.categories(),
                Category::code,
                Category::title,
                Category::from,
                found);
        compare(Section.uses, published.uses(), current.uses(), u -> u.purpose(), Use::purpose, Use::from, found);
        compare(
                Section.consentPurposes,
                published.consentPurposes(),
                current.consentPurposes(),
                ConsentPurpose::code,
                ConsentPurpose::title,
                ConsentPurpose::from,
                found);
        compare(
                Section.recipients,
                named(published),
                named(current),
                r -> r.recipient().name(),
                r -> r.recipient().name() + " (" + r.group() + ")",
                r -> r.recipient().from(),
                found);
        compare(
                Section.transfers,
                published.transfers(),
                current.transfers(),
                t -> t.recipient() + "/" + t.country(),
                t -> t.recipient() + " (" + t.country() + ")",
                Transfer::from,
                found);
        compare(
                Section.retention,
                published.retention().classes(),
                current.retention().classes(),
                RetentionLine::recordClass,
                RetentionLine::description,
                RetentionLine::from,
                found);
        for (Section s : EnumSet.of(Section.sources, Section.automatedDecisions, Section.rights, Section.complaints)) {
            if (!visible(section(published, s)).equals(visible(section(current, s)))) {
                found.add(new Difference(s, Difference.Change.CHANGED, s.name(), List.of()));
            }
        }
        return found;
    }

    /**
     * What changed from one version to the next, in sentences a parent can read: each difference of the generated
     * sections, then the DPO's words where they changed.
     */
    public static List<String> changesInWords(NoticeContent previous, NoticeContent next) {
        if (previous == null) {
            return List.of("The first version of this notice.");
        }
        List<String> changes = new ArrayList<>(
                differences(previous, next).stream().map(Difference::sentence).toList());
        for (Section s : EnumSet.of(Section.introduction, Section.localExplanations)) {
            if (!visible(section(previous, s)).equals(visible(section(next, s)))) {
                changes.add(new Difference(s, Difference.Change.CHANGED, s.name(), List.of()).sentence());
            }
        }
        return changes;
    }

    /** The sections in which two notices differ in what a reader sees (every section, against no notice). */
    public static List<Section> changedSections(NoticeContent previous, NoticeContent next) {
        List<Section> changed = new ArrayList<>();
        for (Section s : Section.values()) {
            if (previous == null || !visible(section(previous, s)).equals(visible(section(next, s)))) {
                changed.add(s);
            }
        }
        return changed;
    }

    static Object section(NoticeContent notice, Section section) {
        return switch (section) {
            case controller -> notice.controller();
            case introduction -> notice.introduction();
            case categories -> notice.categories();
            case uses -> notice.uses();
            case consentPurposes -> notice.consentPurposes();
            case recipients -> notice.recipients();
            case transfers -> notice.transfers();
            case retention -> notice.retention();
            case sources -> notice.sources();
            case automatedDecisions -> notice.automatedDecisions();
            case rights -> notice.rights();
            case complaints -> notice.complaints();
            case localExplanations -> notice.localExplanations();
        };
    }

    private record Named(String group, NamedRecipient recipient) {}

    private static List<Named> named(NoticeContent notice) {
        return notice.recipients().stream()
                .flatMap(g -> g.recipients().stream().map(r -> new Named(g.category(), r)))
                .toList();
    }

    private static <T> void compare(
            Section section,
            List<T> before,
            List<T> after,
            Function<T, String> key,
            Function<T, String> label,
            Function<T, List<FactRef>> from,
            List<Difference> found) {
        Map<String, T> old = new LinkedHashMap<>();
        before.forEach(item -> old.putIfAbsent(key.apply(item), item));
        Map<String, T> now = new LinkedHashMap<>();
        after.forEach(item -> now.putIfAbsent(key.apply(item), item));
        now.forEach((k, item) -> {
            T was = old.get(k);
            if (was == null) {
                found.add(new Difference(section, Difference.Change.ADDED, label.apply(item), from.apply(item)));
            } else if (!visible(was).equals(visible(item))) {
                found.add(new Difference(section, Difference.Change.CHANGED, label.apply(item), from.apply(item)));
            }
        });
        old.forEach((k, item) -> {
            if (!now.containsKey(k)) {
                found.add(new Difference(section, Difference.Change.REMOVED, label.apply(item), from.apply(item)));
            }
        });
    }

    /** What a reader sees of a part of a notice: everything but the facts it was made from. */
    static Object visible(Object part) {
        if (part == null) {
            return "";
        }
        if (part instanceof List<?> list) {
            return list.stream().map(NoticeRules::visible).toList();
        }
        if (part instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new TreeMap<>();
            map.forEach((k, v) -> copy.put(k, visible(v)));
            return copy;
        }
        if (part.getClass().isRecord() && !(part instanceof FactRef)) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (RecordComponent c : part.getClass().getRecordComponents()) {
                if (!c.getName().equals("from")) {
                    try {
                        fields.put(c.getName(), visible(c.getAccessor().invoke(part)));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return fields;
        }
        return Objects.toString(part);
    }
}
