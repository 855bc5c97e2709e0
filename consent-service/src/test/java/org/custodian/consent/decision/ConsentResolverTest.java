package org.custodian.consent.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.consent.decision.ConsentStatus.EXPIRED;
import static org.custodian.consent.decision.ConsentStatus.NOT_ASKED;
import static org.custodian.consent.decision.ConsentStatus.REFUSED;
import static org.custodian.consent.decision.ConsentStatus.RENEWAL_NEEDED;
import static org.custodian.consent.decision.ConsentStatus.WITHDRAWN;
import static org.custodian.consent.decision.Decision.GRANTED;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.custodian.consent.decision.BiometricRules.NoticeOutcome;
import org.custodian.consent.decision.BiometricRules.Person;
import org.custodian.consent.decision.BiometricRules.Standing;
import org.custodian.consent.decision.ConsentResolver.Context;
import org.custodian.consent.decision.ConsentResolver.Resolution;
import org.custodian.consent.purpose.PurposeKind;
import org.custodian.consent.school.ConflictPolicy;
import org.junit.jupiter.api.Test;

class ConsentResolverTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final Giver MUM = Giver.guardian("G-MUM");
    private static final Giver DAD = Giver.guardian("G-DAD");
    private static final Giver PUPIL = Giver.pupil("P-1");
    private static final Set<String> BOTH_PARENTS = Set.of("G-MUM", "G-DAD");

    private static Context standard(ConflictPolicy policy) {
        return new Context(PurposeKind.STANDARD, 1, BOTH_PARENTS, false, true, policy, TODAY);
    }

    private static Context standard() {
        return standard(ConflictPolicy.MOST_RESTRICTIVE);
    }

    private static final List<Person> MUM_AND_DAD = List.of(
            new Person("G-MUM", Standing.PARENT_OF_CHILD, true, true),
            new Person("G-DAD", Standing.PARENT_OF_CHILD, true, false));
    private static final Map<String, NoticeOutcome> BOTH_NOTIFIED =
            Map.of("G-MUM", NoticeOutcome.NOTIFIED, "G-DAD", NoticeOutcome.NOTIFIED);

    /** A biometric purpose for a child whose two parents were both notified in writing. */
    private static Context biometric(boolean pupilCompetent) {
        return biometric(pupilCompetent, false, MUM_AND_DAD, BOTH_NOTIFIED);
    }

    private static Context biometric(
            boolean pupilCompetent, boolean adult, List<Person> linked, Map<String, NoticeOutcome> notices) {
        return new Context(
                PurposeKind.BIOMETRIC,
                1,
                BOTH_PARENTS,
                pupilCompetent,
                true,
                ConflictPolicy.MOST_RESTRICTIVE,
                TODAY,
                adult,
                linked,
                notices);
    }

    private int clock;

    private RecordedDecision at(Giver giver, Decision decision) {
        return at(giver, decision, 1, null);
    }

    private RecordedDecision at(Giver giver, Decision decision, int version, LocalDate validUntil) {
        clock++;
        return new RecordedDecision(
                "d" + clock,
                giver,
                decision,
                version,
                Instant.parse("2026-09-01T08:00:00Z").plusSeconds(clock * 60L),
                validUntil);
    }

    private static ConsentStatus status(Context context, RecordedDecision... decisions) {
        return ConsentResolver.resolve(context, List.of(decisions)).status();
    }

    @Test
    void nobodyAskedYet() {
        Resolution r = ConsentResolver.resolve(standard(), List.of());
        assertThat(r.status()).isEqualTo(NOT_ASKED);
        assertThat(r.permitted()).isFalse();
        assertThat(r.explanation()).containsExactly("nobody has been asked yet");
    }

    @Test
    void oneParentGrants() {
        Resolution r = ConsentResolver.resolve(standard(), List.of(at(MUM, GRANTED)));
        assertThat(r.status()).isEqualTo(ConsentStatus.GRANTED);
        assertThat(r.permitted()).isTrue();
        assertThat(r.countingDecisions()).containsExactly("d1");
        assertThat(r.effectiveVersion()).isEqualTo(1);
    }

    @Test
    void aRefusalByOneParentBeatsAGrantByTheOtherWhicheverCameFirst() {
        assertThat(status(standard(), at(MUM, GRANTED), at(DAD, Decision.REFUSED)))
                .isEqualTo(REFUSED);
        assertThat(status(standard(), at(DAD, Decision.REFUSED), at(MUM, GRANTED)))
                .isEqualTo(REFUSED);
    }

    @Test
    void underTheLatestDecisionPolicyTheLaterParentDecides() {
        assertThat(status(standard(ConflictPolicy.LATEST_DECISION), at(DAD, Decision.REFUSED), at(MUM, GRANTED)))
                .isEqualTo(ConsentStatus.GRANTED);
        assertThat(status(standard(ConflictPolicy.LATEST_DECISION), at(MUM, GRANTED), at(DAD, Decision.WITHDRAWN)))
                .isEqualTo(WITHDRAWN);
    }

    @Test
    void aWithdrawalReplacesTheSameParentsGrant() {
        assertThat(status(standard(), at(MUM, GRANTED), at(MUM, Decision.WITHDRAWN)))
                .isEqualTo(WITHDRAWN);
        assertThat(status(standard(), at(MUM, Decision.WITHDRAWN), at(MUM, GRANTED)))
                .isEqualTo(ConsentStatus.GRANTED);
    }

    @Test
    void aGuardianWithoutParentalResponsibilityDoesNotCount() {
        Context onlyMum = new Context(
                PurposeKind.STANDARD, 1, Set.of("G-MUM"), false, true, ConflictPolicy.MOST_RESTRICTIVE, TODAY);
        Resolution r = ConsentResolver.resolve(onlyMum, List.of(at(DAD, Decision.REFUSED), at(MUM, GRANTED)));
        assertThat(r.status()).isEqualTo(ConsentStatus.GRANTED);
        assertThat(r.explanation()).anyMatch(line -> line.contains("G-DAD does not hold parental responsibility"));
    }

    @Test
    void aCompetentPupilsOwnRefusalAlwaysWins() {
        Context competent =
                new Context(PurposeKind.STANDARD, 1, BOTH_PARENTS, true, true, ConflictPolicy.LATEST_DECISION, TODAY);
        assertThat(status(competent, at(PUPIL, Decision.REFUSED), at(MUM, GRANTED), at(DAD, GRANTED)))
                .isEqualTo(REFUSED);
        Context stillYoung =
                new Context(PurposeKind.STANDARD, 1, BOTH_PARENTS, false, true, ConflictPolicy.LATEST_DECISION, TODAY);
        assertThat(status(stillYoung, at(PUPIL, Decision.REFUSED), at(MUM, GRANTED)))
                .as("below the competence age")
                .isEqualTo(ConsentStatus.GRANTED);
    }

    @Test
    void biometricsNeedOneParentAndNoObjection() {
        assertThat(status(biometric(false), at(MUM, GRANTED))).isEqualTo(ConsentStatus.GRANTED);
        assertThat(status(biometric(false), at(MUM, GRANTED), at(DAD, Decision.REFUSED)))
                .isEqualTo(REFUSED);
        // the objection is withdrawn: the father now consents too
        assertThat(status(biometric(false), at(MUM, GRANTED), at(DAD, Decision.REFUSED), at(DAD, GRANTED)))
                .isEqualTo(ConsentStatus.GRANTED);
    }

    @Test
    void aChildsObjectionToBiometricsWinsAtAnyAge() {
        assertThat(status(biometric(false), at(MUM, GRANTED), at(DAD, GRANTED), at(PUPIL, Decision.REFUSED)))
                .isEqualTo(REFUSED);
    }

    @Test
    void aPupilsOwnBiometricGrantIsNotAParentsConsent() {
        Resolution r = ConsentResolver.resolve(biometric(true), List.of(at(PUPIL, GRANTED)));
        assertThat(r.status()).isEqualTo(NOT_ASKED);
        assertThat(r.explanation()).anyMatch(line -> line.contains("a parent must consent"));
    }

    @Test
    void biometricsIgnoreTheLatestDecisionPolicy() {
        Context latestWins = new Context(
                PurposeKind.BIOMETRIC,
                1,
                BOTH_PARENTS,
                false,
                true,
                ConflictPolicy.LATEST_DECISION,
                TODAY,
                false,
                MUM_AND_DAD,
                BOTH_NOTIFIED);
        assertThat(status(latestWins, at(DAD, Decision.REFUSED), at(MUM, GRANTED)))
                .isEqualTo(REFUSED);
    }

    @Test
    void aRewordingThatAsksAgainTurnsOldGrantsIntoRenewalNeeded() {
        Context reworded =
                new Context(PurposeKind.STANDARD, 2, BOTH_PARENTS, false, true, ConflictPolicy.MOST_RESTRICTIVE, TODAY);
        assertThat(status(reworded, at(MUM, GRANTED, 1, null))).isEqualTo(RENEWAL_NEEDED);
        Resolution renewed =
                ConsentResolver.resolve(reworded, List.of(at(MUM, GRANTED, 1, null), at(DAD, GRANTED, 2, null)));
        assertThat(renewed.status()).isEqualTo(ConsentStatus.GRANTED);
        assertThat(renewed.effectiveVersion()).isEqualTo(2);
        assertThat(status(reworded, at(DAD, Decision.REFUSED, 1, null)))
                .as("an old refusal still stands")
                .isEqualTo(REFUSED);
    }

    @Test
    void aGrantExpiresTheDayAfterItsLastValidDay() {
        LocalDate endOfYear = LocalDate.of(2026, 8, 31);
        Context onTheDay = new Context(
                PurposeKind.STANDARD, 1, BOTH_PARENTS, false, true, ConflictPolicy.MOST_RESTRICTIVE, endOfYear);
        Context dayAfter = new Context(
                PurposeKind.STANDARD,
                1,
                BOTH_PARENTS,
                false,
                true,
                ConflictPolicy.MOST_RESTRICTIVE,
                endOfYear.plusDays(1));
        RecordedDecision grant = at(MUM, GRANTED, 1, endOfYear);
        assertThat(ConsentResolver.resolve(onTheDay, List.of(grant)).validUntil())
                .isEqualTo(endOfYear);
        assertThat(status(onTheDay, grant)).isEqualTo(ConsentStatus.GRANTED);
        assertThat(status(dayAfter, grant)).isEqualTo(EXPIRED);
    }

    @Test
    void grantsLastUntilTheLastOfThemExpires() {
        Context context = standard();
        Resolution r = ConsentResolver.resolve(
                context,
                List.of(
                        at(MUM, GRANTED, 1, LocalDate.of(2027, 8, 31)),
                        at(DAD, GRANTED, 1, LocalDate.of(2027, 12, 31))));
        assertThat(r.validUntil()).isEqualTo(LocalDate.of(2027, 12, 31));
        Resolution forever = ConsentResolver.resolve(
                context, List.of(at(MUM, GRANTED, 1, LocalDate.of(2027, 8, 31)), at(DAD, GRANTED)));
        assertThat(forever.validUntil()).isNull();
    }

    @Test
    void aPupilWhoHasLeftIsNeverPermitted() {
        Context left = new Context(
                PurposeKind.STANDARD, 1, BOTH_PARENTS, false, false, ConflictPolicy.MOST_RESTRICTIVE, TODAY);
        Resolution r = ConsentResolver.resolve(left, List.of(at(MUM, GRANTED)));
        assertThat(r.status()).isEqualTo(ConsentStatus.GRANTED);
        assertThat(r.permitted()).isFalse();
        assertThat(r.explanation()).anyMatch(line -> line.contains("has left"));
    }

    // ---- Protection of Freedoms Act 2012, ss.26-28 (issue 24) ------------------------------------------------------

    private RecordedDecision at(Giver giver, Decision decision, Method method) {
        clock++;
        return new RecordedDecision(
                "d" + clock,
                giver,
                decision,
                1,
                Instant.parse("2026-09-01T08:00:00Z").plusSeconds(clock * 60L),
                null,
                method);
    }

    @Test
    void aParentsVerbalConsentOrObjectionDoesNotCountForBiometrics() {
        Resolution verbal = ConsentResolver.resolve(biometric(false), List.of(at(MUM, GRANTED, Method.VERBAL)));
        assertThat(verbal.status()).isEqualTo(NOT_ASKED);
        assertThat(verbal.permitted()).isFalse();
        assertThat(verbal.explanation()).anyMatch(l -> l.contains("verbal") && l.contains("in writing"));
        // s.27: an objection, too, counts only in writing (explanatory notes, para 144)
        assertThat(status(biometric(false), at(MUM, GRANTED, Method.PAPER), at(DAD, Decision.REFUSED, Method.VERBAL)))
                .isEqualTo(ConsentStatus.GRANTED);
        assertThat(status(biometric(false), at(MUM, GRANTED, Method.PAPER), at(DAD, Decision.REFUSED, Method.PAPER)))
                .isEqualTo(REFUSED);
        // a standard purpose may rest on a conversation
        assertThat(status(standard(), at(MUM, GRANTED, Method.VERBAL))).isEqualTo(ConsentStatus.GRANTED);
    }

    @Test
    void everyParentMustBeNotifiedInWritingOrExceptedBeforeProcessing() {
        Context onlyMumNotified = biometric(false, false, MUM_AND_DAD, Map.of("G-MUM", NoticeOutcome.NOTIFIED));
        Resolution r = ConsentResolver.resolve(onlyMumNotified, List.of(at(MUM, GRANTED)));
        assertThat(r.status()).isEqualTo(ConsentStatus.NOTIFICATION_NEEDED);
        assertThat(r.permitted()).isFalse();
        assertThat(r.explanation()).anyMatch(l -> l.contains("G-DAD") && l.contains("not been notified"));
        for (NoticeOutcome exception : List.of(
                NoticeOutcome.CANNOT_BE_FOUND,
                NoticeOutcome.LACKS_CAPACITY,
                NoticeOutcome.WELFARE,
                NoticeOutcome.NOT_REASONABLY_PRACTICABLE)) {
            Context excepted =
                    biometric(false, false, MUM_AND_DAD, Map.of("G-MUM", NoticeOutcome.NOTIFIED, "G-DAD", exception));
            assertThat(ConsentResolver.resolve(excepted, List.of(at(MUM, GRANTED)))
                            .permitted())
                    .as("s.27(1) " + exception)
                    .isTrue();
        }
        assertThat(status(biometric(false, false, MUM_AND_DAD, Map.of()), at(MUM, GRANTED), at(DAD, Decision.REFUSED)))
                .as("an objection stands whether or not anyone was notified")
                .isEqualTo(REFUSED);
    }

    @Test
    void aParentOfTheChildCountsWithoutParentalResponsibilityButAStepParentOnlyWithIt() {
        Giver father = Giver.guardian("G-FATHER");
        Giver step = Giver.guardian("G-STEP");
        List<Person> linked = List.of(
                new Person("G-MUM", Standing.PARENT_OF_CHILD, true, true),
                new Person("G-FATHER", Standing.PARENT_OF_CHILD, false, false),
                new Person("G-STEP", Standing.OTHER_INDIVIDUAL, false, true));
        Map<String, NoticeOutcome> mumOnly = Map.of("G-MUM", NoticeOutcome.NOTIFIED);
        assertThat(status(biometric(false, false, linked, mumOnly), at(MUM, GRANTED)))
                .as("s.28(5): the father is a parent and must be notified")
                .isEqualTo(ConsentStatus.NOTIFICATION_NEEDED);
        Map<String, NoticeOutcome> both = Map.of("G-MUM", NoticeOutcome.NOTIFIED, "G-FATHER", NoticeOutcome.NOTIFIED);
        assertThat(status(biometric(false, false, linked, both), at(MUM, GRANTED), at(father, Decision.REFUSED)))
                .as("his written objection counts")
                .isEqualTo(REFUSED);
        Resolution stepGrants =
                ConsentResolver.resolve(biometric(false, false, linked, both), List.of(at(step, GRANTED)));
        assertThat(stepGrants.status())
                .as("a step-parent without PR is not a parent while a parent can be asked")
                .isEqualTo(NOT_ASKED);
        assertThat(stepGrants.explanation()).anyMatch(l -> l.contains("G-STEP") && l.contains("s.28"));
    }

    @Test
    void whenNoParentCanBeAskedWhoeverHasCareOrTheLocalAuthorityIsTheParent() {
        Giver gran = Giver.guardian("G-GRAN");
        Giver foster = Giver.guardian("G-FOSTER");
        Giver council = Giver.guardian("LA-HERTS");
        List<Person> withGran = List.of(
                new Person("G-MUM", Standing.PARENT_OF_CHILD, true, false),
                new Person("G-GRAN", Standing.OTHER_INDIVIDUAL, false, true));
        Map<String, NoticeOutcome> mumExcepted = Map.of("G-MUM", NoticeOutcome.WELFARE);
        assertThat(status(biometric(false, false, withGran, mumExcepted), at(gran, GRANTED)))
                .as("s.28(6): the grandmother has care, and must be notified")
                .isEqualTo(ConsentStatus.NOTIFICATION_NEEDED);
        Map<String, NoticeOutcome> granNotified =
                Map.of("G-MUM", NoticeOutcome.WELFARE, "G-GRAN", NoticeOutcome.NOTIFIED);
        assertThat(status(biometric(false, false, withGran, granNotified), at(gran, GRANTED)))
                .isEqualTo(ConsentStatus.GRANTED);

        List<Person> lookedAfter = List.of(
                new Person("G-MUM", Standing.PARENT_OF_CHILD, true, false),
                new Person("G-FOSTER", Standing.OTHER_INDIVIDUAL, false, true),
                new Person("LA-HERTS", Standing.LOCAL_AUTHORITY, true, false));
        Map<String, NoticeOutcome> councilNotified =
                Map.of("G-MUM", NoticeOutcome.CANNOT_BE_FOUND, "LA-HERTS", NoticeOutcome.NOTIFIED);
        assertThat(status(biometric(false, false, lookedAfter, councilNotified), at(foster, GRANTED)))
                .as("s.28(7): for a looked-after child the local authority, not the foster carer")
                .isEqualTo(NOT_ASKED);
        assertThat(status(biometric(false, false, lookedAfter, councilNotified), at(council, GRANTED)))
                .isEqualTo(ConsentStatus.GRANTED);
        assertThat(status(
                        biometric(false, false, lookedAfter, Map.of("LA-HERTS", NoticeOutcome.NOTIFIED)),
                        at(council, GRANTED)))
                .as("while the mother can be asked, the local authority is not the parent for the Act")
                .isEqualTo(NOT_ASKED);
    }

    @Test
    void fromEighteenTheStudentsOwnConsentDecidesAndAParentsDoesNotCount() {
        Context adult = biometric(true, true, MUM_AND_DAD, BOTH_NOTIFIED);
        Resolution parentOnly = ConsentResolver.resolve(adult, List.of(at(MUM, GRANTED)));
        assertThat(parentOnly.status()).isEqualTo(NOT_ASKED);
        assertThat(parentOnly.permitted()).isFalse();
        assertThat(parentOnly.refreshWithPupil()).isTrue();
        assertThat(parentOnly.explanation()).anyMatch(l -> l.contains("18"));
        assertThat(status(adult, at(MUM, GRANTED), at(PUPIL, GRANTED))).isEqualTo(ConsentStatus.GRANTED);
        assertThat(status(adult, at(PUPIL, GRANTED), at(DAD, Decision.REFUSED)))
                .as("a parent's objection no longer counts either")
                .isEqualTo(ConsentStatus.GRANTED);
        assertThat(status(adult, at(PUPIL, GRANTED), at(PUPIL, Decision.WITHDRAWN)))
                .isEqualTo(WITHDRAWN);
        assertThat(status(biometric(true, true, MUM_AND_DAD, Map.of()), at(PUPIL, GRANTED)))
                .as("no notification of parents for an adult")
                .isEqualTo(ConsentStatus.GRANTED);
    }

    @Test
    void aChildWhoObjectedAndLaterAgreesNoLongerObjects() {
        assertThat(status(biometric(false), at(MUM, GRANTED), at(PUPIL, Decision.REFUSED)))
                .isEqualTo(REFUSED);
        Resolution agreed = ConsentResolver.resolve(
                biometric(false), List.of(at(MUM, GRANTED), at(PUPIL, Decision.REFUSED), at(PUPIL, GRANTED)));
        assertThat(agreed.status()).isEqualTo(ConsentStatus.GRANTED);
        assertThat(agreed.explanation()).anyMatch(l -> l.contains("no longer applies"));
    }

    @Test
    void aCompetentPupilsConsentsGivenByParentsAreFlaggedForRefreshing() {
        Context competent =
                new Context(PurposeKind.STANDARD, 1, BOTH_PARENTS, true, true, ConflictPolicy.MOST_RESTRICTIVE, TODAY);
        Resolution flagged = ConsentResolver.resolve(competent, List.of(at(MUM, GRANTED)));
        assertThat(flagged.refreshWithPupil()).isTrue();
        assertThat(flagged.status())
                .as("the parent's consent still counts until refreshed")
                .isEqualTo(ConsentStatus.GRANTED);
        assertThat(flagged.explanation()).anyMatch(l -> l.contains("refresh"));
        assertThat(ConsentResolver.resolve(standard(), List.of(at(MUM, GRANTED)))
                        .refreshWithPupil())
                .as("below the competence age")
                .isFalse();
        assertThat(ConsentResolver.resolve(competent, List.of(at(MUM, GRANTED), at(PUPIL, GRANTED)))
                        .refreshWithPupil())
                .as("the pupil has decided themself")
                .isFalse();
        assertThat(ConsentResolver.resolve(biometric(true), List.of(at(MUM, GRANTED)))
                        .refreshWithPupil())
                .as("biometrics: a parent decides until 18")
                .isFalse();
    }

    /** A standard purpose for a nine-year-old whose competence the DPO assessed. */
    private static Context assessed(boolean competent) {
        return new Context(
                PurposeKind.STANDARD,
                1,
                BOTH_PARENTS,
                competent,
                true,
                ConflictPolicy.MOST_RESTRICTIVE,
                TODAY,
                false,
                List.of(),
                Map.of(),
                true);
    }

    @Test
    void aChildTheDpoAssessedCompetentIsAskedToRefreshTheirParentsConsentAndTheirOwnRefusalWins() {
        Resolution flagged = ConsentResolver.resolve(assessed(true), List.of(at(MUM, GRANTED)));
        assertThat(flagged.refreshWithPupil()).isTrue();
        assertThat(flagged.status()).isEqualTo(ConsentStatus.GRANTED);
        assertThat(flagged.explanation())
                .anyMatch(l -> l.contains("data protection officer assessed the pupil as competent"));
        assertThat(ConsentResolver.resolve(assessed(true), List.of(at(MUM, GRANTED), at(PUPIL, Decision.REFUSED)))
                        .status())
                .isEqualTo(ConsentStatus.REFUSED);
    }

    @Test
    void aChildTheDpoAssessedNotYetCompetentHasTheirParentsDecideAndIsNotFlagged() {
        Resolution r = ConsentResolver.resolve(assessed(false), List.of(at(MUM, GRANTED), at(PUPIL, Decision.REFUSED)));
        assertThat(r.status()).isEqualTo(ConsentStatus.GRANTED);
        assertThat(r.refreshWithPupil()).isFalse();
        assertThat(r.explanation())
                .anyMatch(l -> l.contains("assessed the pupil as not yet competent: their own refused does not count"));
    }

    // ---- properties -----------------------------------------------------------------------------------------------

    record Case(Context context, List<RecordedDecision> decisions) {}

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Giver> givers = Arbitraries.of(MUM, DAD, Giver.guardian("G-GRAN"), PUPIL);
        Arbitrary<RecordedDecision> decision = Combinators.combine(
                        givers,
                        Arbitraries.of(Decision.class),
                        Arbitraries.integers().between(1, 3),
                        Arbitraries.integers().between(0, 10_000),
                        Arbitraries.integers().between(-400, 400).injectNull(0.5))
                .as((giver, d, version, minute, validDays) -> new RecordedDecision(
                        "d" + minute + giver.id() + d,
                        giver,
                        d,
                        version,
                        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(minute * 60L),
                        validDays == null ? null : TODAY.plusDays(validDays)));
        Arbitrary<Context> context = Combinators.combine(
                        Arbitraries.of(PurposeKind.class),
                        Arbitraries.integers().between(1, 3),
                        Arbitraries.subsetOf("G-MUM", "G-DAD", "G-GRAN"),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false),
                        Arbitraries.of(ConflictPolicy.class))
                .as((kind, reconsentFrom, responsible, competent, onRoll, policy) ->
                        new Context(kind, reconsentFrom, responsible, competent, onRoll, policy, TODAY));
        Arbitrary<List<RecordedDecision>> decisions = decision.list()
                .ofMaxSize(8)
                .map(list -> java.util.stream.IntStream.range(0, list.size())
                        .mapToObj(i -> {
                            RecordedDecision d = list.get(i);
                            return new RecordedDecision(
                                    "d" + i,
                                    d.giver(),
                                    d.decision(),
                                    d.purposeVersion(),
                                    d.recordedAt(),
                                    d.validUntil());
                        })
                        .toList());
        return Combinators.combine(context, decisions).as(Case::new);
    }

    private static RecordedDecision latestOf(List<RecordedDecision> decisions, Giver giver) {
        return decisions.stream()
                .filter(d -> d.giver().equals(giver))
                .max(ConsentResolver.CHRONOLOGICAL)
                .orElse(null);
    }

    @Property
    void theOrderDecisionsArriveInDoesNotMatter(@ForAll("cases") Case c, @ForAll long seed) {
        List<RecordedDecision> shuffled = new ArrayList<>(c.decisions());
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(ConsentResolver.resolve(c.context(), shuffled).status())
                .isEqualTo(ConsentResolver.resolve(c.context(), c.decisions()).status());
    }

    @Property
    void underMostRestrictiveAResponsibleParentsWithdrawalNeverYieldsGranted(@ForAll("cases") Case c) {
        boolean someoneRestricts = c.context().guardiansWithResponsibility().stream()
                .map(id -> latestOf(c.decisions(), Giver.guardian(id)))
                .anyMatch(d -> d != null && d.decision().isRestrictive());
        boolean ruleApplies = c.context().policy() == ConflictPolicy.MOST_RESTRICTIVE
                || c.context().kind() == PurposeKind.BIOMETRIC;
        if (someoneRestricts && ruleApplies) {
            assertThat(ConsentResolver.resolve(c.context(), c.decisions()).status())
                    .isNotEqualTo(ConsentStatus.GRANTED);
        }
    }

    @Property
    void aPupilsOwnObjectionNeverYieldsGrantedWhenItCounts(@ForAll("cases") Case c) {
        RecordedDecision pupil = latestOf(c.decisions(), PUPIL);
        boolean counts =
                c.context().kind() == PurposeKind.BIOMETRIC || c.context().pupilCompetent();
        if (pupil != null && pupil.decision().isRestrictive() && counts) {
            assertThat(ConsentResolver.resolve(c.context(), c.decisions()).status())
                    .isNotEqualTo(ConsentStatus.GRANTED);
        }
    }

    @Property
    void grantedRestsOnCountingGrantsOnly(@ForAll("cases") Case c) {
        Resolution r = ConsentResolver.resolve(c.context(), c.decisions());
        if (r.status() == ConsentStatus.GRANTED) {
            assertThat(r.countingDecisions()).isNotEmpty();
            assertThat(c.decisions())
                    .filteredOn(d -> r.countingDecisions().contains(d.id()))
                    .allMatch(d -> d.decision() == GRANTED
                            && d.purposeVersion() >= c.context().reconsentFrom()
                            && (d.validUntil() == null || !d.validUntil().isBefore(TODAY)));
        }
        assertThat(r.permitted())
                .isEqualTo(r.status() == ConsentStatus.GRANTED && c.context().onRoll());
    }
    // ---- biometric properties (Protection of Freedoms Act 2012, ss.26-28) ---------------------------------------

    record BiometricCase(Context context, List<RecordedDecision> decisions) {}

    private static final List<String> PEOPLE = List.of("G-MUM", "G-DAD", "G-STEP", "G-GRAN", "LA-1");

    @Provide
    Arbitrary<BiometricCase> biometricCases() {
        Arbitrary<Person> person = Combinators.combine(
                        Arbitraries.of(PEOPLE),
                        Arbitraries.of(Standing.class),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false))
                .as(Person::new);
        Arbitrary<List<Person>> linked = person.list().ofMaxSize(5).uniqueElements(Person::id);
        Arbitrary<Map<String, NoticeOutcome>> notices = Arbitraries.maps(
                        Arbitraries.of(PEOPLE), Arbitraries.of(NoticeOutcome.class))
                .ofMaxSize(5);
        Arbitrary<Giver> givers = Arbitraries.of(
                Giver.guardian("G-MUM"),
                Giver.guardian("G-DAD"),
                Giver.guardian("G-STEP"),
                Giver.guardian("G-GRAN"),
                Giver.guardian("LA-1"),
                PUPIL);
        Arbitrary<RecordedDecision> decision = Combinators.combine(
                        givers,
                        Arbitraries.of(Decision.class),
                        Arbitraries.of(Method.class),
                        Arbitraries.integers().between(0, 10_000))
                .as((giver, d, method, minute) -> new RecordedDecision(
                        "x",
                        giver,
                        d,
                        1,
                        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(minute * 60L),
                        null,
                        method));
        Arbitrary<List<RecordedDecision>> decisions = decision.list()
                .ofMaxSize(8)
                .map(list -> java.util.stream.IntStream.range(0, list.size())
                        .mapToObj(i -> {
                            RecordedDecision d = list.get(i);
                            return new RecordedDecision(
                                    "d" + i, d.giver(), d.decision(), 1, d.recordedAt(), null, d.method());
                        })
                        .toList());
        Arbitrary<Context> context = Combinators.combine(
                        linked, notices, Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((people, outcomes, adult, competent) -> new Context(
                        PurposeKind.BIOMETRIC,
                        1,
                        Set.of(),
                        competent || adult,
                        true,
                        ConflictPolicy.LATEST_DECISION,
                        TODAY,
                        adult,
                        people,
                        outcomes));
        return Combinators.combine(context, decisions).as(BiometricCase::new);
    }

    @Property
    void neverPermittedWithoutAWrittenConsentAndTheNotificationOfEveryParentThatNeedsOne(
            @ForAll("biometricCases") BiometricCase c) {
        Resolution r = ConsentResolver.resolve(c.context(), c.decisions());
        if (!r.permitted() || c.context().adult()) {
            return;
        }
        BiometricRules.Parents parents =
                BiometricRules.parents(c.context().linked(), c.context().notices());
        assertThat(parents.awaitingNotice())
                .as("every parent notified or excepted")
                .isEmpty();
        assertThat(c.decisions())
                .filteredOn(d -> r.countingDecisions().contains(d.id()))
                .isNotEmpty()
                .allMatch(d -> !d.giver().isPupil()
                        && d.decision() == GRANTED
                        && d.method() != Method.VERBAL
                        && parents.parents().contains(d.giver().id()));
    }

    @Property
    void neverPermittedFromEighteenOnAParentsConsentAlone(@ForAll("biometricCases") BiometricCase c) {
        Resolution r = ConsentResolver.resolve(c.context(), c.decisions());
        if (c.context().adult() && r.permitted()) {
            RecordedDecision own = latestOf(c.decisions(), PUPIL);
            assertThat(own).isNotNull();
            assertThat(own.decision()).isEqualTo(GRANTED);
            assertThat(r.countingDecisions()).containsExactly(own.id());
        }
    }

    @Property
    void aChildsOwnLatestObjectionOrAParentsWrittenOneIsNeverPermitted(@ForAll("biometricCases") BiometricCase c) {
        if (c.context().adult()) {
            return;
        }
        BiometricRules.Parents parents =
                BiometricRules.parents(c.context().linked(), c.context().notices());
        RecordedDecision child = latestOf(c.decisions(), PUPIL);
        boolean childObjects = child != null && child.decision().isRestrictive();
        boolean parentObjects = parents.parents().stream()
                .map(id -> latestOf(c.decisions(), Giver.guardian(id)))
                .anyMatch(d -> d != null && d.decision().isRestrictive() && d.method() != Method.VERBAL);
        if (childObjects || parentObjects) {
            assertThat(ConsentResolver.resolve(c.context(), c.decisions()).status())
                    .isIn(REFUSED, WITHDRAWN);
        }
    }

    @Property
    void biometricStatusesDoNotDependOnTheOrderDecisionsArriveIn(
            @ForAll("biometricCases") BiometricCase c, @ForAll long seed) {
        List<RecordedDecision> shuffled = new ArrayList<>(c.decisions());
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(ConsentResolver.resolve(c.context(), shuffled))
                .isEqualTo(ConsentResolver.resolve(c.context(), c.decisions()));
    }
}
