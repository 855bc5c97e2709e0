package org.custodian.sar.bundle;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.custodian.sar.notice.NoticeUsed;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The response bundle API's bodies. */
public final class BundleDtos {

    private BundleDtos() {}

    public record SourceStatus(
            String source,
            String status,
            @Schema(nullable = true) String error) {}

    /**
     * What an assembly gave: which sources answered, which are missing ({@code complete}: every source present or
     * waived), which version of the school's privacy notice it relied on (or the warning that none was available: the
     * statutory minimum, which does not stop completion), how many items name other people and how many of those wait
     * for the DPO ({@code pendingReview}). The request can be completed when it is complete and nothing waits.
     */
    public record BundleStatus(
            UUID requestId,
            Instant assembledAt,
            boolean complete,
            List<SourceStatus> sources,
            List<String> missingSources,
            List<ResponseContent.Waiver> waivers,

            @Schema(
                    nullable = true,
                    description = "the version of the school's published privacy notice the response relied on; null:"
                            + " none was available, the response gives the statutory minimum (see warnings)")
            NoticeUsed privacyNotice,

            @Schema(
                    description = "what the DPO should know before the response goes out (a privacy notice that was not"
                            + " available, and why)")
            List<String> warnings,

            int documents,
            int reviewItems,
            long pendingReview,
            int pdfBytes,
            String json,
            String pdf,
            String reviewItemsAt,
            @Schema(nullable = true) Timings timings) {}

    /** How long the assembly just run took: asking the sources, building the JSON, rendering the PDF. */
    public record Timings(long sourcesMillis, long jsonMillis, long pdfMillis) {}

    public record WaiverInput(
            @NotBlank @Size(max = 50) String source,
            @NotBlank @Size(max = 5000) String reason) {}
}
