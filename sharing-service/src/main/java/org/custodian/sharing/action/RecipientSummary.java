package org.custodian.sharing.action;

import java.util.UUID;
import org.custodian.sharing.action.PartnerActionRepository.Counts;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RecipientSummary(
        UUID recipientId, @Schema(nullable = true) String recipientName, Counts actions) {}
