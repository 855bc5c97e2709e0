package org.custodian.sharing.webhook;

import java.time.Instant;
import java.util.UUID;
import org.custodian.platform.secrets.Secret;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RotatedSecret(
        UUID endpointId,
        @Secret String secret,
        @Schema(nullable = true) Instant previousSecretExpiresAt) {}
