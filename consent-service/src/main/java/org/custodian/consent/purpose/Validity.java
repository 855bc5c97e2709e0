package org.custodian.consent.purpose;

import java.time.LocalDate;
import java.time.Month;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How long a grant of consent for a purpose lasts: for ever (until withdrawn), to the end of the academic year it was
 * given in (31 August), or for an ISO-8601 period such as {@code P1Y}.
 */
public final class Validity {

    public static final String ACADEMIC_YEAR = "ACADEMIC_YEAR";

    private Validity() {}

    /** Whether {@code validity} is a value this service understands (null means no expiry). */
    public static boolean isValid(String validity) {
        if (validity == null || validity.equals(ACADEMIC_YEAR)) {
            return true;
        }
        try {
            Period period = Period.parse(validity);
            return !period.isNegative() && !period.isZero();
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The last day a grant given on {@code grantedOn} counts, or empty when it does not expire. */
    public static Optional<LocalDate> validUntil(String validity, LocalDate grantedOn) {
        if (validity == null) {
            return Optional.empty();
        }
        if (validity.equals(ACADEMIC_YEAR)) {
            LocalDate endOfAugust = LocalDate.of(grantedOn.getYear(), Month.AUGUST, 31);
            return Optional.of(grantedOn.isAfter(endOfAugust) ? endOfAugust.plusYears(1) : endOfAugust);
        }
        return Optional.of(grantedOn.plus(Period.parse(validity)).minusDays(1));
    }
}
