package org.custodian.accountability.publication;

import java.time.Instant;
import java.util.List;
import org.custodian.accountability.notice.NoticeContent;
import org.custodian.accountability.notice.NoticeJson;
import org.custodian.accountability.notice.NoticeVersion;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What anyone may read of a school's published notice: the version, never who published it. */
public final class PublicViews {

    private PublicViews() {}

    @Schema(name = "PublicPrivacyNotice")
    public record NoticeView(
            String urn,
            int version,
            String hash,
            Instant publishedAt,
            List<String> changedSections,
            NoticeContent content) {

        static NoticeView of(NoticeVersion v) {
            return new NoticeView(
                    v.schoolUrn(),
                    v.number(),
                    v.hash(),
                    v.publishedAt(),
                    v.changedSections(),
                    NoticeJson.read(v.content()));
        }
    }

    @Schema(name = "PublicRetentionSchedule")
    public record ScheduleView(
            String urn,
            int noticeVersion,
            Instant publishedAt,
            String summary,
            List<NoticeContent.RetentionLine> classes) {

        static ScheduleView of(NoticeVersion v) {
            NoticeContent content = NoticeJson.read(v.content());
            return new ScheduleView(
                    v.schoolUrn(),
                    v.number(),
                    v.publishedAt(),
                    content.retention().summary(),
                    content.retention().classes());
        }
    }
}
