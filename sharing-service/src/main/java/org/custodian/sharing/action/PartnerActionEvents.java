package org.custodian.sharing.action;

import org.custodian.platform.events.EventTypes;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The events about partner actions that sharing-service puts on {@code custodian.sharing.v1} (through the outbox),
 * keyed by {@code {urn}:{pupilId}}.
 */
public final class PartnerActionEvents {

    /** An action's last day passed without an answer from the partner; the DPO should chase it. */
    public static final String OVERDUE = EventTypes.PREFIX + "partner-action.overdue";

    /** The data of {@code uk.custodian.partner-action.overdue}. */
    public record Overdue(String actionId, String recipientId, String pupilId, String kind, String causeType,
                          Instant openedAt, LocalDate dueOn, long daysOverdue, boolean acknowledged, Instant markedAt) {
    }

    private PartnerActionEvents() {
    }
}
