package org.custodian.accountability.ropa;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.custodian.accountability.publication.Csv;

/**
 * The record of processing as CSV in the column order of the ICO's documentation template for controllers, with two
 * columns of Custodian's at the end: each row's review status and the facts its cells were made from.
 */
public final class RopaCsv {

    /** The ICO template's columns (controller sheet), then Custodian's. */
    public static final List<String> COLUMNS = List.of(
            "Business function",
            "Purpose of processing",
            "Name and contact details of joint controller (if applicable)",
            "Categories of individuals",
            "Categories of personal data",
            "Categories of recipients",
            "Link to contract with processor",
            "Names of third countries or international organisations that personal data are transferred to (if applicable)",
            "Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)",
            "Retention schedule (if possible)",
            "General description of technical and organisational security measures (if possible)",
            "Article 6 lawful basis for processing personal data",
            "Article 9 basis for processing special category data",
            "Legitimate interests for the processing (if applicable)",
            "Link to record of legitimate interests assessment (if applicable)",
            "Rights available to individuals",
            "Existence of automated decision-making, including profiling (if applicable)",
            "The source of the personal data (if applicable)",
            "Link to record of consent",
            "Location of personal data",
            "Data Protection Impact Assessment required?",
            "DPIA progress",
            "Link to DPIA",
            "Personal data breach?",
            "Link to record of personal data breach",
            "Review status",
            "Generated from");

    private RopaCsv() {}

    static String of(RopaService.Record record) {
        StringBuilder csv = new StringBuilder();
        csv.append(COLUMNS.stream().map(Csv::field).collect(Collectors.joining(",")))
                .append("\r\n");
        rows(record, List.of(), csv);
        return csv.toString();
    }

    /** A trust's schools in one file: each row led by its school's URN and name. */
    static String ofTrust(List<RopaService.Record> records) {
        StringBuilder csv = new StringBuilder();
        csv.append(Stream.concat(Stream.of("School URN", "School"), COLUMNS.stream())
                        .map(Csv::field)
                        .collect(Collectors.joining(",")))
                .append("\r\n");
        records.forEach(record -> rows(record, List.of(record.urn(), record.schoolName()), csv));
        return csv.toString();
    }

    private static void rows(RopaService.Record record, List<String> leading, StringBuilder csv) {
        for (RopaService.Row row : record.rows()) {
            RopaRow r = row.row();
            List<String> cells = List.of(
                    r.businessFunction(),
                    r.purpose(),
                    "",
                    join(r.dataSubjects()),
                    join(r.dataCategories()),
                    join(r.recipients()),
                    nullToEmpty(r.processorContract()),
                    join(r.transferCountries()),
                    nullToEmpty(r.transferSafeguards()),
                    join(r.retention()),
                    nullToEmpty(r.securityMeasures()),
                    r.lawfulBasis(),
                    r.specialCategories().isEmpty() ? "" : nullToEmpty(r.specialCategoryCondition()),
                    "",
                    "",
                    rights(r.lawfulBasis()),
                    "No",
                    join(r.sources()),
                    r.lawfulBasis().contains("consent") ? "Custodian consent records (consent-service)" : "",
                    join(r.systems()),
                    "",
                    "",
                    "",
                    "",
                    "",
                    row.status().name(),
                    generatedFrom(r));
            csv.append(Stream.concat(leading.stream(), cells.stream())
                            .map(Csv::field)
                            .collect(Collectors.joining(",")))
                    .append("\r\n");
        }
    }

    /** The rights a basis gives (ICO: which rights apply depends on the lawful basis). */
    static String rights(String basisInWords) {
        String always = "Informed; access; rectification; restriction; complaint";
        if (basisInWords.contains("consent")) {
            return always + "; erasure; portability; withdraw consent";
        }
        if (basisInWords.contains("official task")) {
            return always + "; erasure in some cases; object (Art. 21)";
        }
        if (basisInWords.contains("legal obligation")) {
            return always;
        }
        return always + "; erasure in some cases; object";
    }

    private static String join(List<String> values) {
        return values == null ? "" : String.join("; ", values);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Each generated cell with the facts it was made from: "Purpose of processing: agreement a-1 v2 | …". */
    static String generatedFrom(RopaRow r) {
        return r.cellSources().entrySet().stream()
                .map(cell -> CELL_NAMES.getOrDefault(cell.getKey(), cell.getKey()) + ": "
                        + cell.getValue().stream().map(Object::toString).collect(Collectors.joining(", ")))
                .collect(Collectors.joining(" | "));
    }

    private static final java.util.Map<String, String> CELL_NAMES = java.util.Map.ofEntries(
            java.util.Map.entry("purpose", "Purpose of processing"),
            java.util.Map.entry("dataCategories", "Categories of personal data"),
            java.util.Map.entry("specialCategories", "Special category data"),
            java.util.Map.entry("recipients", "Categories of recipients"),
            java.util.Map.entry("processorContract", "Link to contract with processor"),
            java.util.Map.entry("transferCountries", "Third countries"),
            java.util.Map.entry("transferSafeguards", "Safeguards"),
            java.util.Map.entry("retention", "Retention schedule"),
            java.util.Map.entry("lawfulBasis", "Article 6 lawful basis"),
            java.util.Map.entry("specialCategoryCondition", "Article 9 basis"),
            java.util.Map.entry("law", "Law"),
            java.util.Map.entry("systems", "Location of personal data"));
}
