package org.custodian.sharing.decision;

import java.util.Locale;

/** A pupil's effective consent status for one purpose, as consent-service computes it. Absent means NOT_ASKED. */
public enum ConsentStatus {
    GRANTED,
    REFUSED,
    WITHDRAWN,
    EXPIRED,
    RENEWAL_NEEDED,
    NOT_ASKED;

    /** Reads a status from an event; anything unknown counts as not current consent (NOT_ASKED). */
    public static ConsentStatus parse(String value) {
        if (value == null) {
            return NOT_ASKED;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return NOT_ASKED;
        }
    }

    /** The refusal reason for a consent-based disclosure without current consent. */
    Reason refusal() {
        return switch (this) {
            case GRANTED -> throw new IllegalStateException("granted consent is current");
            case REFUSED -> Reason.CONSENT_REFUSED;
            case WITHDRAWN -> Reason.CONSENT_WITHDRAWN;
            case EXPIRED -> Reason.CONSENT_EXPIRED;
            case RENEWAL_NEEDED -> Reason.CONSENT_RENEWAL_NEEDED;
            case NOT_ASKED -> Reason.CONSENT_NOT_ASKED;
        };
    }
}
