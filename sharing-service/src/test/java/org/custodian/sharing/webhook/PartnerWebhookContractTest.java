package org.custodian.sharing.webhook;

import static io.restassured.RestAssured.given;
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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventTypes;
import org.custodian.sharing.action.ActionStatus;
import org.custodian.sharing.actionkind.ActionKind;
import org.custodian.sharing.actionkind.CompletionOutcome;
import org.custodian.sharing.decision.ConsentStatus;
import org.custodian.sharing.decision.DataCategory;
import org.custodian.sharing.decision.LawfulBasis;
import org.custodian.sharing.partner.PartnerActionJob;
import org.custodian.sharing.partner.PartnerNotifier;
import org.custodian.sharing.support.Events;
import org.custodian.sharing.support.Receiver;
import org.custodian.sharing.support.SharingTest;
import org.custodian.testing.MovableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The partner webhooks in the contract (issue 17): the service's OpenAPI document has a {@code webhooks} entry for every
 * {@link PartnerEventType}, and every message the code actually sends – made by the real flows, from Kafka events and
 * API calls, and each again as a replay – validates against its entry's schema, with every object closed (a field the
 * code sends and the schema does not name fails), and the schema's enums are the Java ones. The schemas live in
 * {@code META-INF/openapi.yaml}; the gateway serves each as a JSON Schema cut from the same document.
 */
@SharingTest
class PartnerWebhookContractTest {

    static final String URN = "270017";
    static final Receiver RECEIVER = new Receiver();
    static final List<String> SUBSCRIBABLE = Arrays.stream(PartnerEventType.values())
            .filter(PartnerEventType::subscribable)
            .map(PartnerEventType::wireName)
            .toList();

    @Inject
    MovableClock clock;

    @Inject
    PartnerActionJob job;

