package org.custodian.accountability.notice;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The notice's answers: a version, a list entry, the draft and the status. */
public final class NoticeViews {

    private NoticeViews() {}

    @Schema(name = "PrivacyNoticeVersion")
    public record VersionView(
            String urn,
            int version,

            @Schema(description = "SHA-256 of the version's canonical JSON, hex; the version's ETag")
            String hash,

            Instant publishedAt,

            @Schema(description = "who published it (the DPO's user id)")
            String publishedBy,

            @Schema(description = "the sections that differ from the previous version (all, for the first)")
            List<String> changedSections,

            @Schema(description = "what changed from the previous version, in sentences a parent can read")
            List<String> changes,

            NoticeContent content) {

        public static VersionView of(NoticeVersion v) {
            return new VersionView(
                    v.schoolUrn(),
                    v.number(),
                    v.hash(),
                    v.publishedAt(),
                    v.publishedBy(),
                    v.changedSections(),
                    v.changes(),
                    NoticeJson.read(v.content()));
        }
    }

    @Schema(name = "PrivacyNoticeVersionSummary")
    public record VersionSummaryView(
            int version, String hash, Instant publishedAt, String publishedBy, List<String> changedSections) {

        public static VersionSummaryView of(NoticeVersion v) {
            return new VersionSummaryView(v.number(), v.hash(), v.publishedAt(), v.publishedBy(), v.changedSections());
        }
    }

    @Schema(name = "PrivacyNoticeDraft")
    public record DraftView(
            String urn,

            @Schema(description = "the version of the DPO's words, the draft's ETag (0 before the first edit)")
            long version,

            @Schema(nullable = true) Instant updatedAt,
            @Schema(nullable = true) String updatedBy,

            @Schema(description = "the sections that would change from the published version if it were published now")
            List<NoticeContent.Section> changedSections,

            @Schema(nullable = true, description = "the security measures the record of processing states")
            String securityMeasures,

            NoticeContent content) {

        public static DraftView of(String urn, NoticeService.Draft d) {
            return new DraftView(
                    urn,
                    d.version(),
                    d.updatedAt(),
                    d.updatedBy(),
                    d.changedSections(),
                    d.securityMeasures(),
                    d.content());
        }
    }

    @Schema(name = "PrivacyNoticeStatus")
    public record StatusView(
            NoticeStatus.State status,
            @Schema(nullable = true) Integer publishedVersion,
            @Schema(nullable = true) Instant outdatedSince,
            List<DifferenceView> differences) {

        public static StatusView of(NoticeStatus s) {
            return new StatusView(
                    s.state(),
                    s.published(),
                    s.outdatedSince(),
                    s.differences().stream().map(DifferenceView::of).toList());
        }
    }

    @Schema(name = "PrivacyNoticeDifference")
    public record DifferenceView(
            NoticeContent.Section section,
            Difference.Change change,
            String item,
            String inWords,

            @Schema(description = "the facts (kind, key, version) that caused it")
            List<String> because) {

        static DifferenceView of(Difference d) {
            return new DifferenceView(
                    d.section(),
                    d.change(),
                    d.item(),
                    d.sentence(),
                    d.because().stream().map(Object::toString).toList());
        }
    }
}
