package org.custodian.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.Topics;
import org.custodian.platform.outbox.Outbox;
import org.custodian.platform.outbox.OutboxRelay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every Custodian service must do before it does anything of its own: start, answer health, serve OpenAPI
 * and metrics, refuse every bad token with a 401 problem, keep tenants apart, and publish an event if and only if
 * the transaction that appended it commits. A service's test extends this and names its audit path.
 */
public abstract class ServiceContract {

    protected static final String SCHOOL = "100001";

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    /** The service's audit log path for {@link #SCHOOL}, e.g. {@code /api/v1/schools/100001/audit/consent}. */
    protected abstract String auditPath();

    @Test
    void readinessIsUp() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void livenessReportsTheOutboxRelay() {
        given().get("/q/health/live")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'outbox-relay' }.status", is("UP"));
    }

    @Test
    void servesItsOpenApiDocumentWithIdsSummariesAndErrors() throws Exception {
        String json = given().accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonNode paths = CloudEventCodec.mapper().readTree(json).get("paths");
        assertThat(paths.has(auditPath().replace(SCHOOL, "{urn}")))
                .as("audit path documented")
                .isTrue();
        paths.fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                    if (!operation.getValue().isObject()
                            || !operation.getValue().has("responses")) {
                        return;
                    }
                    String where = operation.getKey() + " " + path.getKey();
                    assertThat(operation.getValue().path("operationId").asText())
                            .as("operationId of %s", where)
                            .isNotBlank();
                    assertThat(operation.getValue().path("summary").asText())
                            .as("summary of %s", where)
                            .isNotBlank();
                    if (path.getKey().startsWith("/public/")) {
                        // what a school publishes for anyone: no token asked for, so none refused
                        assertThat(operation.getValue().path("security").isArray()
                                        && operation.getValue().path("security").isEmpty())
                                .as("%s asks for no token", where)
                                .isTrue();
                        return;
                    }
                    assertThat(operation.getValue().get("responses").has("401"))
                            .as("401 documented for %s", where)
                            .isTrue();
                }));
    }

    @Test
    void servesPrometheusMetrics() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("custodian_outbox_published"));
    }

    @Test
    void validTokenOfTheRightRoleIsServed() {
        given().header("Authorization", TestTokens.bearer("dpo", SCHOOL))
                .get(auditPath())
                .then()
                .statusCode(200)
                .body("items", notNullValue());
    }

    @Test
    void missingTokenIs401Problem() {
        given().get(auditPath())
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", is(401))
                .body("title", notNullValue());
    }

    @ParameterizedTest
    @EnumSource(BadTokens.class)
    void badTokenIs401Problem(BadTokens bad) {
        given().header("Authorization", bad.bearer("dpo", SCHOOL))
                .get(auditPath())
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", is(401));
    }

    @Test
    void tokenInTheQueryStringIsNotAccepted() {
        given().queryParam("access_token", TestTokens.role("dpo").school(SCHOOL).mint())
                .get(auditPath())
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void wrongRoleIs403Problem() {
        given().header("Authorization", TestTokens.bearer("parent", SCHOOL))
                .get(auditPath())
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", is(403));
    }

    @Test
    void schoolNotInTheTokenIs403Problem() {
        given().header("Authorization", TestTokens.bearer("dpo", "999999"))
                .get(auditPath())
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", is(403));
    }

    @Test
    void unknownPathIs404Problem() {
        given().header("Authorization", TestTokens.bearer("dpo", SCHOOL))
                .get("/api/v1/no-such-thing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void requestIdIsEchoedOrMade() {
        given().header("X-Request-Id", "abc-123")
                .get("/q/health/ready")
                .then()
                .header("X-Request-Id", equalTo("abc-123"));
        given().header("Authorization", TestTokens.bearer("dpo", SCHOOL))
                .get(auditPath())
                .then()
                .header("X-Request-Id", notNullValue());
    }

    @Test
    void outboxProducerIsDurable() {
        assertThat(relay.producerConfig()).containsEntry("acks", "all").containsEntry("enable.idempotence", true);
    }

    @Test
    void committedEventReachesKafkaAndRolledBackOneNever() {
        String pupil = "P-" + UUID.randomUUID();
        CloudEvent rolledBack = event(pupil, "rolled-back");
        CloudEvent committed = event(pupil, "committed");

        try (KafkaTestConsumer consumer = new KafkaTestConsumer(Topics.ROSTER)) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    outbox.append(rolledBack);
                    throw new IllegalStateException("the business change fails");
                });
            } catch (IllegalStateException expected) {
                // the transaction rolled back
            }
            QuarkusTransaction.requiringNew().run(() -> outbox.append(committed));

            Optional<ConsumerRecord<String, String>> published =
                    consumer.await(r -> r.value().contains(committed.id()), Duration.ofSeconds(20));
            assertThat(published).as("the committed event on %s", Topics.ROSTER).isPresent();
            ConsumerRecord<String, String> record = published.get();
            assertThat(record.key()).isEqualTo(SCHOOL + ":" + pupil);
            CloudEvent received = CloudEventCodec.fromJson(record.value());
            assertThat(received.type()).isEqualTo(EventTypes.PUPIL_UPDATED);
            assertThat(received.subject()).isEqualTo("schools/" + SCHOOL + "/pupils/" + pupil);
            assertThat(received.schoolurn()).isEqualTo(SCHOOL);
            assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                    .startsWith("application/cloudevents+json");

            // events of one key are published in order, so the rolled-back one would have come first
            assertThat(consumer.drain(Duration.ofMillis(500)))
                    .noneMatch(r -> r.value().contains(rolledBack.id()));
        }
    }

    @Test
    void aBatchOfEventsIsPublishedInItsOrder() {
        String pupil = "P-" + UUID.randomUUID();
        java.util.List<CloudEvent> batch = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> event(pupil, "batch " + i))
                .toList();
        try (KafkaTestConsumer consumer = new KafkaTestConsumer(Topics.ROSTER)) {
            QuarkusTransaction.requiringNew().run(() -> outbox.appendAll(batch));
            String lastId = batch.get(4).id();
            assertThat(consumer.await(r -> r.value().contains(lastId), Duration.ofSeconds(20)))
                    .isPresent();
            // other tests put records of their own on the topic, poison among them: only this batch's are read
            assertThat(consumer.drain(Duration.ofMillis(200)).stream()
                            .map(ConsumerRecord::value)
                            .filter(value -> batch.stream().anyMatch(e -> value.contains(e.id())))
                            .map(value -> CloudEventCodec.fromJson(value).id())
                            .toList())
                    .containsExactlyElementsOf(
                            batch.stream().map(CloudEvent::id).toList());
        }
    }

    private static CloudEvent event(String pupil, String note) {
        return CloudEvent.aboutPupil(
                "/custodian/contract-test",
                EventTypes.PUPIL_UPDATED,
                SCHOOL,
                pupil,
                JsonNodeFactory.instance.objectNode().put("note", note));
    }
}
