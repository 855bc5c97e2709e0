package org.custodian.sharing.action;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record ClosureView(
        @Schema(nullable = true) String note,
        @Schema(nullable = true) String closedBy,
        Instant closedAt) {}
