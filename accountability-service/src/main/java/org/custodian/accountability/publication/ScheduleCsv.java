package org.custodian.accountability.publication;

import org.custodian.accountability.notice.NoticeContent;

/** The retention schedule as RFC 4180 CSV with a header row. */
public final class ScheduleCsv {

    static final String HEADER = "record_class,description,kept_for,then";

    private ScheduleCsv() {}

    static String of(NoticeContent notice) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (NoticeContent.RetentionLine line : notice.retention().classes()) {
            csv.append(Csv.field(line.recordClass()))
                    .append(',')
                    .append(Csv.field(line.description()))
                    .append(',')
                    .append(Csv.field(line.keptFor()))
                    .append(',')
                    .append(Csv.field(line.then()))
                    .append("\r\n");
        }
        return csv.toString();
    }
}
