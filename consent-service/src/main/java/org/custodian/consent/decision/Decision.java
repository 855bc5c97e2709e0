package org.custodian.consent.decision;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a person decided about one purpose. */
@Schema(name = "ConsentDecision")
public enum Decision {
    GRANTED,
    REFUSED,
    WITHDRAWN;

    public boolean isRestrictive() {
        return this != GRANTED;
    }
}
