package org.custodian.sharing.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.custodian.sharing.support.Api.agreement;
import static org.custodian.sharing.support.Api.agreementBody;
import static org.custodian.sharing.support.Api.ask;
import static org.custodian.sharing.support.Api.base;
import static org.custodian.sharing.support.Api.dpo;
import static org.custodian.sharing.support.Api.outcome;
import static org.custodian.sharing.support.Api.partner;
import static org.custodian.sharing.support.Api.recipient;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.ConsentEvents;
import org.custodian.platform.events.RightsEvents;
import org.custodian.sharing.support.Events;
import org.custodian.sharing.support.Receiver;
import org.custodian.sharing.support.SharingTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, biometrics: an objection or withdrawal raises a template-deletion task in consent-service, and sharing turns
 * it into an {@code ERASE} action (limited to {@code BIOMETRICS}) for every partner that received biometric data about
 * the child – the catering supplier – and for no other (Protection of Freedoms Act 2012 s.26(3)(b), (5)).
 */
@SharingTest
class BiometricTemplateDeletionTest {

    static final String URN = "250002";
    static final Receiver RECEIVER = new Receiver();
    static final List<String> TYPES = List.of("erasure.requested", "consent.withdrawn", "disclosure.made");

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    private static JsonNode json(String body) {
        try {
            return CloudEventCodec.mapper().readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String partnerWith(String name) {
        String id = recipient(URN, name + " " + UUID.randomUUID(), "GB");
        dpo(URN).body(Map.of("url", RECEIVER.url("/hook-" + id), "eventTypes", TYPES))
                .post(base(URN) + "/recipients/" + id + "/webhook-endpoints")
                .then()
                .statusCode(201);
        return id;
    }

    private static List<JsonNode> told(String recipientId, String type) {
        return RECEIVER.at("/hook-" + recipientId).stream()
                .map(r -> json(r.body()))
                .filter(m -> m.path("type").asText().equals(type))
                .toList();
    }

    private static List<Map<String, Object>> actionsAbout(String pupil) {
        return dpo(URN).get(base(URN) + "/partner-actions?limit=500&pupilId=" + pupil)
                .then()
                .statusCode(200)
                .extract()
                .path("items");
    }

    private static void awaitAllowed(String recipientId, String pupil, String purpose) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> "ALLOWED".equals(outcome(URN, recipientId, pupil, purpose)));
    }

    private static void disclose(String recipientId, String pupil, String purpose, List<String> categories) {
        dpo(URN).body(ask(recipientId, List.of(pupil), purpose, "dataCategories", categories))
                .post(base(URN) + "/disclosures")
                .then()
                .statusCode(200)
                .body("allowed", is(1));
    }

    @Test
    void aTemplateDeletionTaskAsksOnlyTheCatererThatReceivedBiometricsToEraseThemOnce() {
        String pupil = "P-" + UUID.randomUUID();
        Events.publish(Events.enrolled(URN, pupil));
        String caterer = partnerWith("Cashless Catering Ltd");
        String newsletter = partnerWith("Newsletter");
        String barrier = partnerWith("Later Event");
        agreement(
                URN,
                agreementBody(
                        caterer,
                        "PUBLIC_TASK",
                        "cashless-catering",
                        "dataCategories",
                        List.of("IDENTITY", "BIOMETRICS")));
        agreement(URN, agreementBody(newsletter, "PUBLIC_TASK", "news"));
        agreement(URN, agreementBody(barrier, "CONSENT", "later", "consentPurpose", "later"));
        awaitAllowed(caterer, pupil, "cashless-catering");
        awaitAllowed(newsletter, pupil, "news");
        disclose(caterer, pupil, "cashless-catering", List.of("IDENTITY", "BIOMETRICS"));
        disclose(newsletter, pupil, "news", List.of("IDENTITY", "ASSESSMENT"));

        CloudEvent task = Events.templateDeletion(URN, pupil, "biometric-catering", "PARENT_WITHDREW");
        String taskId = CloudEventCodec.data(task, ConsentEvents.TemplateDeletionRequested.class)
                .taskId();
        Events.publish(task);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> !told(caterer, "erasure.requested").isEmpty());

        // the same event delivered again, then a later one on the pupil's key: once that is applied, the copy was
        // consumed
        Events.publish(task, Events.granted(URN, pupil, "later"));
        awaitAllowed(barrier, pupil, "later");

