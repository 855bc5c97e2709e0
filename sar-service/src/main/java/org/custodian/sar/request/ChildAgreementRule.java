package org.custodian.sar.request;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * The privacy notice's rule for parents: a parent may make a request about their child's data where the child is
 * not mature enough to understand their rights (under the school's competence age, 13 by default) or where the child
 * has agreed. The age is the child's age on the day the request was received.
 */
public final class ChildAgreementRule {

    private ChildAgreementRule() {}

    /** Completed years on a day; empty when the date of birth is not known. */
    public static Optional<Integer> ageOn(LocalDate dateOfBirth, LocalDate day) {
        if (dateOfBirth == null || day.isBefore(dateOfBirth)) {
            return Optional.empty();
        }
        return Optional.of(Period.between(dateOfBirth, day).getYears());
    }

    /** The DPO's assessment of this child's competence: whether they understand their rights, and when judged. */
    public record Assessment(boolean competent, LocalDate assessedOn) {}

    /**
     * As {@link #agreementNeeded(LocalDate, LocalDate, int)}, but the DPO's per-child assessment, when there is one
     * made on or before the day the request was received, overrides the age either way: competence is a matter of the
     * child's understanding (ICO, children and the UK GDPR; in Scotland DPA 2018 s.208 presumes it at 12 "unless the
     * contrary is shown"). An assessment made after the request arrived does not decide it: the age on that day does.
     */
    public static Optional<String> agreementNeeded(
            LocalDate dateOfBirth, LocalDate receivedOn, int competenceAge, Optional<Assessment> assessment) {
        if (assessment.isPresent() && !assessment.get().assessedOn().isAfter(receivedOn)) {
            Assessment a = assessment.get();
            return a.competent()
                    ? Optional.of("the data protection officer assessed the child on " + a.assessedOn()
                            + " as understanding their rights, whatever their age: record the child's agreement"
                            + " (childAgreement) or ask the child to make the request themselves")
                    : Optional.empty();
        }
        return agreementNeeded(dateOfBirth, receivedOn, competenceAge);
    }

    /**
     * Why the child's agreement is needed, or empty when it is not. An unknown date of birth needs it too: the
     * school cannot show the child is under the competence age.
     */
    public static Optional<String> agreementNeeded(LocalDate dateOfBirth, LocalDate receivedOn, int competenceAge) {
        Optional<Integer> age = ageOn(dateOfBirth, receivedOn);
        if (age.isEmpty()) {
            return Optional.of(
                    "the school does not hold the child's date of birth, so it cannot tell that the child is under "
                            + competenceAge
                            + "; record the child's agreement (childAgreement) to make this request for them");
        }
        if (age.get() >= competenceAge) {
            return Optional.of("the child was " + age.get() + " on " + receivedOn
                    + ". The privacy notice lets a parent make a request"
                    + " about a child's data where the child is not mature enough to understand their rights (usually under "
                    + competenceAge + ") or where the child has agreed: record the child's agreement (childAgreement)"
                    + " or ask the child to make the request themselves");
        }
        return Optional.empty();
    }
}
