package org.custodian.sharing.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.custodian.sharing.decision.ConsentStatus;
import org.custodian.sharing.partner.StopUsingRules.Before;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When partners are asked to stop using what they received under a consent: worked examples and properties. */
class StopUsingRulesTest {

    static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    @ParameterizedTest(name = "before {0}, after {1}: changes something effective {2}")
    @CsvSource({
        "GRANTED, WITHDRAWN, true", // the parent withdraws consent that stood
        "WITHDRAWN, WITHDRAWN, false", // withdrawn again: nothing changes
        "REFUSED, WITHDRAWN, false", // the parent's no already stood
        "RENEWAL_NEEDED, WITHDRAWN, true", // partners were not told when it needed renewal
        "EXPIRED, WITHDRAWN, true", // nor when it expired
        "NOT_ASKED, WITHDRAWN, true",
        "GRANTED, GRANTED, false", // a withdrawal of one of two parents' consents that leaves it granted
        "WITHDRAWN, GRANTED, false"
    })
    void aDecisionChangesSomethingEffectiveOnlyWhenConsentStoodBefore(
            ConsentStatus before, ConsentStatus after, boolean changes) {
        assertThat(StopUsingRules.changesEffective(Optional.of(new Before(before, T)), after, T.plusSeconds(60)))
                .isEqualTo(changes);
    }

    @Test
    void withNothingKnownAWithdrawalCountsAndAnOlderDecisionChangesNothing() {
        assertThat(StopUsingRules.changesEffective(Optional.empty(), ConsentStatus.WITHDRAWN, T))
                .isTrue();
        assertThat(StopUsingRules.changesEffective(Optional.empty(), ConsentStatus.GRANTED, T))
                .isFalse();
        // a withdrawal delivered late, after a later grant was applied, does not undo the grant
        assertThat(StopUsingRules.changesEffective(
                        Optional.of(new Before(ConsentStatus.GRANTED, T)), ConsentStatus.WITHDRAWN, T.minusSeconds(1)))
                .isFalse();
        // decided at the same instant as the one held: it counts
        assertThat(StopUsingRules.changesEffective(
                        Optional.of(new Before(ConsentStatus.GRANTED, T)), ConsentStatus.WITHDRAWN, T))
                .isTrue();
    }

    @Test
    void aRecipientIsAskedOncePerDisclosure() {
        // never asked: asked
        assertThat(StopUsingRules.ask(T, null)).isTrue();
        // asked after it last received data: not again
        assertThat(StopUsingRules.ask(T, T.plusSeconds(5))).isFalse();
        // asked at the same instant as the disclosure: that ask covered it
        assertThat(StopUsingRules.ask(T, T)).isFalse();
        // received again after it was asked: asked again
        assertThat(StopUsingRules.ask(T.plusSeconds(10), T.plusSeconds(5))).isTrue();
        // received nothing: nothing to stop using
        assertThat(StopUsingRules.ask(null, null)).isFalse();
    }

    /** One step of a pupil's history: a parent grants or withdraws consent, or the school discloses to a recipient. */
    record Step(String what, int recipient) {}

    /** The partners' side of a history, as the consumer applies the rules: asks and disclosures by recipient. */
    static final class Model {
        static final int RECIPIENTS = 3;
        Optional<Before> held = Optional.empty();
        final Instant[] lastReceived = new Instant[RECIPIENTS];
        final Instant[] lastAsked = new Instant[RECIPIENTS];
        final int[] disclosures = new int[RECIPIENTS];
        final int[] asks = new int[RECIPIENTS];
        final boolean[] askedTwiceWithoutADisclosure = new boolean[RECIPIENTS];
        final boolean[] disclosedSinceAsked = new boolean[RECIPIENTS];
        int tick;

        void apply(Step step) {
            Instant now = T.plusSeconds(++tick);
            switch (step.what()) {
                case "GRANT" -> held = Optional.of(new Before(ConsentStatus.GRANTED, now));
                case "DISCLOSE" -> {
                    // the decision engine discloses under consent only while it is granted
                    if (held.isPresent() && held.get().status() == ConsentStatus.GRANTED) {
                        lastReceived[step.recipient()] = now;
                        disclosures[step.recipient()]++;
                        disclosedSinceAsked[step.recipient()] = true;
                    }
                }
                default -> {
                    if (StopUsingRules.changesEffective(held, ConsentStatus.WITHDRAWN, now)) {
                        for (int r = 0; r < RECIPIENTS; r++) {
                            if (StopUsingRules.ask(lastReceived[r], lastAsked[r])) {
                                if (asks[r] > 0 && !disclosedSinceAsked[r]) {
                                    askedTwiceWithoutADisclosure[r] = true;
                                }
                                asks[r]++;
                                lastAsked[r] = now;
                                disclosedSinceAsked[r] = false;
                            }
                        }
                    }
                    held = Optional.of(new Before(ConsentStatus.WITHDRAWN, now));
                }
            }
        }

        int totalAsks() {
            int n = 0;
            for (int a : asks) {
                n += a;
            }
            return n;
        }
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Arbitraries.of("GRANT", "WITHDRAW", "DISCLOSE")
                .flatMap(what ->
                        Arbitraries.integers().between(0, Model.RECIPIENTS - 1).map(r -> new Step(what, r)));
        return step.list().ofMaxSize(30);
    }

    @Property
    void eachDisclosureGetsAtMostOneAskAndNoneTwiceWithoutANewDisclosure(@ForAll("histories") List<Step> history) {
        Model model = new Model();
        history.forEach(model::apply);
        for (int r = 0; r < Model.RECIPIENTS; r++) {
            assertThat(model.asks[r]).isLessThanOrEqualTo(model.disclosures[r]);
            assertThat(model.askedTwiceWithoutADisclosure[r]).isFalse();
        }
    }

    @Property
    void howeverOftenTheSameWithdrawalIsRepeatedItAsksNoOneAgain(
            @ForAll("histories") List<Step> history, @ForAll @IntRange(min = 1, max = 10) int repeats) {
        Model model = new Model();
        history.forEach(model::apply);
        model.apply(new Step("WITHDRAW", 0));
        int asked = model.totalAsks();
        for (int i = 0; i < repeats; i++) {
            model.apply(new Step("WITHDRAW", 0));
        }
        assertThat(model.totalAsks()).isEqualTo(asked);
    }

    @Property
    void noDisclosureIsLeftUnaskedOnceConsentIsWithdrawn(@ForAll("histories") List<Step> history) {
        Model model = new Model();
        List<Step> all = new ArrayList<>(history);
        all.add(new Step("WITHDRAW", 0));
        all.forEach(model::apply);
        for (int r = 0; r < Model.RECIPIENTS; r++) {
            if (model.lastReceived[r] != null) {
                assertThat(model.lastAsked[r]).isNotNull().isAfterOrEqualTo(model.lastReceived[r]);
            }
        }
    }
}
