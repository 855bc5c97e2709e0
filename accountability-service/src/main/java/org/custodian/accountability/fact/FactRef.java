package org.custodian.accountability.fact;

/** The fact, and its version, that a generated part of a document came from. */
public record FactRef(FactKind kind, String key, long version) {

    public static FactRef of(Fact fact) {
        return new FactRef(fact.kind(), fact.key(), fact.version());
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " " + key + " v" + version;
    }
}
