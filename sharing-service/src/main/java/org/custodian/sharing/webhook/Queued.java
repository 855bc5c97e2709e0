package org.custodian.sharing.webhook;

import java.util.UUID;

public record Queued(UUID deliveryId, String status) {}
