package org.custodian.accountability.fact;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One fact as it now stands: its owner's data (the fields of the event record, by name; a field the event does not
 * carry is absent, one it carries empty is null), at the owner's version and the time it changed. A newer fact is one with a higher version, or the same version changed later.
 */
public record Fact(FactKind kind, String key, long version, Instant changedAt, Map<String, Object> data) {

    public Fact {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(changedAt, "changedAt");
        data = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(data == null ? Map.of() : data));
    }

    public boolean isNewerThan(Fact other) {
        return version != other.version ? version > other.version : changedAt.isAfter(other.changedAt);
    }
}
