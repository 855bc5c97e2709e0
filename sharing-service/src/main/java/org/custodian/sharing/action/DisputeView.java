package org.custodian.sharing.action;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record DisputeView(
        String reason, @Schema(nullable = true) String legalReference, Instant recordedAt) {}
