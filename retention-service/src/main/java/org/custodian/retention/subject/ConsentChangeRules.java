package org.custodian.retention.subject;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.custodian.platform.events.EventTypes;

/**
 * What an event on {@code custodian.consent.v1} means for records held by consent. consent-service puts the pupil's
 * resulting <em>effective</em> status for the purpose in every per-pupil event ({@code ConsentEvents}), so the status
 * decides, whatever the event's type: {@code GRANTED} means consent counts (again); any other status ({@code REFUSED},
 * {@code WITHDRAWN}, {@code EXPIRED}, or {@code RENEWAL_NEEDED} / {@code NOT_ASKED}, when the consent no longer
 * counts, or {@code NOTIFICATION_NEEDED}; a status not known here is read as {@code EXPIRED}) means there is no current
 * consent, and records held for the purpose fall due. Without consent there is no lawful basis to keep them (UK GDPR
 * Art. 6(1)(a)); withdrawing must be as easy as giving (Art. 7(3)), and a refusal or an expiry ends consent as surely
 * as a withdrawal does.
 *
 * <p>consent-service emits {@code consent.granted}, {@code consent.refused} and {@code consent.withdrawn} for a
 * decision (and for a status that changed without one: {@code consent.withdrawn} carries {@code RENEWAL_NEEDED} and
 * {@code NOT_ASKED}), and {@code consent.expired} from its recheck job when a grant passes its validity.
 */
public final class ConsentChangeRules {

    private ConsentChangeRules() {}

    public static final String GRANTED = "GRANTED";
    public static final String EXPIRED = "EXPIRED";

    /** The statuses other than {@code GRANTED} that consent-service puts in its events (the kernel's ConsentEvents). */
    static final Set<String> NOT_GRANTED =
            Set.of("REFUSED", "WITHDRAWN", EXPIRED, "RENEWAL_NEEDED", "NOT_ASKED", "NOTIFICATION_NEEDED");

    /** The event types whose effective status moves records held by consent, with the status each type implies. */
    private static final Map<String, String> STATUS_OF_TYPE = Map.of(
            EventTypes.CONSENT_GRANTED,
            GRANTED,
            EventTypes.CONSENT_REFUSED,
            "REFUSED",
            EventTypes.CONSENT_WITHDRAWN,
            "WITHDRAWN",
            EventTypes.CONSENT_EXPIRED,
            EXPIRED);

    public static final Set<String> TYPES = STATUS_OF_TYPE.keySet();

    /** What the event does to the pupil's consent for the purpose. */
    public enum Kind {
        /** Consent no longer counts from {@code on}: records held for the purpose fall due. */
        ENDED,
        /** Consent counts (again): an earlier end no longer makes anything due. */
        GIVEN,
        /** Nothing for retention (another type). */
        NONE
    }

    /**
     * @param how the effective status that ended consent ({@code REFUSED}, {@code WITHDRAWN}, {@code EXPIRED}, ...),
     *            null unless {@link Kind#ENDED}
     */
    public record Change(Kind kind, LocalDate on, String how) {}

    /**
     * @param type            the event's type
     * @param effectiveStatus the pupil's effective status for the purpose after the event (null when the event
     *                        carries none: then its type says what happened, and a grant without a status moves
     *                        nothing)
     * @param happenedOn      the day in England the decision was recorded or the consent expired
     */
    public static Change of(String type, String effectiveStatus, LocalDate happenedOn) {
        if (type == null || !TYPES.contains(type)) {
            return new Change(Kind.NONE, null, null);
        }
        String status = effectiveStatus;
        if (status == null || status.isBlank()) {
            if (EventTypes.CONSENT_GRANTED.equals(type)) {
                return new Change(Kind.NONE, null, null);
            }
            status = STATUS_OF_TYPE.get(type);
        }
        if (GRANTED.equals(status)) {
            return new Change(Kind.GIVEN, null, null);
        }
        // unknown: not a grant, so consent cannot be taken to count; EXPIRED ends it without blaming anyone's decision
        return new Change(Kind.ENDED, happenedOn, NOT_GRANTED.contains(status) ? status : EXPIRED);
    }

    /** The first day without consent after a grant valid until {@code validUntil} (inclusive). */
    public static LocalDate expiredOn(LocalDate validUntil, LocalDate eventDay) {
        return validUntil != null ? validUntil.plusDays(1) : eventDay;
    }
}