    @Inject
    DataSource dataSource;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void everyEventTypeHasAWebhookWithTheStandardHeadersAndA2xxAnswer() {
        JsonNode webhooks = document().path("webhooks");
        assertThat(names(webhooks))
                .as("one webhooks entry per event type sent to partners, and no other")
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(PartnerEventType.values())
                        .map(PartnerEventType::wireName)
                        .toList());
        for (PartnerEventType type : PartnerEventType.values()) {
            JsonNode post = webhooks.path(type.wireName()).path("post");
            assertThat(post.path("requestBody")
                            .path("content")
                            .path("application/json")
                            .path("schema")
                            .path("$ref")
                            .asText())
                    .as(type.wireName())
                    .startsWith("#/components/schemas/");
            List<String> headers = new ArrayList<>();
            post.path("parameters").forEach(p -> {
                if (p.path("in").asText().equals("header") && p.path("required").asBoolean()) {
                    headers.add(p.path("name").asText());
                }
            });
            assertThat(headers)
                    .as(type.wireName())
                    .containsExactlyInAnyOrder("webhook-id", "webhook-timestamp", "webhook-signature");
            assertThat(post.path("responses").has("2XX")).as(type.wireName()).isTrue();
            assertThat(post.path("description").asText()).as(type.wireName()).isNotBlank();
        }
    }

    @Test
    void theSchemasEnumsAreTheCodes() {
        JsonNode schemas = document().path("components").path("schemas");
        assertThat(strings(schemas.path("WebhookDataCategory").path("enum"))).isEqualTo(names(DataCategory.values()));
        JsonNode action = schemas.path("WebhookPartnerAction").path("properties");
        assertThat(strings(action.path("kind").path("enum"))).isEqualTo(names(ActionKind.values()));
        assertThat(strings(action.path("status").path("enum"))).isEqualTo(names(ActionStatus.values()));
        assertThat(strings(action.path("outcomes").path("items").path("enum")))
                .isEqualTo(names(CompletionOutcome.values()));
        assertThat(strings(schemas.path("WebhookDisclosedPupil")
                        .path("properties")
                        .path("lawfulBasis")
                        .path("enum")))
                .isEqualTo(names(LawfulBasis.values()));
        Set<String> notGranted = names(ConsentStatus.values());
        notGranted.remove(ConsentStatus.GRANTED.name());
        assertThat(strings(schemas.path("ConsentWithdrawnWebhookData")
                        .path("properties")
                        .path("consentStatus")
                        .path("enum")))
                .isEqualTo(notGranted);
        assertThat(strings(schemas.path("SharingEndedWebhookData")
                        .path("properties")
                        .path("reason")
                        .path("enum")))
                .isEqualTo(names(PartnerNotifier.SharingEnd.values()));
    }

    @Test
    void everyMessageSentAndEveryReplayValidatesAgainstItsWebhookSchema() throws Exception {
        String pupil = "P-" + UUID.randomUUID();
        Events.publish(Events.enrolled(URN, pupil));
        String gallery = partnerWith("Gallery");
        String caterer = partnerWith("Caterer");
        agreement(URN, agreementBody(gallery, "CONSENT", "gallery", "consentPurpose", "photos"));
        agreement(
                URN,
                agreementBody(
                        caterer,
                        "PUBLIC_TASK",
                        "cashless-catering",
                        "dataCategories",
                        List.of("IDENTITY", "BIOMETRICS")));
        Events.publish(Events.granted(URN, pupil, "photos"));
        awaitAllowed(gallery, pupil, "gallery");
        awaitAllowed(caterer, pupil, "cashless-catering");
        disclose(gallery, pupil, "gallery", List.of("IDENTITY"));
        disclose(caterer, pupil, "cashless-catering", List.of("IDENTITY", "BIOMETRICS"));

        Events.publish(
                Events.withdrawn(URN, pupil, "photos"),
                Events.templateDeletion(URN, pupil, "biometric-catering", "PARENT_WITHDREW"),
                Events.erasure(URN, pupil, List.of(), true),
                Events.rectification(URN, pupil, List.of("identity")),
                Events.restriction(EventTypes.PROCESSING_RESTRICTED, URN, pupil, "R-17", List.of()),
                Events.restriction(EventTypes.PROCESSING_UNRESTRICTED, URN, pupil, "R-17", List.of()));
        String endpoints = base(URN) + "/recipients/" + caterer + "/webhook-endpoints";
        String endpoint =
                dpo(URN).get(endpoints).then().statusCode(200).extract().path("items[0].id");
        dpo(URN).post(endpoints + "/" + endpoint + "/test").then().statusCode(202);
        awaitTypes(
                "consent.withdrawn",
                "erasure.requested",
                "rectification.requested",
                "processing.restricted",
                "processing.unrestricted",
                "webhook.test");

        // one action answered (a replay then carries COMPLETED), the others left to go overdue: reminders
        String completed = actionOf(caterer, "RECTIFY");
        partner(URN, caterer)
                .body(Map.of(
                        "performedAt",
                        clock.instant().minusSeconds(60).toString(),
                        "outcome",
                        "CORRECTED",
                        "recordCount",
                        1,
                        "reference",
                        "PRIV-17"))
                .post(base(URN) + "/partner-actions/" + completed + "/completion")
                .then()
                .statusCode(200);
        LocalDate due = LocalDate.parse(dpo(URN).get(base(URN) + "/partner-actions/" + actionOf(caterer, "RESTRICT"))
                .then()
                .statusCode(200)
                .extract()
                .path("dueBy"));
        clock.setTo(due.plusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC));
        job.run();
        clock.reset();
        suspend(caterer);
        awaitTypes(SUBSCRIBABLE.toArray(String[]::new));

        Map<String, JsonSchema> schemas = schemas();
        Map<String, Integer> validated = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (StoredMessage message : messages()) {
            JsonSchema schema = schemas.get(message.type());
            assertThat(schema).as("a schema for " + message.type()).isNotNull();
            problems.addAll(problems(schema, message.type(), message.payload()));
            // a replay says so, with the action's current status
            Instant now = Instant.now();
            String replayed = ReplayedMessage.of(
                    message.payload(),
                    now,
                    id -> Optional.of(
                            (id.toString().equals(completed) ? ActionStatus.COMPLETED : ActionStatus.OVERDUE).name()),
                    now);
            assertThat(replayed).contains("\"replayed\":true");
            problems.addAll(problems(schema, message.type() + " (replayed)", replayed));
            validated.merge(message.type(), 1, Integer::sum);
        }
        assertThat(problems)
                .as("payloads that do not match their webhook schema")
                .isEmpty();
        assertThat(validated.keySet())
                .as("every event type was sent and validated")
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(PartnerEventType.values())
                        .map(PartnerEventType::wireName)
                        .toList());

        // the biometric template deletion's variant of erasure.requested was among them
        assertThat(messages().stream()
                        .filter(m -> m.type().equals("erasure.requested"))
                        .map(StoredMessage::payload))
                .anyMatch(p -> p.contains("templateDeletionTaskId"))
                .anyMatch(p -> p.contains("rightsRequestId"));
    }

    @Test
    void aSchemaRefusesAPayloadWithAnUndocumentedFieldOrAMissingOne() throws Exception {
        JsonSchema schema = schemas().get("webhook.test");
        ObjectNode payload = (ObjectNode) CloudEventCodec.mapper()
                .readTree(MessageQueue.message(
                                MessageQueue.messageId("schema-check"),
                                UUID.randomUUID(),
                                PartnerEventType.WEBHOOK_TEST,
                                PartnerEventType.WEBHOOK_TEST.receivedBy(),
                                null,
                                CloudEventCodec.mapper()
                                        .createObjectNode()
                                        .put("school", URN)
                                        .put("endpointId", UUID.randomUUID().toString()),
                                Instant.now())
                        .payload());
        assertThat(schema.validate(payload)).isEmpty();
        ((ObjectNode) payload.get("data")).put("surprise", 1);
        assertThat(schema.validate(payload)).isNotEmpty();
        ((ObjectNode) payload.get("data")).remove("surprise");
        ((ObjectNode) payload.get("data")).remove("endpointId");
        assertThat(schema.validate(payload)).isNotEmpty();
        assertThat(schemas().get("consent.withdrawn").validate(payload))
                .as("a message of one type is not valid as another")
                .isNotEmpty();
    }

    // ---- the schemas ----

    static JsonNode document() {
        try {
            return CloudEventCodec.mapper()
                    .readTree(given().get("/q/openapi?format=json")
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Each webhook's JSON Schema as the gateway serves it (the POST body, the components under {@code $defs}), with
     * every object closed so that a field the code sends and the contract does not name is a failure.
     */
    static Map<String, JsonSchema> schemas() {
        JsonNode document = document();
        JsonNode defs = document.path("components").path("schemas").deepCopy();
        close(defs);
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        Map<String, JsonSchema> schemas = new HashMap<>();
        document.path("webhooks").fields().forEachRemaining(webhook -> {
            ObjectNode schema = CloudEventCodec.mapper().createObjectNode();
            schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            schema.put(
                    "$ref",
                    webhook.getValue()
                            .path("post")
                            .path("requestBody")
                            .path("content")
                            .path("application/json")
                            .path("schema")
                            .path("$ref")
                            .asText()
                            .replace("#/components/schemas/", "#/$defs/"));
            schema.set("$defs", defs);
            schemas.put(webhook.getKey(), factory.getSchema(schema, config));
        });
        return schemas;
    }

    /** Rewrites references to {@code $defs} and closes every object schema that names its properties. */
    private static void close(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual()) {
                object.put("$ref", ref.asText().replace("#/components/schemas/", "#/$defs/"));
            }
            object.elements().forEachRemaining(PartnerWebhookContractTest::close);
        } else if (node instanceof ArrayNode array) {
            array.forEach(PartnerWebhookContractTest::close);
        }
    }

    private static List<String> problems(JsonSchema schema, String what, String payload) throws Exception {
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message :
                schema.validate(CloudEventCodec.mapper().readTree(payload))) {
            problems.add(what + ": " + message.getMessage() + " in " + payload);
        }
        return problems;
    }

    // ---- the flows ----

    record StoredMessage(String type, String payload) {}

    private List<StoredMessage> messages() throws Exception {
        List<StoredMessage> messages = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT event_type, payload FROM webhook_message WHERE school_urn = ? ORDER BY created_at")) {
            s.setString(1, URN);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    messages.add(new StoredMessage(r.getString(1), r.getString(2)));
                }
            }
        }
        return messages;
    }

    private void awaitTypes(String... types) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> messages().stream()
                        .map(StoredMessage::type)
                        .collect(Collectors.toSet())
                        .containsAll(List.of(types)));
    }

    private static String partnerWith(String name) {
        String id = recipient(URN, name + " " + UUID.randomUUID(), "GB");
        dpo(URN).body(Map.of("url", RECEIVER.url("/hook-" + id), "eventTypes", SUBSCRIBABLE))
                .post(base(URN) + "/recipients/" + id + "/webhook-endpoints")
                .then()
                .statusCode(201);
        return id;
    }

    private static void awaitAllowed(String recipient, String pupil, String purpose) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> "ALLOWED".equals(outcome(URN, recipient, pupil, purpose)));
    }

    private static void disclose(String recipient, String pupil, String purpose, List<String> categories) {
        dpo(URN).body(ask(recipient, List.of(pupil), purpose, "dataCategories", categories))
                .post(base(URN) + "/disclosures")
                .then()
                .statusCode(200)
                .body("allowed", is(1));
    }

    private static String actionOf(String recipient, String kind) {
        List<Map<String, Object>> actions = dpo(URN).get(base(URN) + "/partner-actions?limit=500")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        return actions.stream()
                .filter(a -> recipient.equals(a.get("recipientId")) && kind.equals(a.get("kind")))
                .map(a -> (String) a.get("id"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " action for " + recipient + ": " + actions));
    }

    private static void suspend(String recipient) {
        String path = base(URN) + "/recipients/" + recipient;
        var current = dpo(URN).get(path).then().statusCode(200).extract();
        dpo(URN).header("If-Match", current.header("ETag"))
                .body(Map.of("name", current.path("name"), "kind", "PROCESSOR", "country", "GB", "status", "SUSPENDED"))
                .put(path)
                .then()
                .statusCode(200);
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    }
}
