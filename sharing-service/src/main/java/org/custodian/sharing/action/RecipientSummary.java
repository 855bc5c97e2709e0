package org.custodian.sharing.action;

import java.util.UUID;
import org.custodian.sharing.action.PartnerActionRepository.Counts;

public record RecipientSummary(UUID recipientId, String recipientName, Counts actions) {}
