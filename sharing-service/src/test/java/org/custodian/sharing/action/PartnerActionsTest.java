package org.custodian.sharing.action;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.custodian.sharing.support.Api.agreement;
import static org.custodian.sharing.support.Api.agreementBody;
import static org.custodian.sharing.support.Api.as;
import static org.custodian.sharing.support.Api.ask;
import static org.custodian.sharing.support.Api.base;
import static org.custodian.sharing.support.Api.dpo;
import static org.custodian.sharing.support.Api.outcome;
import static org.custodian.sharing.support.Api.partner;
import static org.custodian.sharing.support.Api.recipient;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.Topics;
import org.custodian.platform.time.LegalTime;
import org.custodian.sharing.actionkind.ActionDeadline;
import org.custodian.sharing.actionkind.ActionKind;
import org.custodian.sharing.partner.PartnerActionJob;
import org.custodian.sharing.support.Events;
import org.custodian.sharing.support.Receiver;
import org.custodian.sharing.support.SharingTest;
import org.custodian.sharing.webhook.IndependentVerifier;
import org.custodian.testing.KafkaTestConsumer;
import org.custodian.testing.MovableClock;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Partner actions end to end: opened by events from the real broker (and by the end of sharing), delivered to a real
 * HTTP receiver with their id and answer URLs, answered by partners, chased when overdue, and listed for subject access.
 */
@SharingTest
class PartnerActionsTest {

    static final String URN = "250001";
    static final Receiver RECEIVER = new Receiver();
    static final List<String> ALL_TYPES = List.of(
            "disclosure.made",
            "consent.withdrawn",
            "erasure.requested",
            "rectification.requested",
            "processing.restricted",
            "processing.unrestricted",
            "sharing.ended",
            "action.reminder");

    @Inject
    MovableClock clock;

    @Inject
    PartnerActionJob job;

    String pupil;

    /** A recipient with a webhook endpoint on the test receiver. */
    record Partner(String id, String secret, String path) {
        List<Receiver.Received> received() {
            return RECEIVER.at(path);
        }

        Optional<Receiver.Received> message(String type) {
            return received().stream()
                    .filter(r -> json(r.body()).path("type").asText().equals(type))
                    .findFirst();
        }
    }

