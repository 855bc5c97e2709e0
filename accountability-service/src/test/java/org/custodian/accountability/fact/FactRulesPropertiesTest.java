package org.custodian.accountability.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The facts end the same whatever order their events arrive in, and an event seen twice changes nothing. */
class FactRulesPropertiesTest {

    @Provide
    Arbitrary<List<Fact>> versions() {
        Arbitrary<Fact> fact = Combinators.combine(
                        Arbitraries.longs().between(0, 5),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.of("Photos", "Videos", null),
                        Arbitraries.of("wording a", "wording b", null))
                .as((version, second, title, wording) -> {
                    Map<String, Object> data = new HashMap<>();
                    data.put("title", title);
                    data.put("wording", wording);
                    return new Fact(
                            FactKind.PURPOSE,
                            "P",
                            version,
                            Instant.parse("2026-09-01T00:00:00Z").plusSeconds(second),
                            data);
                });
        return fact.list().ofMinSize(1).ofMaxSize(8).uniqueElements(f -> List.of(f.version(), f.changedAt()));
    }

    static Fact applyAll(List<Fact> events) {
        Fact held = null;
        for (Fact event : events) {
            Fact current = held;
            held = FactRules.merge(current, event).orElse(current);
        }
        return held;
    }

    @Property
    void anyOrderOfArrivalEndsInTheSameFact(@ForAll("versions") List<Fact> events, @ForAll long seed) {
        List<Fact> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(seed));
        Fact inOrder = applyAll(events);
        Fact anyOrder = applyAll(shuffled);
        assertThat(anyOrder.version()).isEqualTo(inOrder.version());
        assertThat(anyOrder.changedAt()).isEqualTo(inOrder.changedAt());
        Fact newest = events.stream().reduce((a, b) -> b.isNewerThan(a) ? b : a).orElseThrow();
        assertThat(anyOrder.version()).isEqualTo(newest.version());
        // the newest event's fields stand; what it does not say comes from an older one
        newest.data().forEach((field, value) -> assertThat(anyOrder.data()).containsEntry(field, value));
    }

    @Property
    void anEventSeenAgainChangesNothing(@ForAll("versions") List<Fact> events) {
        Fact held = applyAll(events);
        for (Fact event : events) {
            assertThat(FactRules.merge(held, event)).isEmpty();
        }
    }

    @Test
    void aRewordingKeepsTheCategoriesItDoesNotCarry() {
        Fact created = new Fact(
                FactKind.PURPOSE,
                "P",
                1,
                Instant.parse("2026-09-01T00:00:00Z"),
                Map.of("title", "Photos", "dataCategories", List.of("PHOTOGRAPHS")));
        Fact reworded = new Fact(
                FactKind.PURPOSE, "P", 2, Instant.parse("2026-10-01T00:00:00Z"), Map.of("title", "Photographs"));
        Fact merged = FactRules.merge(created, reworded).orElseThrow();
        assertThat(merged.version()).isEqualTo(2);
        assertThat(merged.data())
                .containsEntry("title", "Photographs")
                .containsEntry("dataCategories", List.of("PHOTOGRAPHS"));
        // and the same when the rewording arrives first
        assertThat(FactRules.merge(reworded, created).orElseThrow()).isEqualTo(merged);
    }
}
