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
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

    private static Context biometric(boolean pupilCompetent) {
        return new Context(
                PurposeKind.BIOMETRIC, 1, BOTH_PARENTS, pupilCompetent, true, ConflictPolicy.MOST_RESTRICTIVE, TODAY);
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
        Context latestWins =
                new Context(PurposeKind.BIOMETRIC, 1, BOTH_PARENTS, false, true, ConflictPolicy.LATEST_DECISION, TODAY);
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
}