    @BeforeEach
    void enrol() {
        pupil = "P-" + UUID.randomUUID();
        Events.publish(Events.enrolled(URN, pupil));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    static JsonNode json(String body) {
        try {
            return CloudEventCodec.mapper().readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Partner partnerWith(String name, List<String> types) {
        String id = recipient(URN, name + " " + UUID.randomUUID(), "GB");
        String path = "/hook-" + id;
        String secret = dpo(URN).body(Map.of("url", RECEIVER.url(path), "eventTypes", types))
                .post(base(URN) + "/recipients/" + id + "/webhook-endpoints")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
        return new Partner(id, secret, path);
    }

    private void awaitAllowed(String recipient, String purpose) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> "ALLOWED".equals(outcome(URN, recipient, pupil, purpose)));
    }

    private void disclose(String recipient, String purpose, String... pupils) {
        List<String> who = pupils.length == 0 ? List.of(pupil) : List.of(pupils);
        dpo(URN).body(ask(recipient, who, purpose))
                .post(base(URN) + "/disclosures")
                .then()
                .statusCode(200)
                .body("allowed", is(who.size()));
    }

    private static List<Map<String, Object>> actionsAbout(String pupilId) {
        return dpo(URN).get(base(URN) + "/partner-actions?limit=500&pupilId=" + pupilId)
                .then()
                .statusCode(200)
                .extract()
                .path("items");
    }

    private static List<Map<String, Object>> awaitActions(String pupilId, int count) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> actionsAbout(pupilId).size() >= count);
        return actionsAbout(pupilId);
    }

    private static String actionOf(List<Map<String, Object>> actions, String recipient) {
        return actions.stream()
                .filter(a -> a.get("recipientId").equals(recipient))
                .map(a -> (String) a.get("id"))
                .findFirst()
                .orElseThrow();
    }

    private static Receiver.Received awaitMessage(Partner p, String type) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> p.message(type).isPresent());
        return p.message(type).orElseThrow();
    }

    private static String action(String id) {
        return base(URN) + "/partner-actions/" + id;
    }

    private static ValidatableResponse complete(String recipient, String id, Object... override) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of(
                "performedAt",
                "2026-01-05T10:00:00Z",
                "outcome",
                "DELETED",
                "recordCount",
                14,
                "reference",
                "PRIV-2291"));
        for (int i = 0; i < override.length; i += 2) {
            body.put((String) override[i], override[i + 1]);
        }
        return partner(URN, recipient)
                .body(body)
                .post(action(id) + "/completion")
                .then();
    }

    private LocalDate today() {
        return LegalTime.today(clock);
    }

    /** A partner that has received data about the pupil under a public task agreement for "share". */
    private Partner sharedWith(String name) {
        Partner p = partnerWith(name, ALL_TYPES);
        agreement(URN, agreementBody(p.id(), "PUBLIC_TASK", "share"));
        awaitAllowed(p.id(), "share");
        disclose(p.id(), "share");
        return p;
    }

    private String erasureAction(Partner p) {
        Events.publish(Events.erasure(URN, pupil, List.of(), false));
        return actionOf(awaitActions(pupil, 1), p.id());
    }

    @Test
    void whatHappensWhileAnEndpointIsDisabledIsDeliveredOnceItIsEnabledAgain() {
        Partner p = sharedWith("Disabled For A While");
        String endpoints = base(URN) + "/recipients/" + p.id() + "/webhook-endpoints";
        String endpoint = endpoints + "/"
                + dpo(URN).get(endpoints).then().statusCode(200).extract().path("items[0].id");
        dpo(URN).header("If-Match", "\"1\"")
                .body(Map.of("url", RECEIVER.url(p.path()), "eventTypes", ALL_TYPES, "status", "DISABLED"))
                .put(endpoint)
                .then()
                .statusCode(200);

        String action = erasureAction(p);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> p.message("erasure.requested").isEmpty());
        dpo(URN).get(endpoint + "/deliveries")
                .then()
                .statusCode(200)
                .body("items.findAll { it.eventType == 'erasure.requested' }.status", is(List.of("PENDING")));

        dpo(URN).header("If-Match", "\"2\"")
                .body(Map.of("url", RECEIVER.url(p.path()), "eventTypes", ALL_TYPES, "status", "ENABLED"))
                .put(endpoint)
                .then()
                .statusCode(200);
        Receiver.Received told = awaitMessage(p, "erasure.requested");
        assertThat(json(told.body()).path("data").path("action").path("id").asText())
                .isEqualTo(action);
    }

    @Test
    void aWithdrawalFromKafkaOpensTheActionAndTheWebhookCarriesItsId() {
        Partner photos = partnerWith("Photo Gallery", ALL_TYPES);
        Partner newsletter = partnerWith("Newsletter", ALL_TYPES);
        Partner census = partnerWith("Census", ALL_TYPES);
        Partner never = partnerWith("Never Sent", ALL_TYPES);
        agreement(URN, agreementBody(photos.id(), "CONSENT", "gallery", "consentPurpose", "photos"));
        agreement(URN, agreementBody(never.id(), "CONSENT", "gallery", "consentPurpose", "photos"));
        agreement(URN, agreementBody(newsletter.id(), "CONSENT", "news", "consentPurpose", "newsletter"));
        agreement(URN, agreementBody(census.id(), "PUBLIC_TASK", "returns"));
        Events.publish(Events.granted(URN, pupil, "photos"), Events.granted(URN, pupil, "newsletter"));
        awaitAllowed(photos.id(), "gallery");
        awaitAllowed(newsletter.id(), "news");
        disclose(photos.id(), "gallery");
        disclose(newsletter.id(), "news");
        disclose(census.id(), "returns");

        CloudEvent withdrawal = Events.withdrawn(URN, pupil, "photos");
        Events.publish(withdrawal);
        Receiver.Received told = awaitMessage(photos, "consent.withdrawn");
        JsonNode payload = json(told.body());
        String actionId = payload.path("data").path("action").path("id").asText();
        assertThat(actionId).isNotBlank();
        JsonNode block = payload.path("data").path("action");
        assertThat(block.path("kind").asText()).isEqualTo("STOP_USING");
        assertThat(block.path("status").asText()).isEqualTo("OPEN");
        assertThat(block.path("dueBy").asText())
                .isEqualTo(
                        ActionKind.STOP_USING.defaultDeadline().dueOn(today()).toString());
        assertThat(block.path("urls").path("completion").asText())
                .isEqualTo(
                        "http://localhost:8080/api/v1/schools/" + URN + "/partner-actions/" + actionId + "/completion");
        assertThat(block.path("urls").path("acknowledgement").asText()).endsWith(actionId + "/acknowledgement");
        assertThat(block.path("urls").path("dispute").asText()).endsWith(actionId + "/dispute");
        assertThat(IndependentVerifier.verify(
                        photos.secret(),
                        told.header("webhook-id"),
                        told.header("webhook-timestamp"),
                        told.body(),
                        told.header("webhook-signature")))
                .isTrue();

        // exactly the recipient that received data under that consent purpose
        List<Map<String, Object>> actions = actionsAbout(pupil);
        assertThat(actions).hasSize(1);
        assertThat(actions.get(0).get("recipientId")).isEqualTo(photos.id());
        partner(URN, photos.id())
                .get(action(actionId))
                .then()
                .statusCode(200)
                .body("status", is("OPEN"))
                .body("kind", is("STOP_USING"))
                .body("messageId", is(told.header("webhook-id")))
                .body("causeType", is("consent.withdrawn"))
                .body("causeReference", is("photos"))
                .body("dataCategories", hasItem("IDENTITY"))
                .body(
                        "urls.completion",
                        is(block.path("urls").path("completion").asText()));
        assertThat(newsletter.message("consent.withdrawn")).isEmpty();
        assertThat(never.received()).isEmpty();

        // the same event again, then a later one on the pupil's key: once that is applied, the copy was consumed
        Events.publish(withdrawal, Events.withdrawn(URN, pupil, "newsletter"));
        awaitMessage(newsletter, "consent.withdrawn");
        List<Map<String, Object>> after = awaitActions(pupil, 2);
        assertThat(after).extracting(a -> a.get("recipientId")).containsExactlyInAnyOrder(photos.id(), newsletter.id());
        assertThat(photos.received().stream()
                        .filter(r -> json(r.body()).path("type").asText().equals("consent.withdrawn")))
                .hasSize(1);
        dpo(URN).get(base(URN) + "/audit/sharing?subject=pupils/" + pupil)
                .then()
                .statusCode(200)
                .body("items.action", hasItem("partner-actions.opened"));
    }

    @Test
    void aRepeatedWithdrawalTellsThePartnerOnceAndOpensOneActionPerDisclosure() {
        Partner photos = partnerWith("Repeat Gallery", ALL_TYPES);
        Partner news = partnerWith("Repeat News", ALL_TYPES);
        agreement(URN, agreementBody(photos.id(), "CONSENT", "gallery", "consentPurpose", "photos"));
        agreement(URN, agreementBody(news.id(), "CONSENT", "news", "consentPurpose", "newsletter"));
        Events.publish(Events.granted(URN, pupil, "photos"), Events.granted(URN, pupil, "newsletter"));
        awaitAllowed(photos.id(), "gallery");
        awaitAllowed(news.id(), "news");
        disclose(photos.id(), "gallery");
        disclose(news.id(), "news");

        Events.publish(Events.withdrawn(URN, pupil, "photos"));
        String first = actionOf(awaitActions(pupil, 1), photos.id());
        complete(photos.id(), first).statusCode(200);

        // the parent withdraws the same consent twice more (new decisions, new event ids): nothing effective changes;
        // a later event on the pupil's key shows when both were applied
        Events.publish(
                Events.withdrawn(URN, pupil, "photos"),
                Events.withdrawn(URN, pupil, "photos"),
                Events.withdrawn(URN, pupil, "newsletter"));
        awaitMessage(news, "consent.withdrawn");
        List<Map<String, Object>> actions = awaitActions(pupil, 2);
        assertThat(actions).hasSize(2);
        assertThat(actions.stream().filter(a -> a.get("recipientId").equals(photos.id())))
                .extracting(a -> a.get("id"))
                .containsExactly(first);
        assertThat(deliveries(photos, "consent.withdrawn")).hasSize(1);
        assertThat(photos.received().stream()
                        .filter(r -> json(r.body()).path("type").asText().equals("consent.withdrawn")))
                .hasSize(1);
        partner(URN, photos.id()).get(action(first)).then().statusCode(200).body("status", is("COMPLETED"));

        // granted again and disclosed again: the next withdrawal concerns the new disclosure, so it is told once more
        Events.publish(Events.granted(URN, pupil, "photos"));
        awaitAllowed(photos.id(), "gallery");
        disclose(photos.id(), "gallery");
        Events.publish(Events.withdrawn(URN, pupil, "photos"), Events.withdrawn(URN, pupil, "photos"));
        List<Map<String, Object>> again = awaitActions(pupil, 3);
        Events.publish(Events.withdrawn(URN, pupil, "newsletter"));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> deliveries(photos, "consent.withdrawn").size() >= 2);
        assertThat(actionsAbout(pupil)).hasSize(3);
        assertThat(again.stream().filter(a -> a.get("recipientId").equals(photos.id())))
                .hasSize(2);
        assertThat(deliveries(photos, "consent.withdrawn")).hasSize(2);
        assertThat(deliveries(news, "consent.withdrawn")).hasSize(1);
    }

    /** The deliveries of one type queued for the partner's endpoint, as the school's DPO lists them. */
    private static List<Object> deliveries(Partner p, String type) {
        String endpoints = base(URN) + "/recipients/" + p.id() + "/webhook-endpoints";
        String endpoint =
                dpo(URN).get(endpoints).then().statusCode(200).extract().path("items[0].id");
        return dpo(URN).get(endpoints + "/" + endpoint + "/deliveries?limit=200")
                .then()
                .statusCode(200)
                .extract()
                .path("items.findAll { it.eventType == '" + type + "' }.id");
    }

    @Test
    void aReplayedMessageSaysSoAndCarriesTheActionsCurrentStatus() {
        Partner photos = partnerWith("Replay Gallery", ALL_TYPES);
        agreement(URN, agreementBody(photos.id(), "CONSENT", "gallery", "consentPurpose", "photos"));
        Events.publish(Events.granted(URN, pupil, "photos"));
        awaitAllowed(photos.id(), "gallery");
        disclose(photos.id(), "gallery");
        Events.publish(Events.withdrawn(URN, pupil, "photos"));
        Receiver.Received first = awaitMessage(photos, "consent.withdrawn");
        JsonNode sent = json(first.body()).path("data");
        assertThat(sent.has("replayed")).isFalse();
        assertThat(sent.path("action").path("status").asText()).isEqualTo("OPEN");
        String actionId = sent.path("action").path("id").asText();
        complete(photos.id(), actionId).statusCode(200);

        String endpoints = base(URN) + "/recipients/" + photos.id() + "/webhook-endpoints";
        String endpoint =
                dpo(URN).get(endpoints).then().statusCode(200).extract().path("items[0].id");
        String delivery = dpo(URN).get(endpoints + "/" + endpoint + "/deliveries?limit=200")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.eventType == 'consent.withdrawn' }.id");
        dpo(URN).post(endpoints + "/" + endpoint + "/deliveries/" + delivery + "/replay")
                .then()
                .statusCode(202);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> photos.received().stream()
                                .filter(r ->
                                        json(r.body()).path("type").asText().equals("consent.withdrawn"))
                                .count()
                        == 2);
        Receiver.Received again = photos.received().stream()
                .filter(r -> json(r.body()).path("type").asText().equals("consent.withdrawn"))
                .reduce((a, b) -> b)
                .orElseThrow();
        JsonNode replayed = json(again.body());
        assertThat(again.header("webhook-id")).isEqualTo(first.header("webhook-id"));
        assertThat(replayed.path("id").asText())
                .isEqualTo(json(first.body()).path("id").asText());
        assertThat(replayed.path("data").path("replayed").asBoolean()).isTrue();
        assertThat(replayed.path("data").path("replayedAt").asText()).isNotBlank();
        assertThat(replayed.path("data").path("action").path("id").asText()).isEqualTo(actionId);
        assertThat(replayed.path("data").path("action").path("status").asText()).isEqualTo("COMPLETED");
        assertThat(replayed.path("data").path("action").path("statusAsOf").asText())
                .isNotBlank();
        assertThat(replayed.path("data").path("consentPurpose").asText()).isEqualTo("photos");
        // signed over what was sent
        assertThat(IndependentVerifier.verify(
                        photos.secret(),
                        again.header("webhook-id"),
                        again.header("webhook-timestamp"),
                        again.body(),
                        again.header("webhook-signature")))
                .isTrue();
        // the stored message is unchanged: the DPO's view of what was first sent stays true
        assertThat(actionsAbout(pupil)).hasSize(1);
    }

    @Test
    void anErasureOpensAnActionForEveryRecipientThatReceivedAnyDataDueByItsAgreement() {
        Partner quick = partnerWith("Quick", ALL_TYPES);
        Partner standard = partnerWith("Standard", ALL_TYPES);
        Partner never = partnerWith("Never", ALL_TYPES);
        agreement(
                URN,
                agreementBody(
                        quick.id(),
                        "PUBLIC_TASK",
                        "share",
                        "actionDeadlines",
                        Map.of("ERASE", Map.of("amount", 10, "unit", "WORKING_DAYS"))));
        agreement(URN, agreementBody(standard.id(), "CONSENT", "share", "consentPurpose", "platform"));
        agreement(URN, agreementBody(never.id(), "PUBLIC_TASK", "share"));
        Events.publish(Events.granted(URN, pupil, "platform"));
        awaitAllowed(quick.id(), "share");
        awaitAllowed(standard.id(), "share");
        disclose(quick.id(), "share");
        disclose(standard.id(), "share");

        Events.publish(Events.erasure(URN, pupil, List.of(), false));
        List<Map<String, Object>> actions = awaitActions(pupil, 2);
        assertThat(actions).extracting(a -> a.get("recipientId")).containsExactlyInAnyOrder(quick.id(), standard.id());
        assertThat(actions).allSatisfy(a -> {
            assertThat(a.get("kind")).isEqualTo("ERASE");
            assertThat(a.get("causeType")).isEqualTo("erasure.requested");
        });
        LocalDate today = today();
        String quickAction = actionOf(actions, quick.id());
        dpo(URN).get(action(quickAction))
                .then()
                .body("dueBy", is(ActionDeadline.workingDays(10).dueOn(today).toString()));
        dpo(URN).get(action(actionOf(actions, standard.id())))
                .then()
                .body("dueBy", is(ActionDeadline.months(1).dueOn(today).toString()));
        JsonNode erasure = json(awaitMessage(quick, "erasure.requested").body());
        assertThat(erasure.path("data").path("action").path("id").asText()).isEqualTo(quickAction);
        assertThat(never.received()).isEmpty();

        // a restriction asks again, its lifting asks nothing
        Events.publish(
                Events.restriction(EventTypes.PROCESSING_RESTRICTED, URN, pupil, "R-1", List.of()),
                Events.restriction(EventTypes.PROCESSING_UNRESTRICTED, URN, pupil, "R-1", List.of()));
        awaitMessage(quick, "processing.unrestricted");
        assertThat(actionsAbout(pupil))
                .hasSize(4)
                .extracting(a -> a.get("kind"))
                .containsExactlyInAnyOrder("ERASE", "ERASE", "RESTRICT", "RESTRICT");
        assertThat(json(quick.message("processing.unrestricted").orElseThrow().body())
                        .path("data")
                        .has("action"))
                .isFalse();
    }

    @Test
    void aPartnerAcknowledgesThenCompletesAndEveryAnswerIsIdempotentAndAudited() {
        Partner p = sharedWith("Answers");
        String id = erasureAction(p);
        partner(URN, p.id())
                .body(Map.of("note", "ticket PRIV-1"))
                .post(action(id) + "/acknowledgement")
                .then()
                .statusCode(200)
                .body("status", is("ACKNOWLEDGED"))
                .body("acknowledgementNote", is("ticket PRIV-1"))
                .body("acknowledgedAt", notNullValue());
        partner(URN, p.id())
                .body(Map.of("note", "ticket PRIV-1"))
                .post(action(id) + "/acknowledgement")
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("status", is("ACKNOWLEDGED"));
        partner(URN, p.id())
                .body(Map.of("note", "another"))
                .post(action(id) + "/acknowledgement")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        String first = complete(p.id(), id)
                .statusCode(200)
                .body("status", is("COMPLETED"))
                .body("completion.outcome", is("DELETED"))
                .body("completion.recordCount", is(14))
                .body("completion.reference", is("PRIV-2291"))
                .body("late", is(false))
                .extract()
                .asString();
        String again = complete(p.id(), id)
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .extract()
                .asString();
        assertThat(json(again)).isEqualTo(json(first));
        complete(p.id(), id, "recordCount", 15)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("already completed"));
        partner(URN, p.id())
                .body(Map.of("reason", "we have changed our mind"))
                .post(action(id) + "/dispute")
                .then()
                .statusCode(409);
        List<Map<String, Object>> audit = auditOfAction(id, "DONE");
        assertThat(audit)
                .extracting(a -> a.get("action"))
                .containsExactlyInAnyOrder("partner-action.acknowledged", "partner-action.completed");
        List<Map<String, Object>> refused = auditOfAction(id, "REFUSED");
        assertThat(refused)
                .extracting(a -> a.get("action"))
                .contains("POST /api/v1/schools/{urn}/partner-actions/{id}/dispute");
        assertThat(audit).allSatisfy(a -> assertThat(a.get("actor")).isEqualTo(p.id()));
    }

    /** The DPO's audit entries about one action of this school, with the given result (DONE or REFUSED). */
    private static List<Map<String, Object>> auditOfAction(String id, String result) {
        return dpo(URN).get(base(URN) + "/audit/sharing?limit=500&result=" + result + "&subject=partner-actions/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("items");
    }

    @Test
    void completionBeforeAcknowledgementIsAllowedAndADisputeIsFinal() {
        Partner p = sharedWith("Disputes");
        String id = erasureAction(p);
        Events.publish(Events.rectification(URN, pupil, List.of()));
        String rectify = awaitActions(pupil, 2).stream()
                .filter(a -> a.get("kind").equals("RECTIFY"))
                .map(a -> (String) a.get("id"))
                .findFirst()
                .orElseThrow();
        complete(p.id(), rectify, "outcome", "CORRECTED")
                .statusCode(200)
                .body("status", is("COMPLETED"))
                .body("acknowledgedAt", nullValue());

        Map<String, Object> dispute = Map.of(
                "reason", "We must keep exam entries for six years", "legalReference", "Awarding body regulations");
        partner(URN, p.id())
                .body(dispute)
                .post(action(id) + "/dispute")
                .then()
                .statusCode(200)
                .body("status", is("DISPUTED"))
                .body("dispute.reason", is("We must keep exam entries for six years"))
                .body("dispute.legalReference", is("Awarding body regulations"));
        partner(URN, p.id())
                .body(dispute)
                .post(action(id) + "/dispute")
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", "true");
        complete(p.id(), id)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("DISPUTED"));
        partner(URN, p.id())
                .body(Map.of())
                .post(action(id) + "/acknowledgement")
                .then()
                .statusCode(409);
    }

    @Test
    void aCompletionWithoutATimeIsRecordedAtTheServicesTimeAndItsRetryIsTheSameAnswer() {
        Partner p = sharedWith("No time given");
        String id = erasureAction(p);
        clock.setTo(Instant.parse("2026-12-01T10:30:00Z"));
        String performedAt = complete(p.id(), id, "performedAt", null)
                .statusCode(200)
                .header("Idempotent-Replayed", nullValue())
                .body("completion.performedAt", startsWith("2026-12-01T10:30:00"))
                .extract()
                .path("completion.performedAt");
        clock.setTo(Instant.parse("2026-12-01T10:35:00Z"));
        complete(p.id(), id, "performedAt", null)
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("completion.performedAt", equalTo(performedAt));
        complete(p.id(), id, "performedAt", null, "recordCount", 15).statusCode(409);
    }

    @Test
    void badAnswersAreProblemsAndChangeNothing() {
        Partner p = sharedWith("Bad input");
        String id = erasureAction(p);
        complete(p.id(), id, "outcome", "SHREDDED").statusCode(400).contentType("application/problem+json");
        complete(p.id(), id, "outcome", "CORRECTED")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("outcome"));
        complete(p.id(), id, "performedAt", "2099-01-01T00:00:00Z")
                .statusCode(400)
                .body("errors.field", hasItem("performedAt"));
        complete(p.id(), id, "performedAt", "yesterday").statusCode(400).contentType("application/problem+json");
        complete(p.id(), id, "recordCount", -1).statusCode(400).body("errors.field", hasItem("recordCount"));
        complete(p.id(), id, "reference", "").statusCode(400).body("errors.field", hasItem("reference"));
        complete(p.id(), id, "extra", "field").statusCode(400).contentType("application/problem+json");
        partner(URN, p.id())
                .body("{\"outcome\": ")
                .post(action(id) + "/completion")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        partner(URN, p.id())
                .body(Map.of("reason", "no"))
                .post(action(id) + "/dispute")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reason"));
        partner(URN, p.id())
                .body(Map.of())
                .post(base(URN) + "/partner-actions/not-a-uuid/acknowledgement")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        partner(URN, p.id())
                .get(base(URN) + "/partner-actions?status=SOMETIMES")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        partner(URN, p.id())
                .header("If-Match", "\"99\"")
                .body(Map.of())
                .post(action(id) + "/acknowledgement")
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        dpo(URN).body(Map.of("note", "confirmed by phone"))
                .post(action(id) + "/closure")
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        dpo(URN).get(base(URN) + "/partner-actions/by-pupil?unresolved=perhaps")
                .then()
                .statusCode(400);
        partner(URN, p.id())
                .get(action(id))
                .then()
                .statusCode(200)
                .body("status", is("OPEN"))
                .body("version", is(1))
                .body("completion", nullValue())
                .body("acknowledgedAt", nullValue());
    }

    @Test
    void aPartnerSeesAndAnswersOnlyItsOwnActionsAndOnlyForItsSchool() {
        Partner mine = sharedWith("Mine");
        String id = erasureAction(mine);
        Partner theirs = sharedWith("Theirs");
        Events.publish(Events.rectification(URN, pupil, List.of()));
        List<Map<String, Object>> all = awaitActions(pupil, 3);
        String theirAction = all.stream()
                .filter(a -> a.get("recipientId").equals(theirs.id()))
                .map(a -> (String) a.get("id"))
                .findFirst()
                .orElseThrow();

        partner(URN, mine.id()).get(action(theirAction)).then().statusCode(404).contentType("application/problem+json");
        partner(URN, mine.id())
                .body(Map.of())
                .post(action(theirAction) + "/acknowledgement")
                .then()
                .statusCode(404);
        complete(mine.id(), theirAction, "outcome", "CORRECTED").statusCode(404);
        partner(URN, mine.id())
                .body(Map.of("reason", "not ours to answer at all"))
                .post(action(theirAction) + "/dispute")
                .then()
                .statusCode(404);
        List<String> visible = partner(URN, mine.id())
                .get(base(URN) + "/partner-actions?limit=500")
                .then()
                .statusCode(200)
                .extract()
                .path("items.recipientId");
        assertThat(visible).isNotEmpty().containsOnly(mine.id());
        partner(URN, mine.id())
                .get(base(URN) + "/partner-actions?recipientId=" + theirs.id())
                .then()
                .statusCode(404);
        given().header(
                        "Authorization",
                        TestTokens.role("partner")
                                .school("999999")
                                .subject(mine.id())
                                .bearer())
                .get(base(URN) + "/partner-actions")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header(
                        "Authorization",
                        TestTokens.role("partner")
                                .school("999999")
                                .subject(mine.id())
                                .bearer())
                .get(action(id))
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header(
                        "Authorization",
                        TestTokens.role("partner")
                                .school(URN)
                                .subject("not-a-recipient")
                                .bearer())
                .get(base(URN) + "/partner-actions")
                .then()
                .statusCode(200)
                .body("items.size()", is(0));
        given().header(
                        "Authorization",
                        TestTokens.role("partner")
                                .school(URN)
                                .subject("not-a-recipient")
                                .bearer())
                .get(action(id))
                .then()
                .statusCode(404);
        partner(URN, mine.id())
                .header("If-Match", "\"1\"")
                .body(Map.of("note", "closing it ourselves"))
                .post(action(id) + "/closure")
                .then()
                .statusCode(403);
        partner(URN, mine.id())
                .get(base(URN) + "/partner-actions/by-recipient")
                .then()
                .statusCode(403);
        as("staff", URN).get(base(URN) + "/partner-actions").then().statusCode(403);
        as("parent", URN).get(action(id)).then().statusCode(403);
        dpo(URN).body(Map.of()).post(action(id) + "/acknowledgement").then().statusCode(403);
        partner(URN, mine.id()).get(action(id)).then().statusCode(200).body("status", is("OPEN"));
    }

    @Test
    void overdueActionsAreMarkedRemindedAndAnnouncedOncePerInterval() {
        Partner p = sharedWith("Slow");
        Events.publish(Events.restriction(EventTypes.PROCESSING_RESTRICTED, URN, pupil, "R-9", List.of()));
        String id = actionOf(awaitActions(pupil, 1), p.id());
        partner(URN, p.id())
                .body(Map.of())
                .post(action(id) + "/acknowledgement")
                .then()
                .statusCode(200);
        LocalDate due =
                LocalDate.parse(dpo(URN).get(action(id)).then().extract().path("dueBy"));

        clock.setTo(due.atTime(12, 0).toInstant(ZoneOffset.UTC));
        assertThat(job.run().ran()).isTrue();
        dpo(URN).get(action(id)).then().body("status", is("ACKNOWLEDGED")).body("reminders", is(0));

        try (KafkaTestConsumer sharing = new KafkaTestConsumer(Topics.SHARING)) {
            clock.setTo(due.plusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC));
            PartnerActionJob.Run run = job.run();
            assertThat(run.overdue()).isGreaterThanOrEqualTo(1);
            dpo(URN).get(action(id))
                    .then()
                    .body("status", is("OVERDUE"))
                    .body("reminders", is(1))
                    .body("overdueSince", notNullValue())
                    .body("late", is(true));
            Optional<ConsumerRecord<String, String>> event =
                    sharing.await(r -> r.value().contains(id), Duration.ofSeconds(30));
            assertThat(event).isPresent();
            CloudEvent overdue = CloudEventCodec.fromJson(event.get().value());
            assertThat(overdue.type()).isEqualTo("uk.custodian.partner-action.overdue");
            assertThat(overdue.subject()).isEqualTo("schools/" + URN + "/pupils/" + pupil);
            assertThat(event.get().key()).isEqualTo(URN + ":" + pupil);
            assertThat(overdue.data().path("recipientId").asText()).isEqualTo(p.id());
            assertThat(overdue.data().path("kind").asText()).isEqualTo("RESTRICT");
            assertThat(overdue.data().path("dueOn").asText()).isEqualTo(due.toString());
            assertThat(overdue.data().path("daysOverdue").asLong()).isEqualTo(1);
            assertThat(overdue.data().path("acknowledged").asBoolean()).isTrue();
        }
        JsonNode reminder = json(awaitMessage(p, "action.reminder").body());
        assertThat(reminder.path("data").path("action").path("id").asText()).isEqualTo(id);
        assertThat(reminder.path("data").path("action").path("status").asText()).isEqualTo("OVERDUE");
        assertThat(reminder.path("data").path("originalType").asText()).isEqualTo("processing.restricted");
        assertThat(reminder.path("data").path("daysOverdue").asInt()).isEqualTo(1);

        // the same day again, and six days later: nothing more; seven days later: a second reminder
        job.run();
        dpo(URN).get(action(id)).then().body("reminders", is(1));
        clock.setTo(due.plusDays(7).atTime(21, 0).toInstant(ZoneOffset.UTC));
        job.run();
        dpo(URN).get(action(id)).then().body("reminders", is(1));
        clock.setTo(due.plusDays(8).atTime(7, 0).toInstant(ZoneOffset.UTC));
        assertThat(job.run().reminded()).isGreaterThanOrEqualTo(1);
        dpo(URN).get(action(id)).then().body("status", is("OVERDUE")).body("reminders", is(2));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> p.received().stream()
                                .filter(r ->
                                        json(r.body()).path("type").asText().equals("action.reminder"))
                                .count()
                        == 2);

        // a late completion still counts, and says it was late
        complete(
                        p.id(),
                        id,
                        "outcome",
                        "RESTRICTED",
                        "performedAt",
                        clock.instant().toString())
                .statusCode(200)
                .body("status", is("COMPLETED"))
                .body("late", is(true));
        List<Map<String, Object>> audit = dpo(URN).get(
                        base(URN) + "/audit/sharing?limit=500&subject=partner-actions/" + id)
                .then()
                .extract()
                .path("items");
        assertThat(audit)
                .extracting(a -> a.get("action"))
                .contains("partner-action.overdue", "partner-action.reminded");
    }

    @Test
    void theDpoSeesActionsPerPartnerAndPerPupilAndClosesOneByHand() {
        Partner p = sharedWith("Phone");
        String id = erasureAction(p);
        List<Map<String, Object>> partners = dpo(URN).get(
                        base(URN) + "/partner-actions/by-recipient?limit=500&unresolved=true")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        Map<String, Object> mine = partners.stream()
                .filter(r -> r.get("recipientId").equals(p.id()))
                .findFirst()
                .orElseThrow();
        assertThat(mine).extractingByKey("actions").asString().contains("open=1");
        @SuppressWarnings("unchecked")
        Map<String, Object> counts = (Map<String, Object>) mine.get("actions");
        assertThat(counts.get("open")).isEqualTo(1);
        assertThat(counts.get("earliestDueBy"))
                .isEqualTo(ActionDeadline.months(1).dueOn(today()).toString());
        dpo(URN).get(base(URN) + "/partner-actions/by-pupil?limit=500&unresolved=true")
                .then()
                .statusCode(200)
                .body("items.find { it.pupilId == '" + pupil + "' }.actions.open", is(1));
        as("school-admin", URN)
                .get(base(URN) + "/partner-actions?status=OPEN,OVERDUE&recipientId=" + p.id())
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));

        String etag = dpo(URN).get(action(id)).then().statusCode(200).extract().header("ETag");
        Map<String, String> note = Map.of("note", "Their DPO confirmed deletion by phone");
        dpo(URN).header("If-Match", etag)
                .body(note)
                .post(action(id) + "/closure")
                .then()
                .statusCode(200)
                .body("status", is("CLOSED"))
                .body("closure.note", is("Their DPO confirmed deletion by phone"))
                .body("closure.closedBy", notNullValue());
        dpo(URN).header("If-Match", etag)
                .body(note)
                .post(action(id) + "/closure")
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", "true");
        dpo(URN).header("If-Match", etag)
                .body(Map.of("note", "something else entirely"))
                .post(action(id) + "/closure")
                .then()
                .statusCode(409);
        complete(p.id(), id).statusCode(409).contentType("application/problem+json");
        dpo(URN).get(base(URN) + "/partner-actions/by-recipient?limit=500&unresolved=true")
                .then()
                .statusCode(200)
                .body("items.recipientId", org.hamcrest.Matchers.not(hasItem(p.id())));
        dpo(URN).get(base(URN) + "/partner-actions/by-recipient?limit=500")
                .then()
                .statusCode(200)
                .body("items.find { it.recipientId == '" + p.id() + "' }.actions.closed", is(1));
    }

    @Test
    void suspendingARecipientAsksItToDeleteEverythingItReceivedOncePerPupil() {
        Partner p = partnerWith("Suspended", List.of("erasure.requested"));
        String other = "P-" + UUID.randomUUID();
        Events.publish(Events.enrolled(URN, other));
        agreement(URN, agreementBody(p.id(), "PUBLIC_TASK", "share"));
        awaitAllowed(p.id(), "share");
        await().atMost(Duration.ofSeconds(30)).until(() -> "ALLOWED".equals(outcome(URN, p.id(), other, "share")));
        disclose(p.id(), "share", pupil, other);
        disclose(p.id(), "share", pupil);

        suspend(p.id(), "SUSPENDED");
        List<Map<String, Object>> mineAbout = actionsAbout(pupil);
        assertThat(mineAbout).hasSize(1);
        assertThat(mineAbout.get(0))
                .containsEntry("kind", "DELETE_ALL")
                .containsEntry("causeType", "sharing.ended")
                .containsEntry("causeReference", "RECIPIENT_SUSPENDED");
        assertThat(actionsAbout(other)).hasSize(1);
        // an endpoint subscribed to erasure.requested receives sharing.ended, with the action
        JsonNode ended = json(awaitMessage(p, "sharing.ended").body());
        assertThat(ended.path("data").path("reason").asText()).isEqualTo("RECIPIENT_SUSPENDED");
        assertThat(ended.path("data").path("action").path("kind").asText()).isEqualTo("DELETE_ALL");
        assertThat(ended.path("data").path("dataCategoriesReceived").toString()).contains("IDENTITY");

        // suspended again after being reactivated, with nothing sent since: nobody is asked twice
        suspend(p.id(), "ACTIVE");
        suspend(p.id(), "SUSPENDED");
        assertThat(actionsAbout(pupil)).hasSize(1);
        assertThat(actionsAbout(other)).hasSize(1);
    }

    private static void suspend(String recipient, String status) {
        String path = base(URN) + "/recipients/" + recipient;
        var current = dpo(URN).get(path).then().statusCode(200).extract();
        dpo(URN).header("If-Match", current.header("ETag"))
                .body(Map.of("name", current.path("name"), "kind", "PROCESSOR", "country", "GB", "status", status))
                .put(path)
                .then()
                .statusCode(200)
                .body("status", is(status));
    }

    @Test
    void theEndOfARecipientsLastAgreementAsksForDeletionAtOnceOrFromTheDailyJob() {
        Partner p = partnerWith("Ending", ALL_TYPES);
        String first = agreement(URN, agreementBody(p.id(), "PUBLIC_TASK", "share"));
        String second = agreement(URN, agreementBody(p.id(), "PUBLIC_TASK", "other"));
        awaitAllowed(p.id(), "share");
        disclose(p.id(), "share");
        LocalDate yesterday = today().minusDays(1);
        endAgreement(first, p.id(), "share", yesterday);
        assertThat(actionsAbout(pupil))
                .as("another agreement is still in force")
                .isEmpty();
        endAgreement(second, p.id(), "other", yesterday);
        List<Map<String, Object>> actions = actionsAbout(pupil);
        assertThat(actions).hasSize(1);
        assertThat(actions.get(0)).containsEntry("kind", "DELETE_ALL").containsEntry("causeReference", second);

        // an agreement that ends today: the job the day after finds it
        Partner later = partnerWith("Ends today", ALL_TYPES);
        String only = agreement(URN, agreementBody(later.id(), "PUBLIC_TASK", "share"));
        awaitAllowed(later.id(), "share");
        disclose(later.id(), "share");
        endAgreement(only, later.id(), "share", today());
        assertThat(actionsAbout(pupil)).hasSize(1);
        clock.setTo(today().plusDays(2).atTime(8, 0).toInstant(ZoneOffset.UTC));
        PartnerActionJob.Run run = job.run();
        assertThat(run.agreementsEnded()).isGreaterThanOrEqualTo(1);
        assertThat(actionsAbout(pupil))
                .hasSize(2)
                .extracting(a -> a.get("recipientId"))
                .contains(later.id());
        JsonNode ended = json(awaitMessage(later, "sharing.ended").body());
        assertThat(ended.path("data").path("reason").asText()).isEqualTo("AGREEMENT_ENDED");
        assertThat(ended.path("data").path("agreementId").asText()).isEqualTo(only);
        job.run();
        assertThat(actionsAbout(pupil)).as("each end is looked at once").hasSize(2);
    }

    private static void endAgreement(String id, String recipient, String purpose, LocalDate validTo) {
        String path = base(URN) + "/agreements/" + id;
        String etag = dpo(URN).get(path).then().statusCode(200).extract().header("ETag");
        dpo(URN).header("If-Match", etag)
                .body(agreementBody(recipient, "PUBLIC_TASK", purpose, "validTo", validTo.toString()))
                .put(path)
                .then()
                .statusCode(200);
    }

    @Test
    void theSubjectExportSaysWhatEachRecipientWasToldAndWhatItDid() {
        Partner p = sharedWith("Export");
        String id = erasureAction(p);
        complete(p.id(), id, "performedAt", clock.instant().minusSeconds(60).toString())
                .statusCode(200);
        JsonNode export = json(dpo(URN).get("/internal/v1/schools/" + URN + "/subjects/" + pupil)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        JsonNode recipients = export.path("data").path("partnerActions");
        JsonNode mine = null;
        for (JsonNode r : recipients) {
            if (r.path("recipientId").asText().equals(p.id())) {
                mine = r;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("actions")).hasSize(1);
        JsonNode told = mine.path("actions").get(0);
        assertThat(told.path("actionId").asText()).isEqualTo(id);
        assertThat(told.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(told.path("statement").asText())
                .startsWith("Told on ")
                .contains("to erase the pupil's data")
                .contains("; confirmed deleted on ")
                .contains("(14 records, reference PRIV-2291)");
        assertThat(export.path("summary").asText()).contains("1 confirmed done");
    }

    @Test
    void anAgreementSaysHowLongPartnersHaveToAct() {
        Partner p = partnerWith("Deadlines", ALL_TYPES);
        String id = agreement(
                URN,
                agreementBody(
                        p.id(),
                        "PUBLIC_TASK",
                        "share",
                        "actionDeadlines",
                        Map.of("RESTRICT", Map.of("amount", 2, "unit", "WORKING_DAYS"))));
        dpo(URN).get(base(URN) + "/agreements/" + id)
                .then()
                .statusCode(200)
                .body("actionDeadlines.RESTRICT.amount", is(2))
                .body("actionDeadlines.RESTRICT.unit", is("WORKING_DAYS"))
                .body("actionDeadlines.ERASE.amount", is(1))
                .body("actionDeadlines.ERASE.unit", is("CALENDAR_MONTHS"))
                .body("actionDeadlines.STOP_USING.amount", is(5))
                .body("actionDeadlines.DELETE_ALL.unit", is("CALENDAR_MONTHS"));
        dpo(URN).body(agreementBody(
                        p.id(),
                        "PUBLIC_TASK",
                        "x",
                        "actionDeadlines",
                        Map.of("ERASE", Map.of("amount", 13, "unit", "CALENDAR_MONTHS"))))
                .post(base(URN) + "/agreements")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("actionDeadlines.ERASE.amount"));
        dpo(URN).body(agreementBody(
                        p.id(),
                        "PUBLIC_TASK",
                        "x",
                        "actionDeadlines",
                        Map.of("SHRED", Map.of("amount", 1, "unit", "CALENDAR_MONTHS"))))
                .post(base(URN) + "/agreements")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        dpo(URN).body(agreementBody(
                        p.id(),
                        "PUBLIC_TASK",
                        "x",
                        "actionDeadlines",
                        Map.of("ERASE", Map.of("amount", 0, "unit", "FORTNIGHTS"))))
                .post(base(URN) + "/agreements")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        dpo(URN).body(agreementBody(
                        p.id(),
                        "PUBLIC_TASK",
                        "x",
                        "actionDeadlines",
                        Map.of("ERASE", Map.of("amount", 0, "unit", "WORKING_DAYS"))))
                .post(base(URN) + "/agreements")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
