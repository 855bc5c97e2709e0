package org.custodian.sharing.webhook;

import java.util.List;
import java.util.UUID;

/** A message to store: {@code acceptedBy} are the subscribed event types that receive it. */
public record NewMessage(
        String id, UUID recipientId, PartnerEventType type, List<String> acceptedBy, String pupilId, String payload) {}
