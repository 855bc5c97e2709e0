package org.custodian.sharing.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.custodian.sharing.support.Api.agreement;
import static org.custodian.sharing.support.Api.agreementBody;
import static org.custodian.sharing.support.Api.ask;
import static org.custodian.sharing.support.Api.base;
import static org.custodian.sharing.support.Api.dpo;
import static org.custodian.sharing.support.Api.outcome;
import static org.custodian.sharing.support.Api.reasons;
import static org.custodian.sharing.support.Api.recipient;
import static org.hamcrest.Matchers.is;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.Topics;
import org.custodian.sharing.support.Events;
import org.custodian.sharing.support.Receiver;
import org.custodian.sharing.support.SharingTest;
import org.custodian.testing.KafkaTestConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The projections consume real events from the in-process broker, and partners are told what to do. */
@SharingTest
class ProjectionTest {

    static final String URN = "230001";
    static final Receiver RECEIVER = new Receiver();

    @Inject
    DataSource dataSource;

    String pupil;

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @BeforeEach
    void enrol() {
        pupil = "P-" + UUID.randomUUID();
        Events.publish(Events.enrolled(URN, pupil));
    }

    private void awaitOutcome(String recipient, String purpose, String expected) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> expected.equals(outcome(URN, recipient, pupil, purpose)));
    }

    private void awaitReasons(String recipient, String purpose, String... expected) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> reasons(URN, recipient, pupil, purpose).equals(List.of(expected)));
    }

    private String endpoint(String recipient, String path, List<String> types) {
        return dpo(URN).body(Map.of("url", RECEIVER.url(path), "eventTypes", types))
                .post(base(URN) + "/recipients/" + recipient + "/webhook-endpoints")
                .then()
                .statusCode(201)
                .extract()
                .path("endpoint.id");
    }

    private long count(String sql, Object... params) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void aWithdrawalOnKafkaRefusesTheNextDecisionAndItsRedeliveryChangesNothing() throws Exception {
        String recipient = recipient(URN, "Photo Gallery Ltd", "GB");
        agreement(URN, agreementBody(recipient, "CONSENT", "gallery", "consentPurpose", "photos-website"));
        agreement(URN, agreementBody(recipient, "CONSENT", "newsletter", "consentPurpose", "newsletter"));
        String path = "/consent-" + pupil;
        endpoint(recipient, path, List.of("consent.withdrawn"));
        awaitReasons(recipient, "gallery", "CONSENT_NOT_ASKED");

        Events.publish(Events.granted(URN, pupil, "photos-website"));
        awaitOutcome(recipient, "gallery", "ALLOWED");
        dpo(URN).body(ask(recipient, List.of(pupil), "gallery"))
                .post(base(URN) + "/disclosures")
                .then()
                .statusCode(200)
                .body("decisions[0].outcome", is("ALLOWED"));

        CloudEvent withdrawal = Events.withdrawn(URN, pupil, "photos-website");
        long published = System.nanoTime();
        Events.publish(withdrawal);
        awaitReasons(recipient, "gallery", "CONSENT_WITHDRAWN");
        long refusedAfterMs = (System.nanoTime() - published) / 1_000_000;
        System.out.println("[measure] consent.withdrawn on Kafka -> REFUSED decision: " + refusedAfterMs + " ms");

        // the partner that received data under that consent is told to stop
        await().atMost(Duration.ofSeconds(20)).until(() -> RECEIVER.at(path).size() == 1);
        var told = CloudEventCodec.mapper().readTree(RECEIVER.at(path).get(0).body());
        assertThat(told.path("type").asText()).isEqualTo("consent.withdrawn");
        assertThat(told.path("data").path("pupilId").asText()).isEqualTo(pupil);
        assertThat(told.path("data").path("consentPurpose").asText()).isEqualTo("photos-website");
        assertThat(told.path("data").path("requiredAction").asText()).contains("Stop");

        // the same event again, then a later one on the same key: once that is applied, the copy was consumed
        Events.publish(withdrawal, Events.granted(URN, pupil, "newsletter"));
        awaitOutcome(recipient, "newsletter", "ALLOWED");
        assertThat(reasons(URN, recipient, pupil, "gallery")).containsExactly("CONSENT_WITHDRAWN");
        assertThat(count(
                        "SELECT count(*) FROM inbox_event WHERE consumer = ? AND event_id = ?",
                        ProjectionConsumers.CONSENT,
                        withdrawal.id()))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM webhook_message WHERE school_urn = ? AND pupil_id = ? AND event_type = ?",
                        URN,
                        pupil,
                        "consent.withdrawn"))
                .isEqualTo(1);
        Thread.sleep(300);
        assertThat(RECEIVER.at(path)).hasSize(1);
    }

    @Test
    void aRewordingThatNeedsReconsentTurnsGrantedConsentIntoRenewalNeeded() {
        String recipient = recipient(URN, "Video Ltd", "GB");
        agreement(URN, agreementBody(recipient, "CONSENT", "video", "consentPurpose", "video-" + pupil));
        Events.publish(Events.granted(URN, pupil, "video-" + pupil));
        awaitOutcome(recipient, "video", "ALLOWED");
        Events.publish(Events.reworded(URN, "video-" + pupil, 2));
        awaitReasons(recipient, "video", "CONSENT_RENEWAL_NEEDED");
        // consent to the new wording counts again
        Events.publish(
                Events.consent(EventTypes.CONSENT_GRANTED, URN, pupil, "video-" + pupil, "GRANTED", "GRANTED", 2));
        awaitOutcome(recipient, "video", "ALLOWED");
    }

    @Test
    void aPupilWhoHasLeftIsNotOnTheRoster() {
        String recipient = recipient(URN, "Roster Ltd", "GB");
        agreement(URN, agreementBody(recipient, "PUBLIC_TASK", "sync"));
        awaitOutcome(recipient, "sync", "ALLOWED");
        Events.publish(Events.left(URN, pupil, LocalDate.now().minusDays(1)));
        awaitReasons(recipient, "sync", "PUPIL_NOT_ON_ROSTER");
    }

    @Test
    void restrictionsStopAllButARecordedArt18_2GroundAndObjectionsAllButLegalObligations() {
        String recipient = recipient(URN, "Rights Ltd", "GB");
        agreement(URN, agreementBody(recipient, "PUBLIC_TASK", "reports"));
        agreement(
                URN,
                agreementBody(
                        recipient, "LEGAL_OBLIGATION", "returns", "restrictionGround", "IMPORTANT_PUBLIC_INTEREST"));
        awaitOutcome(recipient, "reports", "ALLOWED");
        String request = "R-" + UUID.randomUUID();
        Events.publish(Events.restriction(EventTypes.PROCESSING_RESTRICTED, URN, pupil, request, List.of()));
        awaitReasons(recipient, "reports", "PROCESSING_RESTRICTED");
        assertThat(outcome(URN, recipient, pupil, "returns")).isEqualTo("ALLOWED");
        Events.publish(Events.restriction(EventTypes.PROCESSING_UNRESTRICTED, URN, pupil, request, List.of()));
        awaitOutcome(recipient, "reports", "ALLOWED");
        Events.publish(Events.objection(URN, pupil, List.of("reports")));
        awaitReasons(recipient, "reports", "OBJECTION_UPHELD");
        assertThat(outcome(URN, recipient, pupil, "returns")).isEqualTo("ALLOWED");
    }

    @Test
    void rightsEventsTellEveryRecipientThatReceivedDataAboutThePupil() throws Exception {
        String first = recipient(URN, "First Ltd", "GB");
        String second = recipient(URN, "Second Ltd", "GB");
        String never = recipient(URN, "Never Ltd", "GB");
        List<String> all = List.of(
                "erasure.requested",
                "rectification.requested",
                "processing.restricted",
                "processing.unrestricted",
                "disclosure.made");
        for (String r : List.of(first, second, never)) {
            agreement(URN, agreementBody(r, "PUBLIC_TASK", "share"));
            endpoint(r, "/rights-" + r + "-" + pupil, all);
        }
        awaitOutcome(first, "share", "ALLOWED");
        for (String r : List.of(first, second)) {
            dpo(URN).body(ask(r, List.of(pupil), "share"))
                    .post(base(URN) + "/disclosures")
                    .then()
                    .statusCode(200)
                    .body("allowed", is(1));
        }
        Events.publish(
                Events.erasure(URN, pupil, List.of(), false),
                Events.rectification(URN, pupil, List.of("medical")),
                Events.rectification(URN, pupil, List.of("identity")),
                Events.restriction(EventTypes.PROCESSING_RESTRICTED, URN, pupil, "R-x", List.of()));
        for (String r : List.of(first, second)) {
            String path = "/rights-" + r + "-" + pupil;
            await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.at(path).size() == 4);
            List<String> types = RECEIVER.at(path).stream()
                    .map(m -> {
                        try {
                            return CloudEventCodec.mapper()
                                    .readTree(m.body())
                                    .path("type")
                                    .asText();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
            // one rectification concerned MEDICAL, which no one received: only the IDENTITY one is sent
            assertThat(types)
                    .containsExactlyInAnyOrder(
                            "disclosure.made", "erasure.requested", "rectification.requested", "processing.restricted");
        }
        Thread.sleep(300);
        assertThat(RECEIVER.at("/rights-" + never + "-" + pupil)).isEmpty();
        assertThat(count(
                        "SELECT count(*) FROM webhook_message WHERE school_urn = ? AND recipient_id = ?::uuid",
                        URN,
                        never))
                .isZero();
    }

    /**
     * Issue 16, finding 13: a withdrawal on the consent topic that consent-service did not send (here sar-service's
     * name) is dead-lettered: the decision stays ALLOWED and no partner is told to stop.
     */
    @Test
    void aWithdrawalFromAServiceThatDoesNotOwnTheConsentTopicIsDeadLetteredAndChangesNothing() throws Exception {
        String recipient = recipient(URN, "Forgery Ltd", "GB");
        agreement(URN, agreementBody(recipient, "CONSENT", "forged", "consentPurpose", "forged-" + pupil));
        String path = "/forged-" + pupil;
        endpoint(recipient, path, List.of("consent.withdrawn"));
        Events.publish(Events.granted(URN, pupil, "forged-" + pupil));
        awaitOutcome(recipient, "forged", "ALLOWED");

        CloudEvent genuine = Events.withdrawn(URN, pupil, "forged-" + pupil);
        CloudEvent forged = new CloudEvent(
                genuine.id(),
                Topics.SAR_SERVICE,
                genuine.specversion(),
                genuine.type(),
                genuine.subject(),
                genuine.time(),
                genuine.datacontenttype(),
                genuine.schoolurn(),
                genuine.data());
        CloudEvent next = Events.granted(URN, pupil, "newsletter-" + pupil);
        try (KafkaTestConsumer dlq = new KafkaTestConsumer(Topics.deadLetter("sharing-service"))) {
            Events.publishRaw(Topics.CONSENT, forged.partitionKey(), CloudEventCodec.toJson(forged));
            Events.publish(next);
            assertThat(dlq.await(r -> r.value().contains(forged.id()), Duration.ofSeconds(30)))
                    .isPresent();
        }
        // the next event on the same key is applied, so the forged one before it was consumed
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(
                                "SELECT count(*) FROM inbox_event WHERE consumer = ? AND event_id = ?",
                                ProjectionConsumers.CONSENT,
                                next.id())
                        == 1);
        assertThat(outcome(URN, recipient, pupil, "forged")).isEqualTo("ALLOWED");
        assertThat(count("SELECT count(*) FROM inbox_event WHERE event_id = ?", forged.id()))
                .isZero();
        assertThat(count("SELECT count(*) FROM webhook_message WHERE school_urn = ? AND pupil_id = ?", URN, pupil))
                .isZero();
        assertThat(RECEIVER.at(path)).isEmpty();
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextEventIsApplied() {
        String recipient = recipient(URN, "Poison Ltd", "GB");
        agreement(URN, agreementBody(recipient, "CONSENT", "poison", "consentPurpose", "poison-" + pupil));
        try (KafkaTestConsumer dlq = new KafkaTestConsumer(Topics.deadLetter("sharing-service"))) {
            Events.publishRaw(Topics.CONSENT, URN + ":" + pupil, "{\"marker\": \"" + pupil + "\"}");
            Events.publish(Events.granted(URN, pupil, "poison-" + pupil));
            assertThat(dlq.await(r -> r.value().contains(pupil), Duration.ofSeconds(30)))
                    .isPresent();
            awaitOutcome(recipient, "poison", "ALLOWED");
        }
    }
}
