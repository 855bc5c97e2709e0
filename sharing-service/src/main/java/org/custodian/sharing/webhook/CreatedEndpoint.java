package org.custodian.sharing.webhook;

import org.custodian.platform.secrets.Secret;

/**
 * Shown once, on creation: the only time the secret leaves the service (a replay with the same Idempotency-Key
 * answers without it).
 */
public record CreatedEndpoint(EndpointView endpoint, @Secret String secret) {}
