package org.custodian.consent.decision;

import org.custodian.consent.purpose.PurposeKind;

/**
 * Who may record a decision for whom. A parent records their own decisions about children they hold parental
 * responsibility for; a pupil records their own once competent (and may object to biometrics, or later agree, at any
 * age); school staff record paper, verbal and MIS decisions on behalf of a guardian with parental responsibility or of
 * the pupil. For biometric purposes (Protection of Freedoms Act 2012, ss.26–28) staff may also record the written
 * decision of anyone who can be a parent within s.28 (a parent without parental responsibility, someone who has care
 * of the child, the local authority); a parent's decision must be in writing (s.27), and from 18 only the student
 * decides.
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
     * @param giverCouldBeBiometricParent for a guardian giver: whether they can be a parent within s.28 of the
     *     Protection of Freedoms Act 2012 ({@link BiometricRules#couldBeAParent})
     * @param pupilAdult whether the pupil is 18 or over
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
            boolean pupilCompetent,
            boolean giverCouldBeBiometricParent,
            boolean pupilAdult) {

        /** A child, and a guardian giver who can be a parent within s.28 exactly when they hold responsibility. */
        public Attempt(
                Actor actor,
                String actorId,
                String pupilId,
                Giver giver,
                Decision decision,
                PurposeKind kind,
                Method method,
                boolean actorHasResponsibility,
                boolean giverHasResponsibility,
                boolean pupilCompetent) {
            this(
                    actor,
                    actorId,
                    pupilId,
                    giver,
                    decision,
                    kind,
                    method,
                    actorHasResponsibility,
                    giverHasResponsibility,
                    pupilCompetent,
                    giverHasResponsibility,
                    false);
        }
    }

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
        if (a.giver().isPupil()) {
            return checkPupilGiver(a);
        }
        if (a.kind() == PurposeKind.BIOMETRIC) {
            return checkBiometricParent(a);
        }
        if (!a.giverHasResponsibility()) {
            return new Check(
                    Verdict.UNPROCESSABLE,
                    "guardian " + a.giver().id() + " does not hold parental responsibility for this pupil");
        }
        return Check.allowed();
    }

    /** A guardian's decision about a biometric purpose: a parent within s.28, in writing, about a child. */
    private static Check checkBiometricParent(Attempt a) {
        if (a.pupilAdult()) {
            return new Check(
                    Verdict.UNPROCESSABLE,
                    "the student is 18 or over: their own explicit consent decides and a parent's does not count"
                            + " (Protection of Freedoms Act 2012, s.28(1): a child is a person under 18)");
        }
        if (!a.giverCouldBeBiometricParent()) {
            return new Check(
                    Verdict.UNPROCESSABLE,
                    "guardian " + a.giver().id() + " is not a parent of this pupil within s.28 of the Protection of"
                            + " Freedoms Act 2012 (a parent, someone with parental responsibility or who has care of"
                            + " the child, or the local authority)");
        }
        if (a.method() == Method.VERBAL) {
            return new Check(
                    Verdict.UNPROCESSABLE,
                    "for biometric data a parent's consent or objection counts only in writing (Protection of"
                            + " Freedoms Act 2012, s.27; explanatory notes para 144): record the paper form (PAPER) or"
                            + " ask the parent to decide online; VERBAL does not count");
        }
        return Check.allowed();
    }

    private static Check checkPupilGiver(Attempt a) {
        if (a.kind() == PurposeKind.BIOMETRIC) {
            // s.26(5): the child may object or refuse at any age, and agree again later (the objection then stops
            // applying); from 18 the student's own consent decides. Either way a pupil may record any decision.
            return Check.allowed();
        }
        if (!a.pupilCompetent()) {
            return new Check(
                    Verdict.UNPROCESSABLE,
                    "the pupil is below the school's competence age (or the data protection officer assessed them as not"
                            + " yet competent): a parent with parental responsibility decides");
        }
        return Check.allowed();
    }
}
