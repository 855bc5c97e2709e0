package org.custodian.accountability.publication;

import java.time.Instant;
import java.util.List;
import org.custodian.accountability.notice.NoticeContent;
import org.custodian.accountability.notice.NoticeJson;
import org.custodian.accountability.notice.NoticeVersion;
import org.custodian.accountability.notice.PupilNoticeRules;
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

            @Schema(description = "what changed from the previous version, in sentences a parent can read")
            List<String> changes,

            NoticeContent content) {

        static NoticeView of(NoticeVersion v) {
            return new NoticeView(
                    v.schoolUrn(),
                    v.number(),
                    v.hash(),
                    v.publishedAt(),
                    v.changedSections(),
                    v.changes(),
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

    @Schema(name = "PublicPupilNotice", description = "the published notice in words a pupil of 7 to 11 can follow")
    public record PupilNoticeView(
            String urn,
            int version,
            String hash,
            Instant publishedAt,
            String schoolName,
            String title,
            List<String> introduction,
            List<PupilNoticePart> parts) {

        static PupilNoticeView of(NoticeVersion v) {
            PupilNoticeRules.PupilNotice notice = PupilNoticeRules.of(NoticeJson.read(v.content()));
            return new PupilNoticeView(
                    v.schoolUrn(),
                    v.number(),
                    v.hash(),
                    v.publishedAt(),
                    notice.schoolName(),
                    notice.title(),
                    notice.introduction(),
                    notice.parts().stream()
                            .map(p -> new PupilNoticePart(
                                    p.id(),
                                    p.heading(),
                                    p.paragraphs(),
                                    p.points(),
                                    p.afterPoints(),
                                    p.links().stream()
                                            .map(l -> new PupilNoticeLink(l.text(), l.href()))
                                            .toList()))
                            .toList());
        }
    }

    @Schema(name = "PublicPupilNoticePart")
    public record PupilNoticePart(
            String id,
            String heading,
            List<String> paragraphs,

            @Schema(description = "a list shown after the paragraphs")
            List<String> points,

            @Schema(description = "sentences shown after the list")
            List<String> afterPoints,

            List<PupilNoticeLink> links) {}

    @Schema(name = "PublicPupilNoticeLink")
    public record PupilNoticeLink(String text, String href) {}
}
