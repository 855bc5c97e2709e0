package org.custodian.sharing.webhook;

import java.time.Instant;
import java.util.UUID;
import org.custodian.platform.secrets.Secret;

public record RotatedSecret(UUID endpointId, @Secret String secret, Instant previousSecretExpiresAt) {}
