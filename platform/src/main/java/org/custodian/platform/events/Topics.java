package org.custodian.platform.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodian.tokens.Revocation;

/** The Kafka topics of DESIGN.md §4, each keyed by {@code {urn}:{pupilId}}, and the one service that writes each. */
public final class Topics {
    public static final String ROSTER = "custodian.roster.v1";
    public static final String CONSENT = "custodian.consent.v1";
    public static final String RIGHTS = "custodian.rights.v1";
    public static final String SHARING = "custodian.sharing.v1";
    public static final String RETENTION = "custodian.retention.v1";
    public static final String ACCOUNTABILITY = "custodian.accountability.v1";
    /** Token revocations, produced by consent-service, read whole by every replica (platform-tokens' RevocationFeed). */
    public static final String REVOCATIONS = Revocation.TOPIC;

    public static final List<String> ALL =
            List.of(ROSTER, CONSENT, RIGHTS, SHARING, RETENTION, ACCOUNTABILITY, REVOCATIONS);

    /** The CloudEvents {@code source} of each service that owns a topic. */
    public static final String CONSENT_SERVICE = "/custodian/consent-service";

    public static final String SAR_SERVICE = "/custodian/sar-service";
    public static final String SHARING_SERVICE = "/custodian/sharing-service";
    public static final String RETENTION_SERVICE = "/custodian/retention-service";
    public static final String ACCOUNTABILITY_SERVICE = "/custodian/accountability-service";

    private static final Map<String, String> OWNERS = Map.of(
            ROSTER, CONSENT_SERVICE,
            CONSENT, CONSENT_SERVICE,
            RIGHTS, SAR_SERVICE,
            SHARING, SHARING_SERVICE,
            RETENTION, RETENTION_SERVICE,
            ACCOUNTABILITY, ACCOUNTABILITY_SERVICE);

    /** The source of the service that owns a topic; empty for a topic that is not one of {@link #ALL}. */
    public static Optional<String> ownerOf(String topic) {
        return Optional.ofNullable(OWNERS.get(topic));
    }

    /**
     * Refuses an event read from {@code topic} unless its {@code source} is the service that owns the topic: any other
     * producer, or a topic no service owns, is an {@link InvalidEventException} (a consumer dead-letters it).
     */
    public static void requireOwner(String topic, CloudEvent event) {
        String owner = ownerOf(topic)
                .orElseThrow(() -> new InvalidEventException(
                        "event " + event.id() + " came on " + topic + ", which no Custodian service owns"));
        if (!owner.equals(event.source())) {
            throw new InvalidEventException("event " + event.id() + " (" + event.type() + ") on " + topic
                    + " claims source " + event.source() + ", but only " + owner + " writes " + topic);
        }
    }

    /** The dead-letter topic where a service's consumers park poison messages. */
    public static String deadLetter(String service) {
        return "custodian.dlq." + service;
    }

    private Topics() {}
}
