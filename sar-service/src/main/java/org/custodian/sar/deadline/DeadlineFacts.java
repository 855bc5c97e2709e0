package org.custodian.sar.deadline;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the deadline of one request depends on. Identity and fee move the start only where they were asked for
 * ({@code identityRequestedOn}, {@code feeRequestedOn}); until what was asked for arrives, the clock has not started.
 * {@code subjectAccess}: the request is a subject access request (UK GDPR Art. 15), the only kind whose clock stops
 * for clarification (Art. 12A(5); DPA 2018 s.54(3C)); clarification of any other request is recorded but moves
 * nothing.
 */
public record DeadlineFacts(
        DeadlineRule rule,
        LocalDate receivedOn,
        LocalDate identityRequestedOn,
        LocalDate identityConfirmedOn,
        LocalDate feeRequestedOn,
        LocalDate feeReceivedOn,
        List<Pause> pauses,
        LocalDate extensionToldOn,
        boolean subjectAccess) {

    public DeadlineFacts {
        if (rule == null || receivedOn == null) {
            throw new IllegalArgumentException("a deadline needs its rule and the day the request was received");
        }
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
    }

    /** A request other than a subject access request, with nothing but its day of receipt. */
    public static DeadlineFacts received(DeadlineRule rule, LocalDate receivedOn) {
        return new DeadlineFacts(rule, receivedOn, null, null, null, null, List.of(), null, false);
    }

    /** A subject access request (Art. 15) with nothing but its day of receipt. */
    public static DeadlineFacts subjectAccess(LocalDate receivedOn) {
        return new DeadlineFacts(
                DeadlineRule.ONE_CALENDAR_MONTH, receivedOn, null, null, null, null, List.of(), null, true);
    }

    public DeadlineFacts withSubjectAccess(boolean access) {
        return new DeadlineFacts(
                rule,
                receivedOn,
                identityRequestedOn,
                identityConfirmedOn,
                feeRequestedOn,
                feeReceivedOn,
                pauses,
                extensionToldOn,
                access);
    }

    public DeadlineFacts withoutFee() {
        return withFee(null, null);
    }

    public DeadlineFacts withIdentity(LocalDate requestedOn, LocalDate confirmedOn) {
        return new DeadlineFacts(
                rule,
                receivedOn,
                requestedOn,
                confirmedOn,
                feeRequestedOn,
                feeReceivedOn,
                pauses,
                extensionToldOn,
                subjectAccess);
    }

    public DeadlineFacts withFee(LocalDate requestedOn, LocalDate receivedOnDay) {
        return new DeadlineFacts(
                rule,
                receivedOn,
                identityRequestedOn,
                identityConfirmedOn,
                requestedOn,
                receivedOnDay,
                pauses,
                extensionToldOn,
                subjectAccess);
    }

    public DeadlineFacts withPause(LocalDate askedOn, LocalDate answeredOn) {
        List<Pause> more = new java.util.ArrayList<>(pauses);
        more.add(new Pause(askedOn, answeredOn));
        return new DeadlineFacts(
                rule,
                receivedOn,
                identityRequestedOn,
                identityConfirmedOn,
                feeRequestedOn,
                feeReceivedOn,
                more,
                extensionToldOn,
                subjectAccess);
    }

    public DeadlineFacts withExtension(LocalDate toldOn) {
        return new DeadlineFacts(
                rule,
                receivedOn,
                identityRequestedOn,
                identityConfirmedOn,
                feeRequestedOn,
                feeReceivedOn,
                pauses,
                toldOn,
                subjectAccess);
    }
}
