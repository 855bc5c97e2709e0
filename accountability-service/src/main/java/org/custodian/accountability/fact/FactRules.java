package org.custodian.accountability.fact;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a fact read from an event meets the fact already held: the newer one wins, and a field the newer one does not
 * carry at all (a rewording says nothing of a purpose's data categories) is kept from the older; a field it carries
 * empty (an override that clears a class's minimum age) is empty. So the facts end the same
 * whatever order their events arrive in, and an event seen twice changes nothing the second time.
 */
public final class FactRules {

    private FactRules() {}

    /** The fact to hold after {@code incoming}, or empty when it changes nothing. */
    public static Optional<Fact> merge(Fact held, Fact incoming) {
        if (held == null) {
            return Optional.of(incoming);
        }
        Fact newer = incoming.isNewerThan(held) ? incoming : held;
        Fact older = newer == incoming ? held : incoming;
        Map<String, Object> data = new HashMap<>(older.data());
        data.putAll(newer.data());
        Fact merged = new Fact(held.kind(), held.key(), newer.version(), newer.changedAt(), data);
        return merged.equals(held) ? Optional.empty() : Optional.of(merged);
    }
}
