package org.custodian.sar.request;

/** Where a request is in its lifecycle; see {@link Lifecycle}. */
public enum RequestStatus {
    RECEIVED,
    AWAITING_IDENTITY,
    AWAITING_FEE,
    IN_PROGRESS,
    AWAITING_CLARIFICATION,
    COMPLETED,
    REFUSED,
    WITHDRAWN;

    public boolean isClosed() {
        return this == COMPLETED || this == REFUSED || this == WITHDRAWN;
    }
}
