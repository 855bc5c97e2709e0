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
                .isEqualTo(Verdict.UNPROCESSABLE);
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
