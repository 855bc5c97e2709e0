package org.custodian.consent.decision;

import org.custodian.consent.purpose.PurposeKind;

/**
 * Who may record a decision for whom. A parent records their own decisions about children they hold parental
 * responsibility for; a pupil records their own once competent (and may object to biometrics at any age); school
 * staff record paper, verbal and MIS decisions on behalf of a guardian with parental responsibility or of the pupil.
 */
public final class RecordingRules {

    private RecordingRules() {}

    /** The caller, as far as these rules care: a parent, the pupil, or staff recording on someone's behalf. */
    public enum Actor {
        PARENT,
        PUPIL,
        STAFF
    }

    /** NOT_FOUND is for another family's child: the answer must not reveal that the child exists. */
    public enum Verdict {
        ALLOWED,
        NOT_FOUND,
        FORBIDDEN,
        UNPROCESSABLE
    }

    public record Check(Verdict verdict, String reason) {
        static Check allowed() {
            return new Check(Verdict.ALLOWED, null);
        }

        public boolean isAllowed() {
            return verdict == Verdict.ALLOWED;
        }
    }

    /**
     * @param actorHasResponsibility for a parent: whether they hold parental responsibility for this pupil
     * @param giverHasResponsibility for a guardian giver: whether that guardian holds it
     */
    public record Attempt(
            Actor actor,
            String actorId,
            String pupilId,
            Giver giver,
            Decision decision,
            PurposeKind kind,
            Method method,
            boolean actorHasResponsibility,
            boolean giverHasResponsibility,
            boolean pupilCompetent) {}

    public static Check check(Attempt a) {
        switch (a.actor()) {
            case PARENT -> {
                if (!a.actorHasResponsibility()) {
                    return new Check(Verdict.NOT_FOUND, "no pupil with that id");
                }
                if (a.giver().isPupil() || !a.giver().id().equals(a.actorId())) {
                    return new Check(Verdict.FORBIDDEN, "a parent records their own decisions only");
                }
            }
            case PUPIL -> {
                if (!a.pupilId().equals(a.actorId())) {
                    return new Check(Verdict.NOT_FOUND, "no pupil with that id");
                }
                if (!a.giver().isPupil()) {
                    return new Check(Verdict.FORBIDDEN, "a pupil records their own decisions only");
                }
            }
            case STAFF -> {
                if (!a.method().isOnBehalf()) {
                    return new Check(
                            Verdict.UNPROCESSABLE,
                            "staff record decisions made on paper, verbally or in the MIS; ONLINE is for the person themselves");
                }
            }
        }
        if (a.actor() != Actor.STAFF && a.method().isOnBehalf()) {
            return new Check(Verdict.UNPROCESSABLE, "a decision you make yourself is recorded as ONLINE");
        }
        if (!a.giver().isPupil() && !a.giverHasResponsibility()) {
            return new Check(
                    Verdict.UNPROCESSABLE,
                    "guardian " + a.giver().id() + " does not hold parental responsibility for this pupil");
        }
        if (a.giver().isPupil()) {
            return checkPupilGiver(a);
        }
        return Check.allowed();
    }

    private static Check checkPupilGiver(Attempt a) {
        if (a.kind() == PurposeKind.BIOMETRIC) {
            if (a.decision() == Decision.GRANTED) {
                return new Check(
                        Verdict.UNPROCESSABLE,
                        "biometric data needs a parent's written consent; a pupil can only object (Protection of Freedoms Act 2012, s.26)");
            }
            return Check.allowed();
        }
        if (!a.pupilCompetent()) {
            return new Check(
                    Verdict.UNPROCESSABLE,
                    "the pupil is below the school's competence age: a parent with parental responsibility decides");
        }
        return Check.allowed();
    }
}