        List<Map<String, Object>> actions = actionsAbout(pupil);
        assertThat(actions).hasSize(1);
        Map<String, Object> action = actions.get(0);
        assertThat(action.get("recipientId")).isEqualTo(caterer);
        assertThat(action.get("kind")).isEqualTo("ERASE");
        assertThat(action.get("causeType")).isEqualTo("erasure.requested");
        partner(URN, caterer)
                .get(base(URN) + "/partner-actions/" + action.get("id"))
                .then()
                .statusCode(200)
                .body("status", is("OPEN"))
                .body("causeReference", is(taskId))
                .body("dataCategories", is(List.of("BIOMETRICS")));

        List<JsonNode> messages = told(caterer, "erasure.requested");
        assertThat(messages).hasSize(1);
        JsonNode data = messages.get(0).path("data");
        assertThat(data.path("templateDeletionTaskId").asText()).isEqualTo(taskId);
        assertThat(data.path("reason").asText()).isEqualTo("PARENT_WITHDREW");
        assertThat(data.has("rightsRequestId")).isFalse();
        assertThat(data.path("dataCategories").toString()).isEqualTo("[\"BIOMETRICS\"]");
        assertThat(data.path("action").path("id").asText()).isEqualTo(action.get("id"));
        assertThat(data.path("action").path("kind").asText()).isEqualTo("ERASE");

        // a recipient that received no biometric data is asked nothing
        assertThat(told(newsletter, "erasure.requested")).isEmpty();
    }

    /**
     * A template deletion and an approved erasure go the same way to partners; what differs is kept apart: the erasure
     * carries the rights request (not a consent task), and its action covers everything the partner received, not only
     * the category named.
     */
    @Test
    void anApprovedErasureNamingBiometricsCarriesTheRightsRequestAndCoversEverythingTheCatererReceived() {
        String pupil = "P-" + UUID.randomUUID();
        Events.publish(Events.enrolled(URN, pupil));
        String caterer = partnerWith("Cashless Catering Ltd");
        String newsletter = partnerWith("Newsletter");
        agreement(
                URN,
                agreementBody(
                        caterer,
                        "PUBLIC_TASK",
                        "cashless-catering",
                        "dataCategories",
                        List.of("IDENTITY", "BIOMETRICS")));
        agreement(URN, agreementBody(newsletter, "PUBLIC_TASK", "news"));
        awaitAllowed(caterer, pupil, "cashless-catering");
        awaitAllowed(newsletter, pupil, "news");
        disclose(caterer, pupil, "cashless-catering", List.of("IDENTITY", "BIOMETRICS"));
        disclose(newsletter, pupil, "news", List.of("IDENTITY", "ASSESSMENT"));

        CloudEvent erasure = Events.erasure(URN, pupil, List.of("biometrics"), false);
        String requestId = CloudEventCodec.data(erasure, RightsEvents.ErasureApproved.class)
                .requestId();
        Events.publish(erasure);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> !told(caterer, "erasure.requested").isEmpty());

        // the actions open in the transaction that queues the messages: the caterer's message means all are there
        List<Map<String, Object>> actions = actionsAbout(pupil);
        assertThat(actions).hasSize(1);
        Map<String, Object> action = actions.get(0);
        assertThat(action.get("recipientId")).isEqualTo(caterer);
        assertThat(action.get("kind")).isEqualTo("ERASE");
        partner(URN, caterer)
                .get(base(URN) + "/partner-actions/" + action.get("id"))
                .then()
                .statusCode(200)
                .body("causeReference", is(requestId))
                .body("dataCategories", is(List.of("BIOMETRICS", "IDENTITY")));

        JsonNode data = told(caterer, "erasure.requested").get(0).path("data");
        assertThat(data.path("rightsRequestId").asText()).isEqualTo(requestId);
        assertThat(data.has("templateDeletionTaskId")).isFalse();
        assertThat(data.has("reason")).isFalse();
        assertThat(data.path("consentBasedOnly").isBoolean()).isTrue();
        assertThat(data.path("consentBasedOnly").asBoolean()).isFalse();
        assertThat(data.path("dataCategories").toString()).isEqualTo("[\"biometrics\"]");
        assertThat(data.path("dataCategoriesReceived").toString()).isEqualTo("[\"BIOMETRICS\",\"IDENTITY\"]");
        assertThat(data.path("action").path("id").asText()).isEqualTo(action.get("id"));
    }
}
