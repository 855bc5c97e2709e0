package org.custodian.accountability.ropa;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The record of processing's answers. */
public final class RopaViews {

    private RopaViews() {}

    @Schema(name = "RecordOfProcessing")
    public record RecordView(
            String urn,
            String schoolName,
            Instant generatedAt,
            @Schema(nullable = true) ReviewView lastReview,
            List<RowView> rows) {

        static RecordView of(RopaService.Record r) {
            return new RecordView(
                    r.urn(),
                    r.schoolName(),
                    r.generatedAt(),
                    r.lastReview().map(ReviewView::of).orElse(null),
                    r.rows().stream().map(RowView::of).toList());
        }
    }

    @Schema(name = "TrustRecordsOfProcessing")
    public record TrustView(List<RecordView> schools) {

        static TrustView of(List<RopaService.Record> records) {
            return new TrustView(records.stream().map(RecordView::of).toList());
        }
    }

    @Schema(name = "ProcessingActivity")
    public record RowView(
            String id,
            RopaService.RowStatus status,
            String businessFunction,
            String purpose,
            List<String> dataSubjects,
            List<String> dataCategories,
            List<String> specialCategories,
            List<String> recipients,
            @Schema(nullable = true) String processorContract,
            List<String> transferCountries,
            @Schema(nullable = true) String transferSafeguards,
            List<String> retention,
            @Schema(nullable = true) String securityMeasures,
            String lawfulBasis,
            @Schema(nullable = true) String specialCategoryCondition,
            @Schema(nullable = true) String law,
            List<String> systems,
            List<String> sources,

            @Schema(
                    description = "each generated cell by field name, with the facts (kind, key, version) it was made"
                            + " from; a cell from the law every school has, or the DPO's words, names none")
            Map<String, List<String>> cellSources,

            @Schema(description = "every fact (kind, key, version) the row was made from")
            List<String> from) {

        static RowView of(RopaService.Row row) {
            RopaRow r = row.row();
            return new RowView(
                    r.id(),
                    row.status(),
                    r.businessFunction(),
                    r.purpose(),
                    r.dataSubjects(),
                    r.dataCategories(),
                    r.specialCategories(),
                    r.recipients(),
                    r.processorContract(),
                    r.transferCountries(),
                    r.transferSafeguards(),
                    r.retention(),
                    r.securityMeasures(),
                    r.lawfulBasis(),
                    r.specialCategoryCondition(),
                    r.law(),
                    r.systems(),
                    r.sources(),
                    sourcesOf(r),
                    r.from().stream().map(Object::toString).toList());
        }
    }

    @Schema(name = "RecordOfProcessingReview")
    public record ReviewView(
            String id,
            String reviewedBy,
            Instant reviewedAt,
            @Schema(nullable = true) String note,
            int activities) {

        static ReviewView of(RopaReview r) {
            return new ReviewView(
                    r.id().toString(),
                    r.reviewedBy(),
                    r.reviewedAt(),
                    r.note(),
                    r.rowHashes().size());
        }
    }

    static Map<String, List<String>> sourcesOf(RopaRow r) {
        Map<String, List<String>> cells = new LinkedHashMap<>();
        r.cellSources()
                .forEach((cell, refs) ->
                        cells.put(cell, refs.stream().map(Object::toString).toList()));
        return cells;
    }
}
