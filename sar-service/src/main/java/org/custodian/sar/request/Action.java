package org.custodian.sar.request;

/** A step in a request's lifecycle; each is a sub-resource action of the API. */
public enum Action {
    REQUEST_IDENTITY("identity-verification (REQUIRED)"),
    CONFIRM_IDENTITY("identity-verification (CONFIRMED)"),
    WAIVE_IDENTITY("identity-verification (NOT_REQUIRED)"),
    REQUEST_CLARIFICATION("clarification-requests"),
    RECEIVE_CLARIFICATION("clarification-responses"),
    REQUEST_FEE("fee-requests"),
    RECEIVE_FEE("fee-payments"),
    EXTEND("extension"),
    ACKNOWLEDGE("acknowledgement"),
    COMPLETE("completion"),
    DECIDE_APPROVED("decision (APPROVED or PARTLY_APPROVED)"),
    DECIDE_REFUSED("decision (REFUSED)"),
    REFUSE("refusal"),
    WITHDRAW("withdrawal"),
    LIFT_RESTRICTION("restriction-lift");

    private final String resource;

    Action(String resource) {
        this.resource = resource;
    }

    /** The sub-resource (and body) that performs it. */
    public String resource() {
        return resource;
    }
}
