package org.custodian.accountability.ropa;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.custodian.accountability.publication.TaggedPdf;
import org.custodian.accountability.publication.TaggedPdf.Block;
import org.custodian.accountability.publication.TaggedPdf.Heading;
import org.custodian.accountability.publication.TaggedPdf.Paragraph;
import org.custodian.platform.time.LegalTime;

/**
 * The record of processing as a tagged landscape PDF for an auditor: a section per processing activity, its cells as
 * "label: value" lines in the order of the ICO's template (what the CSV has as 27 columns), each naming the facts it
 * came from.
 */
public final class RopaPdf {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private RopaPdf() {}

    static String title(RopaService.Record record) {
        return "Record of processing activities: " + record.schoolName();
    }

    static byte[] of(RopaService.Record record) {
        return TaggedPdf.render(title(record), TaggedPdf.Orientation.LANDSCAPE, blocks(record));
    }

    static List<Block> blocks(RopaService.Record record) {
        List<Block> b = new ArrayList<>();
        b.add(new Heading(1, "Record of processing activities"));
        b.add(Paragraph.of(record.schoolName() + " (URN " + record.urn() + "). Made on "
                + DAY.format(LegalTime.dayOf(record.generatedAt()))
                + " from the facts the school's Custodian services announce (UK GDPR Art. 30(1)). "
                + record.rows().size() + " processing activities; each names the facts it was made from."));
        b.add(Paragraph.of(record.lastReview()
                .map(r -> "Last reviewed on " + DAY.format(LegalTime.dayOf(r.reviewedAt())) + " by " + r.reviewedBy()
                        + (r.note() == null || r.note().isBlank() ? "." : ": " + r.note()))
                .orElse("Not yet reviewed by the data protection officer.")));
        int n = 0;
        for (RopaService.Row row : record.rows()) {
            RopaRow r = row.row();
            b.add(new Heading(2, ++n + ". " + r.purpose()));
            b.add(Paragraph.labelled("Business function", r.businessFunction()));
            b.add(Paragraph.labelled("Review status", status(row.status())));
            b.add(Paragraph.labelled("Categories of individuals", join(r.dataSubjects())));
            b.add(Paragraph.labelled("Categories of personal data", join(r.dataCategories())));
            if (!r.specialCategories().isEmpty()) {
                b.add(Paragraph.labelled("Special category data", join(r.specialCategories())));
            }
            b.add(Paragraph.labelled("Categories of recipients", join(r.recipients())));
            if (r.processorContract() != null) {
                b.add(Paragraph.labelled("Contract with the processor", r.processorContract()));
            }
            b.add(Paragraph.labelled(
                    "Transfers outside the UK",
                    r.transferCountries().isEmpty()
                            ? "None"
                            : join(r.transferCountries()) + ", under " + r.transferSafeguards()));
            b.add(Paragraph.labelled("Retention", join(r.retention())));
            b.add(Paragraph.labelled(
                    "Security measures",
                    r.securityMeasures() == null
                            ? "Not yet described by the data protection officer"
                            : r.securityMeasures()));
            b.add(Paragraph.labelled("Article 6 lawful basis", r.lawfulBasis()));
            if (!r.specialCategories().isEmpty() && r.specialCategoryCondition() != null) {
                b.add(Paragraph.labelled("Article 9 condition", r.specialCategoryCondition()));
            }
            if (r.law() != null) {
                b.add(Paragraph.labelled("Law", r.law()));
            }
            b.add(Paragraph.labelled("Rights available to individuals", RopaCsv.rights(r.lawfulBasis())));
            b.add(Paragraph.labelled("Automated decision-making, including profiling", "No"));
            b.add(Paragraph.labelled("Sources of the personal data", join(r.sources())));
            if (!r.systems().isEmpty()) {
                b.add(Paragraph.labelled("Location of personal data", join(r.systems())));
            }
            b.add(Paragraph.labelled(
                    "Generated from",
                    r.from().isEmpty() ? "what the law asks of every school" : RopaCsv.generatedFrom(r)));
        }
        return b;
    }

    private static String status(RopaService.RowStatus status) {
        return switch (status) {
            case CURRENT -> "Current: as it stood at the last review";
            case OUTDATED -> "Outdated: a fact has changed it since the last review";
            case NOT_REVIEWED -> "Not reviewed yet";
        };
    }

    private static String join(List<String> values) {
        return values == null || values.isEmpty() ? "None" : String.join("; ", values);
    }
}
