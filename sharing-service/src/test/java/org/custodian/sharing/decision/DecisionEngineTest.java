package org.custodian.sharing.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.sharing.decision.DataCategory.ASSESSMENT;
import static org.custodian.sharing.decision.DataCategory.IDENTITY;
import static org.custodian.sharing.decision.DataCategory.MEDICAL;
import static org.custodian.sharing.decision.DataCategory.PHOTOGRAPHS;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.custodian.sharing.decision.Decision.Outcome;
import org.custodian.sharing.decision.PupilFacts.Objection;
import org.custodian.sharing.decision.PupilFacts.Restriction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Worked examples: one row per reason, and the cases where the same facts are allowed. */
class DecisionEngineTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    static final UUID RECIPIENT = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final RecipientTerms ACTIVE_UK = new RecipientTerms(RECIPIENT, true, "GB", Sector.OTHER);
    static final RecipientTerms SUSPENDED = new RecipientTerms(RECIPIENT, false, "GB", Sector.CHILDRENS_SERVICES);
    static final RecipientTerms IN_INDIA = new RecipientTerms(RECIPIENT, true, "IN", Sector.OTHER);
    static final RecipientTerms IN_FRANCE = new RecipientTerms(RECIPIENT, true, "FR", Sector.OTHER);
    static final RecipientTerms CHILDRENS_SERVICES =
            new RecipientTerms(RECIPIENT, true, "GB", Sector.CHILDRENS_SERVICES);
    static final RecipientTerms HOSPITAL = new RecipientTerms(RECIPIENT, true, "GB", Sector.HEALTH);
    static final RecipientTerms POLICE = new RecipientTerms(RECIPIENT, true, "GB", Sector.POLICE);
    static final RecipientTerms AMBULANCE = new RecipientTerms(RECIPIENT, true, "GB", Sector.EMERGENCY_SERVICES);
    static final RecipientTerms NEWSPAPER = new RecipientTerms(RECIPIENT, true, "GB", Sector.PRESS);
    static final RecipientTerms LEARNING_PLATFORM = new RecipientTerms(RECIPIENT, true, "GB", Sector.EDTECH);
    static final RecipientTerms ADVERTISER = new RecipientTerms(RECIPIENT, true, "GB", Sector.MARKETING);

    static AgreementTerms agreement(LawfulBasis basis, String consentPurpose) {
        return new AgreementTerms(
                UUID.randomUUID(),
                Set.of("learning-platform"),
                EnumSet.of(IDENTITY, ASSESSMENT),
                basis,
                consentPurpose,
                TODAY.minusYears(1),
                null,
                null,
                null);
    }

    static final AgreementTerms PUBLIC_TASK = agreement(LawfulBasis.PUBLIC_TASK, null);
    static final AgreementTerms LEGAL = agreement(LawfulBasis.LEGAL_OBLIGATION, null);
    static final AgreementTerms CONSENT = agreement(LawfulBasis.CONSENT, "platform-consent");
    static final AgreementTerms EXPIRED = new AgreementTerms(
            UUID.randomUUID(),
            Set.of("learning-platform"),
            EnumSet.of(IDENTITY, ASSESSMENT),
            LawfulBasis.PUBLIC_TASK,
            null,
            TODAY.minusYears(2),
            TODAY.minusDays(1),
            null,
            null);
    static final AgreementTerms FUTURE = new AgreementTerms(
            UUID.randomUUID(),
            Set.of("learning-platform"),
            EnumSet.of(IDENTITY, ASSESSMENT),
            LawfulBasis.PUBLIC_TASK,
            null,
            TODAY.plusDays(1),
            null,
            null,
            null);
    static final AgreementTerms ENDS_TODAY = new AgreementTerms(
            UUID.randomUUID(),
            Set.of("learning-platform"),
            EnumSet.of(IDENTITY, ASSESSMENT),
            LawfulBasis.PUBLIC_TASK,
            null,
            TODAY.minusYears(1),
            TODAY,
            null,
            null);
    static final AgreementTerms IDTA_TO_US = new AgreementTerms(
            UUID.randomUUID(),
            Set.of("learning-platform"),
            EnumSet.of(IDENTITY, ASSESSMENT),
            LawfulBasis.PUBLIC_TASK,
            null,
            TODAY.minusYears(1),
            null,
            "US",
            TransferSafeguard.IDTA);
    static final AgreementTerms ADEQUACY_TO_INDIA = new AgreementTerms(
            UUID.randomUUID(),
            Set.of("learning-platform"),
            EnumSet.of(IDENTITY, ASSESSMENT),
            LawfulBasis.PUBLIC_TASK,
            null,
            TODAY.minusYears(1),
            null,
            "IN",
            TransferSafeguard.ADEQUACY);
    static final AgreementTerms ADEQUACY_TO_FRANCE = new AgreementTerms(
            UUID.randomUUID(),
            Set.of("learning-platform"),
            EnumSet.of(IDENTITY, ASSESSMENT),
            LawfulBasis.PUBLIC_TASK,
            null,
            TODAY.minusYears(1),
            null,
            "FR",
            TransferSafeguard.ADEQUACY);

    static final SharingRequest ASK = new SharingRequest("learning-platform", EnumSet.of(IDENTITY), TODAY);

    /** An emergency request (a justification given) by someone holding {@code roles}. */
    static SharingRequest emergencyBy(String... roles) {
        return new SharingRequest("learning-platform", EnumSet.of(IDENTITY), TODAY, true, Set.of(roles));
    }

    static final SharingRequest EMERGENCY = emergencyBy("safeguarding-lead");

    static PupilFacts pupil() {
        return PupilFacts.onRoster("P1");
    }

    static PupilFacts consent(ConsentStatus status) {
        return new PupilFacts("P1", true, Map.of("platform-consent", status), List.of(), List.of());
    }

    static PupilFacts restricted(String... categories) {
        return new PupilFacts(
                "P1",
                true,
                Map.of("platform-consent", ConsentStatus.GRANTED),
                List.of(new Restriction(Set.of(categories))),
                List.of());
    }

    static PupilFacts objected(String... purposes) {
        return new PupilFacts(
                "P1",
                true,
                Map.of("platform-consent", ConsentStatus.GRANTED),
                List.of(),
                List.of(new Objection(Set.of(purposes))));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // name, recipient, agreements, request, pupil, expected outcome, expected reasons
                Arguments.of(
                        "public task, on roll",
                        ACTIVE_UK,
                        List.of(PUBLIC_TASK),
                        ASK,
                        pupil(),
                        Outcome.ALLOWED,
                        List.of()),
                Arguments.of(
                        "no agreement at all",
                        ACTIVE_UK,
                        List.of(),
                        ASK,
                        pupil(),
                        Outcome.REFUSED,
                        List.of(Reason.NO_AGREEMENT)),
                Arguments.of(
                        "agreement for another purpose",
                        ACTIVE_UK,
                        List.of(PUBLIC_TASK),
                        new SharingRequest("marketing", EnumSet.of(IDENTITY), TODAY),
                        pupil(),
                        Outcome.REFUSED,
                        List.of(Reason.NO_AGREEMENT)),
                Arguments.of(
                        "a category the agreement does not cover",
                        ACTIVE_UK,
                        List.of(PUBLIC_TASK),
                        new SharingRequest("learning-platform", EnumSet.of(IDENTITY, MEDICAL), TODAY),
                        pupil(),
                        Outcome.REFUSED,
                        List.of(Reason.NO_AGREEMENT)),
                Arguments.of(
                        "recipient suspended",
                        SUSPENDED,
                        List.of(PUBLIC_TASK),
                        ASK,
                        pupil(),
                        Outcome.REFUSED,
                        List.of(Reason.RECIPIENT_SUSPENDED)),
                Arguments.of(
                        "agreement expired yesterday",
                        ACTIVE_UK,
                        List.of(EXPIRED),
                        ASK,
                        pupil(),
                        Outcome.REFUSED,
                        List.of(Reason.AGREEMENT_EXPIRED)),
                Arguments.of(
                        "agreement ending today is still in force",
                        ACTIVE_UK,
                        List.of(ENDS_TODAY),
                        ASK,
                        pupil(),
                        Outcome.ALLOWED,
                        List.of()),
                Arguments.of(
                        "agreement starts tomorrow",
                        ACTIVE_UK,
                        List.of(FUTURE),
                        ASK,
                        pupil(),
                        Outcome.REFUSED,
                        List.of(Reason.AGREEMENT_NOT_YET_VALID)),
                Arguments.of(
                        "consent granted",
                        ACTIVE_UK,
                        List.of(CONSENT),
                        ASK,
                        consent(ConsentStatus.GRANTED),
                        Outcome.ALLOWED,
                        List.of()),
                Arguments.of(
                        "consent never asked",
                        ACTIVE_UK,
                        List.of(CONSENT),
                        ASK,
                        pupil(),
                        Outcome.REFUSED,
                        List.of(Reason.CONSENT_NOT_ASKED)),
                Arguments.of(
                        "consent refused",
                        ACTIVE_UK,
                        List.of(CONSENT),
                        ASK,
                        consent(ConsentStatus.REFUSED),
                        Outcome.REFUSED,
                        List.of(Reason.CONSENT_REFUSED)),
                Arguments.of(
                        "consent withdrawn",
                        ACTIVE_UK,
                        List.of(CONSENT),
                        ASK,
                        consent(ConsentStatus.WITHDRAWN),
                        Outcome.REFUSED,
                        List.of(Reason.CONSENT_WITHDRAWN)),
                Arguments.of(
                        "consent expired",
                        ACTIVE_UK,
                        List.of(CONSENT),
                        ASK,
                        consent(ConsentStatus.EXPIRED),
                        Outcome.REFUSED,
                        List.of(Reason.CONSENT_EXPIRED)),
                Arguments.of(
                        "consent to old wording",
                        ACTIVE_UK,
                        List.of(CONSENT),
                        ASK,
                        consent(ConsentStatus.RENEWAL_NEEDED),
                        Outcome.REFUSED,
                        List.of(Reason.CONSENT_RENEWAL_NEEDED)),
                Arguments.of(
                        "withdrawn consent, but a public task agreement covers it",
                        ACTIVE_UK,
                        List.of(CONSENT, PUBLIC_TASK),
                        ASK,
                        consent(ConsentStatus.WITHDRAWN),
                        Outcome.ALLOWED,
                        List.of()),
                Arguments.of(
                        "an emergency never overrides withdrawn consent (a consent agreement)",
                        CHILDRENS_SERVICES,
                        List.of(CONSENT),
                        EMERGENCY,
                        consent(ConsentStatus.WITHDRAWN),
                        Outcome.REFUSED,
                        List.of(Reason.CONSENT_WITHDRAWN, Reason.OVERRIDE_NOT_PERMITTED)),
                Arguments.of(
                        "an emergency never overrides refused consent, even by the DPO",
                        HOSPITAL,
                        List.of(CONSENT),
                        emergencyBy("dpo"),
                        consent(ConsentStatus.REFUSED),
                        Outcome.REFUSED,
                        List.of(Reason.CONSENT_REFUSED, Reason.OVERRIDE_NOT_PERMITTED)),
                Arguments.of(
                        "processing restricted (all)",
                        ACTIVE_UK,
                        List.of(PUBLIC_TASK),
                        ASK,
                        restricted(),
                        Outcome.REFUSED,
                        List.of(Reason.PROCESSING_RESTRICTED)),
                Arguments.of(
                        "restriction of the requested category",
                        ACTIVE_UK,
                        List.of(CONSENT),
                        ASK,
                        restricted("identity"),
                        Outcome.REFUSED,
                        List.of(Reason.PROCESSING_RESTRICTED)),
                Arguments.of(
                        "restriction of another category",
                        ACTIVE_UK,
                        List.of(PUBLIC_TASK),
                        ASK,
                        restricted("MEDICAL"),
                        Outcome.ALLOWED,
                        List.of()),
                Arguments.of(
                        "restriction of a category this service does not know counts as all",
                        ACTIVE_UK,
                        List.of(PUBLIC_TASK),
                        ASK,
                        restricted("swimming-records"),
                        Outcome.REFUSED,
                        List.of(Reason.PROCESSING_RESTRICTED)),
                Arguments.of(
                        "restricted, and a legal obligation alone is no Art. 18(2) ground (issue 24)",
                        ACTIVE_UK,
                        List.of(LEGAL),
                        ASK,
                        restricted(),
                        Outcome.REFUSED,
                        List.of(Reason.PROCESSING_RESTRICTED)),
                Arguments.of(
                        "restricted, but the agreement records Art. 18(2) important public interest",
                        ACTIVE_UK,
                        List.of(LEGAL.with(new AgreementTerms.Conditions(
                                null, null, null, null, null, RestrictionGround.IMPORTANT_PUBLIC_INTEREST))),
                        ASK,
                        restricted(),
                        Outcome.ALLOWED,
                        List.of()),
                Arguments.of(
                        "restricted, but the request records Art. 18(2) legal claims",
                        ACTIVE_UK,
                        List.of(PUBLIC_TASK),
                        new SharingRequest(
                                "learning-platform",
                                EnumSet.of(IDENTITY),
                                TODAY,
                                false,
                                Set.of(),
                                true,
                                RestrictionGround.LEGAL_CLAIMS,
                                null),
                        restricted(),
                        Outcome.ALLOWED,
                        List.of()),
                Arguments.of(
                        "restricted, but an emergency by the safeguarding lead to children's services",
                        CHILDRENS_SERVICES,
                        List.of(PUBLIC_TASK),
                        EMERGENCY,
                        restricted(),
                        Outcome.ALLOWED,
                        List.of()),
                Arguments.of(
                        "restricted, but an emergency by the DPO to a hospital",
                        HOSPITAL,
                        List.of(PUBLIC_TASK),
                        emergencyBy("dpo"),
                        restricted(),
                        Outcome.ALLOWED,
                        List.of()),
                Arguments.of(
                        "objection upheld, but an emergency by the safeguarding lead to the police",
                        POLICE,
                        List.of(PUBLIC_TASK),
                        emergencyBy("staff", "safeguarding-lead"),
                        objected(),
                        Outcome.ALLOWED,
                        List.of()),
                Arguments.of(
                        "restricted, but an emergency by the DPO to the ambulance service",
                        AMBULANCE,
                        List.of(PUBLIC_TASK),
                        emergencyBy("dpo"),
                        restricted(),
                        Outcome.ALLOWED,
                        List.of()),
                Arguments.of(
                        "restricted, an emergency by a teacher: refused (the penetration test)",
                        CHILDRENS_SERVICES,
                        List.of(PUBLIC_TASK),
                        emergencyBy("staff"),
                        restricted(),
                        Outcome.REFUSED,
                        List.of(Reason.PROCESSING_RESTRICTED, Reason.OVERRIDE_NOT_PERMITTED)),
                Arguments.of(
                        "restricted, an emergency by the MIS: refused",
                        CHILDRENS_SERVICES,
                        List.of(PUBLIC_TASK),
                        emergencyBy("mis"),
                        restricted(),
                        Outcome.REFUSED,
                        List.of(Reason.PROCESSING_RESTRICTED, Reason.OVERRIDE_NOT_PERMITTED)),
                Arguments.of(
                        "restricted, an emergency by the school admin: refused",
                        HOSPITAL,
                        List.of(PUBLIC_TASK),
                        emergencyBy("school-admin"),
                        restricted(),
                        Outcome.REFUSED,
                        List.of(Reason.PROCESSING_RESTRICTED, Reason.OVERRIDE_NOT_PERMITTED)),
                Arguments.of(
                        "restricted, an emergency by the DPO to the press: refused",
                        NEWSPAPER,
                        List.of(PUBLIC_TASK),
                        emergencyBy("dpo"),
                        restricted(),
                        Outcome.REFUSED,
                        List.of(Reason.PROCESSING_RESTRICTED, Reason.OVERRIDE_NOT_PERMITTED)),
                Arguments.of(
                        "objection upheld, an emergency by the safeguarding lead to edtech: refused",
                        LEARNING_PLATFORM,
                        List.of(PUBLIC_TASK),
                        EMERGENCY,
                        objected(),
                        Outcome.REFUSED,
                        List.of(Reason.OBJECTION_UPHELD, Reason.OVERRIDE_NOT_PERMITTED)),
                Arguments.of(
                        "objection upheld, an emergency by the DPO to marketing: refused",
                        ADVERTISER,
                        List.of(PUBLIC_TASK),
                        emergencyBy("dpo"),
                        objected(),
                        Outcome.REFUSED,
                        List.of(Reason.OBJECTION_UPHELD, Reason.OVERRIDE_NOT_PERMITTED)),
                Arguments.of(
                        "an emergency with nothing to override is an ordinary disclosure, whoever asks",
                        ACTIVE_UK,
                        List.of(PUBLIC_TASK),
                        emergencyBy("staff"),
                        pupil(),
                        Outcome.ALLOWED,
                        List.of()),
                Arguments.of(
                        "objection upheld (all purposes)",
                        ACTIVE_UK,
                        List.of(PUBLIC_TASK),
                        ASK,
                        objected(),
                        Outcome.REFUSED,
                        List.of(Reason.OBJECTION_UPHELD)),
                Arguments.of(
                        "objection to another purpose",
                        ACTIVE_UK,
                        List.of(PUBLIC_TASK),
                        ASK,
                        objected("marketing"),
                        Outcome.ALLOWED,
                        List.of()),
                Arguments.of(
                        "objection upheld, but legal obligation",
                        ACTIVE_UK,
                        List.of(LEGAL),
                        ASK,
                        objected(),
                        Outcome.ALLOWED,
                        List.of()),
                Arguments.of(
                        "recipient outside the UK, no safeguard",
                        IN_INDIA,
                        List.of(PUBLIC_TASK),
                        ASK,
                        pupil(),
                        Outcome.REFUSED,
                        List.of(Reason.TRANSFER_WITHOUT_SAFEGUARD)),
                Arguments.of(
                        "EEA recipient without a safeguard named",
                        IN_FRANCE,
                        List.of(PUBLIC_TASK),
                        ASK,
                        pupil(),
                        Outcome.REFUSED,
                        List.of(Reason.TRANSFER_WITHOUT_SAFEGUARD)),
                Arguments.of(
                        "transfer to France on adequacy",
                        ACTIVE_UK,
                        List.of(ADEQUACY_TO_FRANCE),
                        ASK,
                        pupil(),
                        Outcome.ALLOWED,
                        List.of()),
                Arguments.of(
                        "adequacy claimed for a country without UK adequacy",
                        ACTIVE_UK,
                        List.of(ADEQUACY_TO_INDIA),
                        ASK,
                        pupil(),
                        Outcome.REFUSED,
                        List.of(Reason.TRANSFER_WITHOUT_SAFEGUARD)),
                Arguments.of(
                        "transfer to the US under the IDTA",
                        ACTIVE_UK,
                        List.of(IDTA_TO_US),
                        ASK,
                        pupil(),
                        Outcome.ALLOWED,
                        List.of()),
                Arguments.of(
                        "pupil not on the roster",
                        ACTIVE_UK,
                        List.of(PUBLIC_TASK),
                        ASK,
                        new PupilFacts("P1", false, Map.of(), List.of(), List.of()),
                        Outcome.REFUSED,
                        List.of(Reason.PUPIL_NOT_ON_ROSTER)),
                Arguments.of(
                        "several reasons at once",
                        SUSPENDED,
                        List.of(CONSENT),
                        ASK,
                        new PupilFacts(
                                "P1", false, Map.of("platform-consent", ConsentStatus.WITHDRAWN), List.of(), List.of()),
                        Outcome.REFUSED,
                        List.of(Reason.RECIPIENT_SUSPENDED, Reason.CONSENT_WITHDRAWN, Reason.PUPIL_NOT_ON_ROSTER)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void workedExample(
            String name,
            RecipientTerms recipient,
            List<AgreementTerms> agreements,
            SharingRequest request,
            PupilFacts pupil,
            Outcome outcome,
            List<Reason> reasons) {
        Decision decision = DecisionEngine.decide(recipient, agreements, request, pupil);
        assertThat(decision.outcome()).as(name).isEqualTo(outcome);
        assertThat(decision.reasons()).as(name).containsExactlyInAnyOrderElementsOf(reasons);
    }

    @Test
    void anEmergencyOverrideRestsOnVitalInterestsAndNamesWhatItOverrode() {
        PupilFacts both = new PupilFacts(
                "P1", true, Map.of(), List.of(new Restriction(Set.of())), List.of(new Objection(Set.of())));
        Decision decision = DecisionEngine.decide(CHILDRENS_SERVICES, List.of(PUBLIC_TASK), EMERGENCY, both);
        assertThat(decision.override()).isTrue();
        assertThat(decision.basis()).isEqualTo(LawfulBasis.VITAL_INTERESTS);
        assertThat(decision.agreement()).isEqualTo(PUBLIC_TASK);
        assertThat(decision.overridden()).containsExactly(Reason.PROCESSING_RESTRICTED, Reason.OBJECTION_UPHELD);
    }

    @Test
    void anEmergencyThatNeedsNoOverrideIsNotMarkedAsOne() {
        Decision decision =
                DecisionEngine.decide(CHILDRENS_SERVICES, List.of(CONSENT), EMERGENCY, consent(ConsentStatus.GRANTED));
        assertThat(decision.override()).isFalse();
        assertThat(decision.overridden()).isEmpty();
        assertThat(decision.basis()).isEqualTo(LawfulBasis.CONSENT);
    }

    @Test
    void anEmergencyRestsOnTheAgreementThatDoesNotNeedConsent() {
        Decision decision = DecisionEngine.decide(
                CHILDRENS_SERVICES,
                List.of(CONSENT, PUBLIC_TASK),
                EMERGENCY,
                new PupilFacts(
                        "P1",
                        true,
                        Map.of("platform-consent", ConsentStatus.WITHDRAWN),
                        List.of(new Restriction(Set.of())),
                        List.of()));
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.agreement()).isEqualTo(PUBLIC_TASK);
        assertThat(decision.overridden()).containsExactly(Reason.PROCESSING_RESTRICTED);
    }

    @Test
    void anEmergencyGoesToChildrensServicesWithoutAnAgreementButNotToASuspendedRecipient() {
        Decision noAgreement = DecisionEngine.decide(CHILDRENS_SERVICES, List.of(), EMERGENCY, pupil());
        assertThat(noAgreement.allowed()).isTrue();
        assertThat(noAgreement.agreement()).isNull();
        assertThat(noAgreement.overridden()).containsExactly(Reason.NO_AGREEMENT);
        assertThat(DecisionEngine.decide(NEWSPAPER, List.of(), EMERGENCY, pupil())
                        .reasons())
                .containsExactly(Reason.NO_AGREEMENT);
        assertThat(DecisionEngine.decide(SUSPENDED, List.of(PUBLIC_TASK), EMERGENCY, restricted())
                        .reasons())
                .containsExactly(Reason.RECIPIENT_SUSPENDED);
    }

    /**
     * An expired or future agreement blocks a real emergency no more than a missing one; a consent-based agreement's
     * refusal still stands, and so do the caller, the recipient and the roster (issue 24; decisions 0014 and 0018).
     */
    @Test
    void anEmergencyGoesAheadPastAnExpiredOrFutureAgreementButNotPastConsent() {
        for (AgreementTerms unusable : List.of(EXPIRED, FUTURE)) {
            Decision decision = DecisionEngine.decide(CHILDRENS_SERVICES, List.of(unusable), EMERGENCY, pupil());
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.agreement()).isNull();
            assertThat(decision.basis()).isEqualTo(LawfulBasis.VITAL_INTERESTS);
            assertThat(decision.overridden()).containsExactly(Reason.NO_AGREEMENT);
        }
        Decision pastConsent = DecisionEngine.decide(
                CHILDRENS_SERVICES, List.of(EXPIRED, CONSENT), EMERGENCY, consent(ConsentStatus.WITHDRAWN));
        assertThat(pastConsent.allowed()).isFalse();
        assertThat(pastConsent.reasons()).containsExactly(Reason.AGREEMENT_EXPIRED);
        assertThat(DecisionEngine.decide(CHILDRENS_SERVICES, List.of(EXPIRED), emergencyBy("staff"), pupil())
                        .reasons())
                .containsExactly(Reason.AGREEMENT_EXPIRED);
        assertThat(DecisionEngine.decide(NEWSPAPER, List.of(EXPIRED), emergencyBy("dpo"), pupil())
                        .reasons())
                .containsExactly(Reason.AGREEMENT_EXPIRED);
        assertThat(DecisionEngine.decide(SUSPENDED, List.of(EXPIRED), EMERGENCY, pupil())
                        .reasons())
                .containsExactlyInAnyOrder(Reason.RECIPIENT_SUSPENDED, Reason.AGREEMENT_EXPIRED);
        assertThat(DecisionEngine.decide(
                                CHILDRENS_SERVICES,
                                List.of(EXPIRED),
                                EMERGENCY,
                                new PupilFacts("P1", false, Map.of(), List.of(), List.of()))
                        .allowed())
                .isFalse();
    }

    @Test
    void aLegalObligationIsPreferredToConsentWhenBothAllow() {
        Decision decision = DecisionEngine.decide(
                ACTIVE_UK, List.of(CONSENT, LEGAL, PUBLIC_TASK), ASK, consent(ConsentStatus.GRANTED));
        assertThat(decision.basis()).isEqualTo(LawfulBasis.LEGAL_OBLIGATION);
        assertThat(decision.agreement()).isEqualTo(LEGAL);
    }

    @Test
    void aRefusalNamesTheClosestAgreement() {
        Decision decision =
                DecisionEngine.decide(ACTIVE_UK, List.of(EXPIRED, CONSENT), ASK, consent(ConsentStatus.WITHDRAWN));
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.agreement()).isIn(EXPIRED, CONSENT);
        assertThat(decision.reasons()).hasSize(1);
    }

    @Test
    void unknownConsentStatusesAreNotConsent() {
        assertThat(ConsentStatus.parse("SOMETHING_NEW")).isEqualTo(ConsentStatus.NOT_ASKED);
        assertThat(ConsentStatus.parse(null)).isEqualTo(ConsentStatus.NOT_ASKED);
        assertThat(ConsentStatus.parse("withdrawn")).isEqualTo(ConsentStatus.WITHDRAWN);
    }

    @Test
    void categoriesFromOtherServicesAreReadTolerantly() {
        assertThat(DataCategory.parse("curricular-records")).contains(DataCategory.CURRICULAR_RECORDS);
        assertThat(DataCategory.parse("photographs")).contains(PHOTOGRAPHS);
        assertThat(DataCategory.parse("biometrics")).contains(DataCategory.BIOMETRICS);
        assertThat(DataCategory.parse("swimming-records")).isEmpty();
    }
}
