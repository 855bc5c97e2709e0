package org.custodian.accountability.publication;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.custodian.accountability.notice.NoticeContent;
import org.custodian.accountability.notice.NoticeContent.Category;
import org.custodian.accountability.notice.NoticeContent.Section;
import org.custodian.accountability.publication.TaggedPdf.Block;
import org.custodian.accountability.publication.TaggedPdf.BulletList;
import org.custodian.accountability.publication.TaggedPdf.Heading;
import org.custodian.accountability.publication.TaggedPdf.Paragraph;
import org.custodian.accountability.publication.TaggedPdf.Run;

/**
 * A published notice as a tagged PDF to print or keep: what {@link NoticePage} shows, in the same order and words, with
 * the retention schedule itself (a link means nothing on paper).
 */
public final class NoticePdf {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private NoticePdf() {}

    static String title(NoticeContent n) {
        return "Privacy notice for parents and carers: " + n.controller().schoolName();
    }

    public static byte[] of(NoticeContent n, int version, String hash, LocalDate publishedOn) {
        return TaggedPdf.render(title(n), TaggedPdf.Orientation.PORTRAIT, blocks(n, version, hash, publishedOn));
    }

    static List<Block> blocks(NoticeContent n, int version, String hash, LocalDate publishedOn) {
        List<Block> b = new ArrayList<>();
        b.add(new Heading(1, "Privacy notice for parents and carers"));
        b.add(Paragraph.of(
                n.controller().schoolName() + " (URN " + n.controller().urn() + "). Version " + version + ", published "
                        + DAY.format(publishedOn) + ". Reference " + hash.substring(0, 12) + "."));
        paragraphs(b, n.introduction());

        b.add(new Heading(2, "Who we are"));
        b.add(Paragraph.of("We, " + n.controller().schoolName()
                + ", are the data controller for the personal data described here."
                + (n.controller().dpoEmail() == null
                        ? ""
                        : " Our data protection officer is "
                                + (n.controller().dpoName() == null
                                        ? ""
                                        : n.controller().dpoName() + ", ")
                                + n.controller().dpoEmail() + ".")));
        explanation(b, Section.controller, n);

        b.add(new Heading(2, "The personal data we hold"));
        List<List<Run>> categories = new ArrayList<>();
        for (Category c : n.categories()) {
            String tags = (c.specialCategory() ? " (special category data)" : "")
                    + (c.criminalOffenceData() ? " (criminal offence data)" : "");
            categories.add(List.of(
                    new Run(c.title() + tags + ". ", true),
                    new Run(
                            (c.mandatory() ? "Must it be given? Yes. " : "Must it be given? No, it is optional. ")
                                    + "If it is not given: " + c.ifNotGiven(),
                            false)));
        }
        b.add(new BulletList(categories));
        explanation(b, Section.categories, n);

        b.add(new Heading(2, "Why we use this data, and our lawful basis"));
        b.add(Paragraph.of("We use data to:"));
        List<List<Run>> uses = new ArrayList<>();
        for (NoticeContent.Use u : n.uses()) {
            uses.add(List.of(
                    new Run(capital(u.purpose()) + ". ", true),
                    new Run(
                            "Lawful basis: " + u.lawfulBasisInWords() + (u.law() == null ? "" : " (" + u.law() + ")")
                                    + "."
                                    + (u.specialCategoryCondition() == null
                                            ? ""
                                            : " Special category data: " + u.specialCategoryCondition() + "."),
                            false)));
        }
        b.add(new BulletList(uses));
        explanation(b, Section.uses, n);

        b.add(new Heading(2, "What we ask your consent for"));
        if (n.consentPurposes().isEmpty()) {
            b.add(Paragraph.of("We do not ask for consent for any use of your child's data."));
        }
        for (NoticeContent.ConsentPurpose p : n.consentPurposes()) {
            b.add(new Heading(3, p.title() == null ? p.code() : p.title()));
            if (p.wording() != null) {
                b.add(Paragraph.of(p.wording()));
            }
            b.add(Paragraph.labelled("How to withdraw", p.howToWithdraw()));
        }
        explanation(b, Section.consentPurposes, n);

        b.add(new Heading(2, "Who we share data with"));
        for (NoticeContent.RecipientGroup g : n.recipients()) {
            b.add(new Heading(3, g.category()));
            List<List<Run>> named = new ArrayList<>();
            for (NoticeContent.NamedRecipient r : g.recipients()) {
                named.add(List.of(
                        new Run(r.name(), true),
                        new Run(
                                (r.description() == null ? "" : ": " + r.description()) + ". It " + r.role() + "."
                                        + (r.why().isEmpty()
                                                ? ""
                                                : " We share data for: " + String.join("; ", r.why()) + ", because "
                                                        + String.join("; or ", r.bases()) + "."),
                                false)));
            }
            b.add(new BulletList(named));
        }
        explanation(b, Section.recipients, n);

        b.add(new Heading(2, "Transferring data outside the UK"));
        if (n.transfers().isEmpty()) {
            b.add(Paragraph.of("We do not transfer pupils' personal data outside the UK."));
        } else {
            b.add(BulletList.of(n.transfers().stream()
                    .map(t -> t.recipient() + " (" + t.country() + "): " + t.safeguard() + ".")
                    .toList()));
        }
        explanation(b, Section.transfers, n);

        b.add(new Heading(2, "How long we keep data"));
        b.add(Paragraph.of(n.retention().summary()));
        if (!n.retention().classes().isEmpty()) {
            b.add(new Heading(3, "Our retention schedule"));
            b.add(new BulletList(n.retention().classes().stream()
                    .map(line -> List.of(
                            new Run(line.description() + ": ", true),
                            new Run(line.keptFor() + ", " + line.then() + ".", false)))
                    .toList()));
        }
        explanation(b, Section.retention, n);

        b.add(new Heading(2, "Where the data comes from"));
        b.add(BulletList.of(n.sources()));
        explanation(b, Section.sources, n);

        b.add(new Heading(2, "Automated decisions"));
        b.add(Paragraph.of(n.automatedDecisions()));
        explanation(b, Section.automatedDecisions, n);

        b.add(new Heading(2, "Your rights and your child's"));
        b.add(new BulletList(n.rights().stream()
                .map(r -> List.of(new Run(r.name() + ". ", true), new Run(r.what() + " " + r.how(), false)))
                .toList()));
        explanation(b, Section.rights, n);

        b.add(new Heading(2, "Complaints"));
        b.add(Paragraph.of(n.complaints().school()));
        NoticeContent.Ico ico = n.complaints().ico();
        b.add(Paragraph.of("You can also complain to the " + ico.name() + ": online at " + ico.online()
                + ", by telephone on " + ico.telephone() + ", or by writing to " + ico.address() + "."));
        explanation(b, Section.complaints, n);
        return b;
    }

    private static String capital(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static void explanation(List<Block> blocks, Section section, NoticeContent n) {
        paragraphs(blocks, n.localExplanations().get(section.name()));
    }

    private static void paragraphs(List<Block> blocks, String text) {
        if (text == null) {
            return;
        }
        for (String p : text.split("\\n\\s*\\n")) {
            if (!p.isBlank()) {
                blocks.add(Paragraph.of(p.strip()));
            }
        }
    }
}
