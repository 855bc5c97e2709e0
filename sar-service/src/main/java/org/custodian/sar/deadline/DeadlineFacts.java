package org.custodian.sar.deadline;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the deadline of one request depends on. Identity and fee move the start only where they were asked for
 * ({@code identityRequestedOn}, {@code feeRequestedOn}); until what was asked for arrives, the clock has not started.
 */
public record DeadlineFacts(
        DeadlineRule rule,
        LocalDate receivedOn,
        LocalDate identityRequestedOn,
        LocalDate identityConfirmedOn,
        LocalDate feeRequestedOn,
        LocalDate feeReceivedOn,
        List<Pause> pauses,
        LocalDate extensionToldOn) {

    public DeadlineFacts {
        if (rule == null || receivedOn == null) {
            throw new IllegalArgumentException("a deadline needs its rule and the day the request was received");
        }
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
    }

    /** A request with nothing but its day of receipt. */
    public static DeadlineFacts received(DeadlineRule rule, LocalDate receivedOn) {
        return new DeadlineFacts(rule, receivedOn, null, null, null, null, List.of(), null);
    }

    public DeadlineFacts withIdentity(LocalDate requestedOn, LocalDate confirmedOn) {
        return new DeadlineFacts(
                rule, receivedOn, requestedOn, confirmedOn, feeRequestedOn, feeReceivedOn, pauses, extensionToldOn);
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
                extensionToldOn);
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
                extensionToldOn);
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
                toldOn);
    }
}
