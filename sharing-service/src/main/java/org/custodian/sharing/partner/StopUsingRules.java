package org.custodian.sharing.partner;

import java.time.Instant;
import java.util.Optional;
import org.custodian.sharing.decision.ConsentStatus;

/**
 * When a consent decision asks the partners that received data under that consent to stop using it, as plain rules.
 * A partner is asked once per disclosure and change of state: a decision that changes nothing effective (the
 * parent's "no" already stood, or a later decision already stands) tells no one, and a partner already asked to stop
 * since it last received data under that consent is not asked again. Repeating a withdrawal, however often, therefore
 * opens no second action and sends no second webhook.
 */
public final class StopUsingRules {

    /** What sharing's projection held for the pupil and purpose before the decision: its status and as of when. */
    public record Before(ConsentStatus status, Instant asOf) {}

    private StopUsingRules() {}

    /**
     * Whether a decision leaving the pupil with {@code after}, made at {@code decidedAt}, changes something a partner
     * must act on. Consent that is granted asks nothing. A refusal or withdrawal that already stood (or a decision
     * older than the one the projection holds) changes nothing effective. An expired consent, or one needing renewal,
     * that is then withdrawn does: the partners were not told when it lapsed. With no projection (nothing known),
     * the withdrawal counts, and the per-recipient rule ({@link #ask}) still prevents a second request.
     */
    public static boolean changesEffective(Optional<Before> before, ConsentStatus after, Instant decidedAt) {
        if (after == ConsentStatus.GRANTED) {
            return false;
        }
        if (before.isEmpty()) {
            return true;
        }
        Before b = before.get();
        if (decidedAt != null && b.asOf() != null && b.asOf().isAfter(decidedAt)) {
            return false;
        }
        return b.status() != ConsentStatus.WITHDRAWN && b.status() != ConsentStatus.REFUSED;
    }

    /**
     * Whether a recipient is asked to stop using what it received: only when it has received data under the consent
     * ({@code lastReceived}, the latest disclosure) since it was last asked ({@code lastAsked}, null when never); an
     * ask at the same instant as a disclosure covers it.
     */
    public static boolean ask(Instant lastReceived, Instant lastAsked) {
        return lastReceived != null && (lastAsked == null || lastAsked.isBefore(lastReceived));
    }
}
