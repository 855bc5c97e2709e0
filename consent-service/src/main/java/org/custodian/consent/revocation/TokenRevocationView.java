package org.custodian.consent.revocation;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A revocation as recorded. */
@Schema(description = "A token revocation")
public record TokenRevocationView(
        UUID id,

        @Schema(
                nullable = true,
                description = "The school whose tokens it refuses; absent for an operator's revocation of every school")
        String school,

        @Schema(nullable = true, description = "The subject whose tokens it refuses; null when it names one token")
        String subject,

        @Schema(nullable = true) String tokenId,
        @Schema(nullable = true) String reason,
        Instant revokedAt,
        String revokedBy,

        @Schema(
                nullable = true,
                description = "After this every token it could refuse has expired (the lifetime cap after revokedAt), "
                        + "and the services forget it")
        Instant inForceUntil) {}
