package org.custodian.consent.decision;

import static org.assertj.core.api.Assertions.assertThat;

import org.custodian.consent.decision.RecordingRules.Actor;
import org.custodian.consent.decision.RecordingRules.Attempt;
import org.custodian.consent.decision.RecordingRules.Verdict;
import org.custodian.consent.purpose.PurposeKind;
import org.junit.jupiter.api.Test;

class RecordingRulesTest {

    private static Verdict check(
            Actor actor,
            String actorId,
            Giver giver,
            Decision decision,
            PurposeKind kind,
            Method method,
            boolean actorResponsible,
            boolean giverResponsible,
            boolean competent) {
        return RecordingRules.check(new Attempt(
                        actor,
                        actorId,
                        "P-1",
                        giver,
                        decision,
                        kind,
                        method,
                        actorResponsible,
                        giverResponsible,
                        competent))
                .verdict();
    }

    @Test
    void aParentWithResponsibilityRecordsTheirOwnDecisionOnline() {
        assertThat(check(
                        Actor.PARENT,
                        "G-1",
                        Giver.guardian("G-1"),
                        Decision.GRANTED,
                        PurposeKind.STANDARD,
                        Method.ONLINE,
                        true,
                        true,
                        false))
                .isEqualTo(Verdict.ALLOWED);
        assertThat(check(
                        Actor.PARENT,
                        "G-1",
                        Giver.guardian("G-1"),
                        Decision.WITHDRAWN,
                        PurposeKind.BIOMETRIC,
                        Method.ONLINE,
                        true,
                        true,
                        false))
                .as("withdrawing is as easy as granting")
                .isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void anotherFamilysChildIsNotFound() {
        assertThat(check(
                        Actor.PARENT,
                        "G-9",
                        Giver.guardian("G-9"),
                        Decision.GRANTED,
                        PurposeKind.STANDARD,
                        Method.ONLINE,
                        false,
                        false,
                        false))
                .isEqualTo(Verdict.NOT_FOUND);
        assertThat(check(
                        Actor.PUPIL,
                        "P-2",
                        Giver.pupil("P-2"),
                        Decision.REFUSED,
                        PurposeKind.STANDARD,
                        Method.ONLINE,
                        false,
                        false,
                        true))
                .isEqualTo(Verdict.NOT_FOUND);
    }

    @Test
    void aParentCannotSpeakForTheOtherParent() {
        assertThat(check(
                        Actor.PARENT,
                        "G-1",
                        Giver.guardian("G-2"),
                        Decision.REFUSED,
                        PurposeKind.STANDARD,
                        Method.ONLINE,
                        true,
                        true,
                        false))
                .isEqualTo(Verdict.FORBIDDEN);
        assertThat(check(
                        Actor.PARENT,
                        "G-1",
                        Giver.pupil("P-1"),
                        Decision.REFUSED,
                        PurposeKind.STANDARD,
                        Method.ONLINE,
                        true,
                        true,
                        false))
                .isEqualTo(Verdict.FORBIDDEN);
    }

    @Test
    void aPupilDecidesStandardPurposesOnlyOnceCompetentButObjectsToBiometricsAtAnyAge() {
        assertThat(check(
                        Actor.PUPIL,
                        "P-1",
                        Giver.pupil("P-1"),
                        Decision.REFUSED,
                        PurposeKind.STANDARD,
                        Method.ONLINE,
                        false,
                        false,
                        true))
                .isEqualTo(Verdict.ALLOWED);
        assertThat(check(
                        Actor.PUPIL,
                        "P-1",
                        Giver.pupil("P-1"),
                        Decision.GRANTED,
                        PurposeKind.STANDARD,
                        Method.ONLINE,
                        false,
                        false,
                        false))
                .isEqualTo(Verdict.UNPROCESSABLE);
        assertThat(check(
                        Actor.PUPIL,
                        "P-1",
                        Giver.pupil("P-1"),
                        Decision.REFUSED,
                        PurposeKind.BIOMETRIC,
                        Method.ONLINE,
                        false,
                        false,
                        false))
                .isEqualTo(Verdict.ALLOWED);
        assertThat(check(
                        Actor.PUPIL,
                        "P-1",
                        Giver.pupil("P-1"),
                        Decision.GRANTED,
                        PurposeKind.BIOMETRIC,
                        Method.ONLINE,
                        false,
                        false,
                        true))
                .as("a child who objected may later agree (s.26(5)); from 18 it is the student's own consent")
                .isEqualTo(Verdict.ALLOWED);
    }

    private static RecordingRules.Check biometric(
            Actor actor, Giver giver, Decision decision, Method method, boolean couldBeParent, boolean adult) {
        return RecordingRules.check(new Attempt(
                actor,
                actor == Actor.STAFF ? "admin" : giver.id(),
                "P-1",
                giver,
                decision,
                PurposeKind.BIOMETRIC,
                method,
                true,
                false,
                false,
                couldBeParent,
                adult));
    }

    @Test
    void aParentsBiometricDecisionCountsOnlyInWritingSoVerbalIsRefusedWithTheReason() {
        for (Decision decision : Decision.values()) {
            RecordingRules.Check verbal =
                    biometric(Actor.STAFF, Giver.guardian("G-1"), decision, Method.VERBAL, true, false);
            assertThat(verbal.verdict()).isEqualTo(Verdict.UNPROCESSABLE);
            assertThat(verbal.reason()).contains("in writing").contains("s.27");
            assertThat(biometric(Actor.STAFF, Giver.guardian("G-1"), decision, Method.PAPER, true, false)
                            .verdict())
                    .isEqualTo(Verdict.ALLOWED);
        }
        assertThat(biometric(Actor.STAFF, Giver.pupil("P-1"), Decision.REFUSED, Method.VERBAL, false, false)
                        .verdict())
                .as("the child's own objection need not be in writing (s.26(5))")
                .isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void aParentWithinSection28WithoutParentalResponsibilityMayBeRecordedForBiometricsOnly() {
        assertThat(biometric(Actor.STAFF, Giver.guardian("G-DAD"), Decision.REFUSED, Method.PAPER, true, false)
                        .verdict())
                .isEqualTo(Verdict.ALLOWED);
        RecordingRules.Check stranger =
                biometric(Actor.STAFF, Giver.guardian("G-X"), Decision.GRANTED, Method.PAPER, false, false);
        assertThat(stranger.verdict()).isEqualTo(Verdict.UNPROCESSABLE);
        assertThat(stranger.reason()).contains("s.28");
    }

    @Test
    void fromEighteenAParentsBiometricDecisionIsRefused() {
        RecordingRules.Check adult =
                biometric(Actor.PARENT, Giver.guardian("G-1"), Decision.GRANTED, Method.ONLINE, true, true);
        assertThat(adult.verdict()).isEqualTo(Verdict.UNPROCESSABLE);
        assertThat(adult.reason()).contains("18");
        assertThat(biometric(Actor.PUPIL, Giver.pupil("P-1"), Decision.GRANTED, Method.ONLINE, false, true)
                        .verdict())
                .isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void staffRecordPaperVerbalAndMisDecisionsForAResponsibleGuardian() {
        for (Method method : new Method[] {Method.PAPER, Method.VERBAL, Method.MIS_IMPORT}) {
            assertThat(check(
                            Actor.STAFF,
                            "admin",
                            Giver.guardian("G-1"),
                            Decision.GRANTED,
                            PurposeKind.STANDARD,
                            method,
                            false,
                            true,
                            false))
                    .isEqualTo(Verdict.ALLOWED);
        }
        assertThat(check(
                        Actor.STAFF,
                        "admin",
                        Giver.guardian("G-1"),
                        Decision.GRANTED,
                        PurposeKind.STANDARD,
                        Method.ONLINE,
                        false,
                        true,
                        false))
                .isEqualTo(Verdict.UNPROCESSABLE);
        assertThat(check(
                        Actor.STAFF,
                        "admin",
                        Giver.guardian("G-7"),
                        Decision.GRANTED,
                        PurposeKind.STANDARD,
                        Method.PAPER,
                        false,
                        false,
                        false))
                .as("no parental responsibility")
                .isEqualTo(Verdict.UNPROCESSABLE);
    }

    @Test
    void selfServiceIsOnline() {
        assertThat(check(
                        Actor.PARENT,
                        "G-1",
                        Giver.guardian("G-1"),
                        Decision.GRANTED,
                        PurposeKind.STANDARD,
                        Method.PAPER,
                        true,
                        true,
                        false))
                .isEqualTo(Verdict.UNPROCESSABLE);
    }
}
