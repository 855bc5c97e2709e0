package org.custodian.consent.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.custodian.consent.decision.BiometricRules.NoticeOutcome;
import org.custodian.consent.decision.BiometricRules.Parents;
import org.custodian.consent.decision.BiometricRules.Person;
import org.custodian.consent.decision.BiometricRules.Standing;
import org.junit.jupiter.api.Test;

/** "Parent" as the Protection of Freedoms Act 2012, s.28(5)–(8) reads it, and who still awaits a notice. */
class BiometricRulesTest {

    private static final Person MUM = new Person("MUM", Standing.PARENT_OF_CHILD, true, true);
    private static final Person DAD_NO_PR = new Person("DAD", Standing.PARENT_OF_CHILD, false, false);
    private static final Person STEP_NO_PR = new Person("STEP", Standing.OTHER_INDIVIDUAL, false, true);
    private static final Person SPECIAL_GUARDIAN = new Person("SG", Standing.OTHER_INDIVIDUAL, true, true);
    private static final Person FOSTER = new Person("FOSTER", Standing.OTHER_INDIVIDUAL, false, true);
    private static final Person COUNCIL = new Person("LA", Standing.LOCAL_AUTHORITY, true, false);
    private static final Person CHARITY = new Person("VO", Standing.VOLUNTARY_ORGANISATION, false, false);

    @Test
    void section28_5_everyParentOfTheChildAndEveryoneWithParentalResponsibility() {
        Parents p = BiometricRules.parents(List.of(MUM, DAD_NO_PR, STEP_NO_PR, SPECIAL_GUARDIAN), Map.of());
        assertThat(p.parents()).containsExactlyInAnyOrder("MUM", "DAD", "SG");
        assertThat(p.awaitingNotice()).containsExactlyInAnyOrder("MUM", "DAD", "SG");
        assertThat(p.basis()).contains("s.28(5)");
    }

    @Test
    void aNoticeOrAnExceptionSatisfiesSection26_2() {
        Parents p = BiometricRules.parents(
                List.of(MUM, DAD_NO_PR), Map.of("MUM", NoticeOutcome.NOTIFIED, "DAD", NoticeOutcome.LACKS_CAPACITY));
        assertThat(p.allNotified()).isTrue();
        assertThat(p.parents()).as("an excepted parent is still a parent").contains("DAD");
    }

    @Test
    void section28_6_whenNoParentCanBeAskedEachIndividualWhoHasCare() {
        Parents p = BiometricRules.parents(
                List.of(MUM, DAD_NO_PR, STEP_NO_PR),
                Map.of("MUM", NoticeOutcome.WELFARE, "DAD", NoticeOutcome.CANNOT_BE_FOUND));
        assertThat(p.parents()).containsExactly("STEP");
        assertThat(p.awaitingNotice()).containsExactly("STEP");
        assertThat(p.basis()).contains("s.28(6)");
    }

    @Test
    void section28_7And8_theLocalAuthorityOrTheVoluntaryOrganisationInsteadOfTheCarer() {
        Map<String, NoticeOutcome> mumGone = Map.of("MUM", NoticeOutcome.CANNOT_BE_FOUND);
        assertThat(BiometricRules.parents(List.of(MUM, FOSTER, COUNCIL), mumGone)
                        .parents())
                .containsExactly("LA");
        assertThat(BiometricRules.parents(List.of(MUM, FOSTER, CHARITY), mumGone)
                        .parents())
                .containsExactly("VO");
        assertThat(BiometricRules.parents(List.of(MUM, FOSTER, COUNCIL), Map.of())
                        .parents())
                .as("a local authority is not an individual with parental responsibility (s.28(5))")
                .containsExactly("MUM");
    }

    @Test
    void nobodyToAsk() {
        Parents p = BiometricRules.parents(List.of(MUM), Map.of("MUM", NoticeOutcome.WELFARE));
        assertThat(p.parents()).isEmpty();
        assertThat(p.basis()).contains("no parent");
    }

    @Test
    void whoMayBeNotifiedNow() {
        List<Person> linked = List.of(MUM, STEP_NO_PR, FOSTER, COUNCIL);
        assertThat(BiometricRules.mayBeNotified(linked, Map.of(), "MUM")).isTrue();
        assertThat(BiometricRules.mayBeNotified(linked, Map.of(), "STEP")).isFalse();
        assertThat(BiometricRules.mayBeNotified(linked, Map.of(), "LA")).isFalse();
        Map<String, NoticeOutcome> mumExcepted = Map.of("MUM", NoticeOutcome.WELFARE);
        assertThat(BiometricRules.mayBeNotified(linked, mumExcepted, "LA")).isTrue();
        assertThat(BiometricRules.mayBeNotified(linked, mumExcepted, "FOSTER")).isFalse();
        assertThat(BiometricRules.mayBeNotified(linked, mumExcepted, "MUM"))
                .as("the school may still record that the mother was found and notified")
                .isTrue();
    }

    // ---- properties -----------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<List<Person>> linked() {
        return Combinators.combine(
                        Arbitraries.of("A", "B", "C", "D", "E"),
                        Arbitraries.of(Standing.class),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false))
                .as(Person::new)
                .list()
                .ofMaxSize(5)
                .uniqueElements(Person::id);
    }

    @Provide
    Arbitrary<Map<String, NoticeOutcome>> notices() {
        return Arbitraries.maps(Arbitraries.of("A", "B", "C", "D", "E"), Arbitraries.of(NoticeOutcome.class))
                .ofMaxSize(5);
    }

    @Property
    void whileAParentInTheNarrowSenseNeedsNoticeTheyAreTheParents(
            @ForAll("linked") List<Person> linked, @ForAll("notices") Map<String, NoticeOutcome> notices) {
        Parents p = BiometricRules.parents(linked, notices);
        boolean someoneToAsk = linked.stream()
                .anyMatch(x -> x.isParentInTheNarrowSense()
                        && (notices.get(x.id()) == null || !notices.get(x.id()).isException()));
        if (someoneToAsk) {
            assertThat(p.parents())
                    .containsExactlyInAnyOrderElementsOf(linked.stream()
                            .filter(Person::isParentInTheNarrowSense)
                            .map(Person::id)
                            .toList());
        }
        assertThat(p.parents()).containsAll(p.awaitingNotice());
        assertThat(p.awaitingNotice()).allMatch(id -> notices.get(id) == null);
    }

    @Property
    void aCorporateBodyIsNeverAParentWhileAnIndividualCanBeAsked(
            @ForAll("linked") List<Person> linked, @ForAll("notices") Map<String, NoticeOutcome> notices) {
        Parents p = BiometricRules.parents(linked, notices);
        boolean corporateCounts = linked.stream()
                .anyMatch(x ->
                        (x.standing() == Standing.LOCAL_AUTHORITY || x.standing() == Standing.VOLUNTARY_ORGANISATION)
                                && p.parents().contains(x.id()));
        if (corporateCounts) {
            assertThat(linked)
                    .filteredOn(Person::isParentInTheNarrowSense)
                    .allMatch(x ->
                            notices.get(x.id()) != null && notices.get(x.id()).isException());
        }
    }
}
