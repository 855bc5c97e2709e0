package org.custodian.platform.events;

import org.custodian.tokens.Revocation;

import java.util.List;

/** The Kafka topics of DESIGN.md §4, each keyed by {@code {urn}:{pupilId}}. */
public final class Topics {
    public static final String ROSTER = "custodian.roster.v1";
    public static final String CONSENT = "custodian.consent.v1";
    public static final String RIGHTS = "custodian.rights.v1";
    public static final String SHARING = "custodian.sharing.v1";
    public static final String RETENTION = "custodian.retention.v1";
    /** Token revocations, produced by consent-service, read whole by every replica (platform-tokens' RevocationFeed). */
    public static final String REVOCATIONS = Revocation.TOPIC;

    public static final List<String> ALL = List.of(ROSTER, CONSENT, RIGHTS, SHARING, RETENTION, REVOCATIONS);

    /** The dead-letter topic where a service's consumers park poison messages. */
    public static String deadLetter(String service) {
        return "custodian.dlq." + service;
    }

    private Topics() {
    }
}
