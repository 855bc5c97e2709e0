package org.custodian.gateway.routing;

/**
 * Where a path goes: to an upstream (with the resource it names and the school it acts on, null for
 * {@code /api/v1/me}), nowhere, or nowhere because the school URN is malformed.
 */
public record Resolution(Outcome outcome, String upstream, String resource, String urn) {

    public enum Outcome {
        ROUTED,
        NOT_FOUND,
        BAD_URN
    }

    static Resolution routed(String upstream, String resource, String urn) {
        return new Resolution(Outcome.ROUTED, upstream, resource, urn);
    }

    static Resolution notFound() {
        return new Resolution(Outcome.NOT_FOUND, null, null, null);
    }

    static Resolution badUrn(String urn) {
        return new Resolution(Outcome.BAD_URN, null, null, urn);
    }
}
