package org.custodian.sharing.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.custodian.sharing.decision.PupilFacts.Restriction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Issue 24's worked examples of the sharing law, written against the engine's long-standing inputs (an agreement with
 * nothing further recorded, an ordinary or emergency request by a maintained school): each one was allowed or refused
 * wrongly before.
 */
class SharingLawTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    static RecipientTerms recipient(String country, Sector sector) {
        return new RecipientTerms(UUID.randomUUID(), true, country, sector);
    }

    static AgreementTerms plain(
            String purpose,
            LawfulBasis basis,
            String country,
            TransferSafeguard safeguard,
            DataCategory... categories) {
        return new AgreementTerms(
                UUID.randomUUID(),
                Set.of(purpose),
                EnumSet.of(categories[0], categories),
                basis,
                basis == LawfulBasis.CONSENT ? "consent" : null,
                TODAY.minusYears(1),
                null,
                country,
                safeguard);
    }

    static Decision decide(RecipientTerms r, AgreementTerms a, SharingRequest q, PupilFacts p) {
        return DecisionEngine.decide(r, a == null ? List.of() : List.of(a), q, p);
    }

    static SharingRequest ask(String purpose, DataCategory... categories) {
        return new SharingRequest(purpose, EnumSet.of(categories[0], categories), TODAY);
    }

    static SharingRequest emergency(String role, String purpose, DataCategory... categories) {
        return new SharingRequest(purpose, EnumSet.of(categories[0], categories), TODAY, true, Set.of(role));
    }

    static final PupilFacts PUPIL = PupilFacts.onRoster("P-1");

    @Nested
    class SpecialCategoryData {

        @Test
        void medicalDataToTheSchoolNurseWithoutAnArt9ConditionIsRefused() {
            AgreementTerms nursing = plain(
                    "school-nursing", LawfulBasis.PUBLIC_TASK, null, null, DataCategory.IDENTITY, DataCategory.MEDICAL);
            Decision d = decide(
                    recipient("GB", Sector.HEALTH),
                    nursing,
                    ask("school-nursing", DataCategory.IDENTITY, DataCategory.MEDICAL),
                    PUPIL);
            assertThat(d.allowed()).isFalse();
            assertThat(d.reasons()).contains(Reason.SPECIAL_CATEGORY_CONDITION_MISSING);
        }

        @Test
        void ethnicityInTheCensusWithoutACondition_SENAndBiometricsLikewise_areRefused() {
            for (DataCategory special : List.of(
                    DataCategory.CHARACTERISTICS,
                    DataCategory.SUPPORT,
                    DataCategory.BIOMETRICS,
                    DataCategory.SAFEGUARDING)) {
                AgreementTerms a = plain("census", LawfulBasis.LEGAL_OBLIGATION, null, null, special);
                Decision d = decide(recipient("GB", Sector.CENTRAL_GOVERNMENT), a, ask("census", special), PUPIL);
                assertThat(d.reasons()).as(special.name()).contains(Reason.SPECIAL_CATEGORY_CONDITION_MISSING);
            }
        }

        @Test
        void ordinaryDataNeedsNoArt9Condition() {
            AgreementTerms a = plain("census", LawfulBasis.LEGAL_OBLIGATION, null, null, DataCategory.ATTENDANCE);
            assertThat(decide(
                                    recipient("GB", Sector.CENTRAL_GOVERNMENT),
                                    a,
                                    ask("census", DataCategory.ATTENDANCE),
                                    PUPIL)
                            .allowed())
                    .isTrue();
        }

        @Test
        void criminalOffenceDataWithoutASchedule1ConditionIsRefused() {
            AgreementTerms a = plain("police", LawfulBasis.PUBLIC_TASK, null, null, DataCategory.CRIMINAL_OFFENCES);
            Decision d =
                    decide(recipient("GB", Sector.POLICE), a, ask("police", DataCategory.CRIMINAL_OFFENCES), PUPIL);
            assertThat(d.reasons()).contains(Reason.CRIMINAL_OFFENCE_CONDITION_MISSING);
        }
    }

    @Nested
    class LegitimateInterestsAndContract {

        @Test
        void aMaintainedSchoolCannotShareOnLegitimateInterests() {
            AgreementTerms a = plain("alumni", LawfulBasis.LEGITIMATE_INTERESTS, null, null, DataCategory.IDENTITY);
            Decision d = decide(recipient("GB", Sector.OTHER), a, ask("alumni", DataCategory.IDENTITY), PUPIL);
            assertThat(d.allowed()).isFalse();
            assertThat(d.reasons()).containsExactly(Reason.LEGITIMATE_INTERESTS_NOT_FOR_PUBLIC_AUTHORITY);
        }

        @Test
        void aSupplierOnTheContractBasisWithNoContractWithThePupilIsRefused() {
            AgreementTerms photographer =
                    plain("school-photos", LawfulBasis.CONTRACT, null, null, DataCategory.IDENTITY);
            Decision d = decide(
                    recipient("GB", Sector.SUPPLIER), photographer, ask("school-photos", DataCategory.IDENTITY), PUPIL);
            assertThat(d.reasons()).containsExactly(Reason.CONTRACT_WITHOUT_DATA_SUBJECT_CONTRACT);
        }
    }

    @Nested
    class PartialAdequacy {

        @Test
        void aUsRecipientOnAdequacyWithNoSchemeRecordedIsRefused() {
            AgreementTerms a = plain(
                    "learning-platform",
                    LawfulBasis.PUBLIC_TASK,
                    null,
                    TransferSafeguard.ADEQUACY,
                    DataCategory.IDENTITY);
            for (String country : List.of("US", "CA", "JP")) {
                Decision d = decide(
                        recipient(country, Sector.EDTECH), a, ask("learning-platform", DataCategory.IDENTITY), PUPIL);
                assertThat(d.reasons()).as(country).containsExactly(Reason.ADEQUACY_SCHEME_NOT_RECORDED);
            }
        }

        @Test
        void aFrenchRecipientOnAdequacyNeedsNoScheme() {
            AgreementTerms a = plain(
                    "learning-platform",
                    LawfulBasis.PUBLIC_TASK,
                    null,
                    TransferSafeguard.ADEQUACY,
                    DataCategory.IDENTITY);
            assertThat(decide(recipient("FR", Sector.EDTECH), a, ask("learning-platform", DataCategory.IDENTITY), PUPIL)
                            .allowed())
                    .isTrue();
        }
    }

    @Nested
    class Emergencies {

        @Test
        void theSafeguardingLeadReachesAnAmbulanceWithNoAgreement() {
            Decision d = decide(
                    recipient("GB", Sector.EMERGENCY_SERVICES),
                    null,
                    emergency("safeguarding-lead", "emergency", DataCategory.IDENTITY, DataCategory.MEDICAL),
                    PUPIL);
            assertThat(d.allowed()).isTrue();
            assertThat(d.basis()).isEqualTo(LawfulBasis.VITAL_INTERESTS);
            assertThat(d.override()).isTrue();
            assertThat(d.overridden()).containsExactly(Reason.NO_AGREEMENT);
        }

        @Test
        void theDpoReachesAHospitalAndChildrensServicesWithNoAgreement() {
            for (Sector sector : List.of(Sector.HEALTH, Sector.CHILDRENS_SERVICES)) {
                Decision d = decide(
                        recipient("GB", sector),
                        null,
                        emergency("dpo", "emergency", DataCategory.IDENTITY, DataCategory.SAFEGUARDING),
                        PUPIL);
                assertThat(d.allowed()).as(sector.name()).isTrue();
            }
        }

        @Test
        void noEmergencyWithoutAnAgreementToThePressNorFromStaff() {
            assertThat(decide(
                                    recipient("GB", Sector.PRESS),
                                    null,
                                    emergency("dpo", "emergency", DataCategory.IDENTITY),
                                    PUPIL)
                            .reasons())
                    .containsExactly(Reason.NO_AGREEMENT);
            assertThat(decide(
                                    recipient("GB", Sector.HEALTH),
                                    null,
                                    emergency("staff", "emergency", DataCategory.IDENTITY),
                                    PUPIL)
                            .reasons())
                    .containsExactly(Reason.NO_AGREEMENT);
        }

        @Test
        void vitalInterestsIsNotABasisForThePress() {
            AgreementTerms a = plain("press", LawfulBasis.VITAL_INTERESTS, null, null, DataCategory.PHOTOGRAPHS);
            Decision d = decide(recipient("GB", Sector.PRESS), a, ask("press", DataCategory.PHOTOGRAPHS), PUPIL);
            assertThat(d.reasons()).containsExactly(Reason.VITAL_INTERESTS_RECIPIENT_NOT_FIT);
        }
    }

    @Nested
    class Restriction18_2 {

        @Test
        void aLegalObligationAloneDoesNotSetARestrictionAside() {
            AgreementTerms a = plain("census", LawfulBasis.LEGAL_OBLIGATION, null, null, DataCategory.ATTENDANCE);
            PupilFacts restricted =
                    new PupilFacts("P-1", true, java.util.Map.of(), List.of(new Restriction(Set.of())), List.of());
            Decision d = decide(
                    recipient("GB", Sector.CENTRAL_GOVERNMENT), a, ask("census", DataCategory.ATTENDANCE), restricted);
            assertThat(d.reasons()).containsExactly(Reason.PROCESSING_RESTRICTED);
        }
    }
}
