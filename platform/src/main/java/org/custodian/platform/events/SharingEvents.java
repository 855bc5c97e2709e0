package org.custodian.platform.events;

import java.time.Instant;
import java.time.LocalDate;

/** The {@code data} of events on {@code custodian.sharing.v1} that other services may act on. */
public final class SharingEvents {

    private SharingEvents() {
    }

    /**
     * {@code partner-action.overdue}: a partner has not answered an action (stop using, erase, correct, restrict,
     * delete everything) by its last day; the DPO should chase it.
     */
    public record PartnerActionOverdue(String actionId, String recipientId, String pupilId, String kind, String causeType,
                                       Instant openedAt, LocalDate dueOn, long daysOverdue, boolean acknowledged,
                                       Instant markedAt) {
    }
}
