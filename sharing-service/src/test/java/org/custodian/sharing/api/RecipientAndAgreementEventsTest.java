package org.custodian.sharing.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.custodian.sharing.support.Api.agreement;
import static org.custodian.sharing.support.Api.agreementBody;
import static org.custodian.sharing.support.Api.base;
import static org.custodian.sharing.support.Api.dpo;
import static org.custodian.sharing.support.Api.recipient;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.Topics;
import org.custodian.sharing.agreement.SchoolDefaultsService;
import org.custodian.sharing.support.SharingTest;
import org.custodian.testing.KafkaTestConsumer;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Recipients and agreements on {@code custodian.sharing.v1}: every change that is written is an event with the whole
 * of the aggregate (never a recipient's contact), in order, keyed by the school; a refused change is none.
 */
@SharingTest
class RecipientAndAgreementEventsTest {

    static final String URN = "280001";

    static final String CONTACT = "Jane Smith, jane.smith@acme.example, 01632 960123";

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void aRecipientCreatedAndChangedIsAnEventEachTimeWithoutItsContact() {
        try (KafkaTestConsumer sharing = new KafkaTestConsumer(Topics.SHARING)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", "Acme Tutoring Ltd");
            body.put("kind", "PROCESSOR");
            body.put("sector", "EDTECH");
            body.put("country", "GB");
            body.put("contact", CONTACT);
            body.put("contractReference", "DPA-2026-17");
            body.put("description", "Online tutoring platform");
            body.put("partnerId", "acme-tutoring");
            String id = dpo(URN).body(body)
                    .post(base(URN) + "/recipients")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            String subject = "schools/" + URN + "/recipients/" + id;

            List<ConsumerRecord<String, String>> created = records(sharing, subject, 1);
            assertThat(created.getFirst().key()).isEqualTo(URN);
            assertThat(created.getFirst().value())
                    .as("organisations only: no contact person, email or phone")
                    .doesNotContain("Jane")
                    .doesNotContain("jane.smith")
                    .doesNotContain("01632")
                    .doesNotContain("acme-tutoring");
            CloudEvent event = CloudEventCodec.fromJson(created.getFirst().value());
            assertThat(event.type()).isEqualTo(EventTypes.RECIPIENT_CREATED);
            assertThat(event.source()).isEqualTo("/custodian/sharing-service");
            assertThat(event.schoolurn()).isEqualTo(URN);
            JsonNode data = event.data();
            assertThat(data.path("recipientId").asText()).isEqualTo(id);
            assertThat(data.path("name").asText()).isEqualTo("Acme Tutoring Ltd");
            assertThat(data.path("kind").asText()).isEqualTo("PROCESSOR");
            assertThat(data.path("sector").asText()).isEqualTo("EDTECH");
            assertThat(data.path("country").asText()).isEqualTo("GB");
            assertThat(data.path("status").asText()).isEqualTo("ACTIVE");
            assertThat(data.path("contractReference").asText()).isEqualTo("DPA-2026-17");
            assertThat(data.path("description").asText()).isEqualTo("Online tutoring platform");
            assertThat(data.path("seeded").asBoolean()).isFalse();
            assertThat(data.path("version").asLong()).isEqualTo(1);
            assertThat(Instant.parse(data.path("changedAt").asText())).isBefore(Instant.now());
            assertThat(data.has("contact")).isFalse();
            assertThat(data.has("partnerId")).isFalse();

            body.put("country", "IE");
            body.put("status", "SUSPENDED");
            body.put("contact", "Someone Else, 01632 960999");
            dpo(URN).header("If-Match", "\"1\"")
                    .body(body)
                    .put(base(URN) + "/recipients/" + id)
                    .then()
                    .statusCode(200)
                    .body("version", is(2));

            List<CloudEvent> events = events(sharing, subject, 2);
            assertThat(events)
                    .extracting(CloudEvent::type)
                    .containsExactly(EventTypes.RECIPIENT_CREATED, EventTypes.RECIPIENT_UPDATED);
            JsonNode updated = events.get(1).data();
            assertThat(updated.path("country").asText()).isEqualTo("IE");
            assertThat(updated.path("status").asText()).isEqualTo("SUSPENDED");
            assertThat(updated.path("version").asLong()).isEqualTo(2);
            assertThat(updated.toString()).doesNotContain("Someone Else").doesNotContain("960999");
        }
    }

    @Test
    void aRefusedRecipientChangeOrAReplayedCreateIsNoEvent() {
        try (KafkaTestConsumer sharing = new KafkaTestConsumer(Topics.SHARING)) {
            Map<String, Object> created = Map.of("name", "Refused Changes Ltd", "kind", "PROCESSOR", "country", "GB");
            // one caller (an Idempotency-Key is the caller's own)
            String token =
                    TestTokens.role("dpo").school(URN).subject("dpo-events").bearer();
            String id = given().header("Authorization", token)
                    .contentType("application/json")
                    .header("Idempotency-Key", "events-once-1")
                    .body(created)
                    .post(base(URN) + "/recipients")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            // a replay answers what was created then, and writes nothing
            given().header("Authorization", token)
                    .contentType("application/json")
                    .header("Idempotency-Key", "events-once-1")
                    .body(created)
                    .post(base(URN) + "/recipients")
                    .then()
                    .statusCode(201)
                    .header("Idempotent-Replayed", "true")
                    .body("id", is(id));
            String path = base(URN) + "/recipients/" + id;
            String subject = "schools/" + URN + "/recipients/" + id;
            Map<String, Object> body = Map.of("name", "Renamed Ltd", "kind", "PROCESSOR", "country", "GB");
            dpo(URN).body(body).put(path).then().statusCode(428).contentType("application/problem+json");
            dpo(URN).header("If-Match", "\"7\"")
                    .body(body)
                    .put(path)
                    .then()
                    .statusCode(412)
                    .contentType("application/problem+json");
            dpo(URN).header("If-Match", "\"1\"")
                    .body(Map.of("name", "Renamed Ltd", "kind", "PROCESSOR", "country", "XX"))
                    .put(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
            dpo(URN).body(Map.of("name", "Never Created Ltd", "kind", "OTHER", "country", "XX"))
                    .post(base(URN) + "/recipients")
                    .then()
                    .statusCode(400);
            // then a change that is written: the relay keeps the school's order, so anything refused would come first
            dpo(URN).header("If-Match", "\"1\"")
                    .body(Map.of("name", "Accepted Ltd", "kind", "PROCESSOR", "country", "GB"))
                    .put(path)
                    .then()
                    .statusCode(200);

            List<CloudEvent> events = events(sharing, subject, 2);
            assertThat(events)
                    .extracting(CloudEvent::type)
                    .containsExactly(EventTypes.RECIPIENT_CREATED, EventTypes.RECIPIENT_UPDATED);
            assertThat(events.get(1).data().path("name").asText()).isEqualTo("Accepted Ltd");
            List<ConsumerRecord<String, String>> all = once(sharing.drain(Duration.ofMillis(500)));
            assertThat(all)
                    .noneMatch(
                            r -> r.value().contains("Renamed Ltd") || r.value().contains("Never Created Ltd"));
            assertThat(all)
                    .filteredOn(r -> r.value().contains(EventTypes.RECIPIENT_CREATED)
                            && r.value().contains("Refused Changes Ltd"))
                    .as("the replay created nothing")
                    .hasSize(1);
        }
    }

    @Test
    void anAgreementCreatedChangedAndEndedIsAnEventEachTime() {
        try (KafkaTestConsumer sharing = new KafkaTestConsumer(Topics.SHARING)) {
            String recipient = dpo(URN).body(
                            Map.of("name", "US Health Portal Inc", "kind", "CONTROLLER", "country", "US"))
                    .post(base(URN) + "/recipients")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            Map<String, Object> body = agreementBody(
                    recipient,
                    "PUBLIC_TASK",
                    "school-nursing",
                    "dataCategories",
                    List.of("IDENTITY", "MEDICAL"),
                    "transferSafeguard",
                    "ADEQUACY",
                    "adequacyScheme",
                    "UK_EXTENSION_DPF",
                    "legalReference",
                    "Children and Families Act 2014 s.100",
                    "restrictionGround",
                    "PROTECTION_OF_ANOTHER_PERSON",
                    "validTo",
                    "2030-08-31",
                    "actionDeadlines",
                    Map.of("ERASE", Map.of("amount", 10, "unit", "WORKING_DAYS")));
            String id = agreement(URN, body);
            String subject = "schools/" + URN + "/agreements/" + id;

            List<ConsumerRecord<String, String>> created = records(sharing, subject, 1);
            assertThat(created.getFirst().key()).isEqualTo(URN);
            CloudEvent event = CloudEventCodec.fromJson(created.getFirst().value());
            assertThat(event.type()).isEqualTo(EventTypes.AGREEMENT_CREATED);
            JsonNode data = event.data();
            assertThat(data.path("agreementId").asText()).isEqualTo(id);
            assertThat(data.path("recipientId").asText()).isEqualTo(recipient);
            assertThat(data.path("name").asText()).isEqualTo("PUBLIC_TASK for school-nursing");
            assertThat(texts(data.path("purposes"))).containsExactly("school-nursing");
            assertThat(texts(data.path("dataCategories"))).containsExactlyInAnyOrder("IDENTITY", "MEDICAL");
            assertThat(data.path("lawfulBasis").asText()).isEqualTo("PUBLIC_TASK");
            assertThat(data.path("consentPurpose").isNull()).isTrue();
            assertThat(data.path("legalReference").asText()).isEqualTo("Children and Families Act 2014 s.100");
            assertThat(data.path("specialCategoryCondition").asText()).isEqualTo("SUBSTANTIAL_PUBLIC_INTEREST");
            assertThat(data.path("schedule1Condition").asText())
                    .isEqualTo("SAFEGUARDING_CHILDREN_AND_INDIVIDUALS_AT_RISK");
            assertThat(data.path("recipientRole").asText()).isEqualTo("CONTROLLER");
            assertThat(data.path("restrictionGround").asText()).isEqualTo("PROTECTION_OF_ANOTHER_PERSON");
            assertThat(data.path("validFrom").asText()).isEqualTo("2020-01-01");
            assertThat(data.path("validTo").asText()).isEqualTo("2030-08-31");
            assertThat(data.path("transferCountry").isNull()).isTrue();
            assertThat(data.path("transferSafeguard").asText()).isEqualTo("ADEQUACY");
            assertThat(data.path("adequacyScheme").asText()).isEqualTo("UK_EXTENSION_DPF");
            assertThat(data.path("seeded").asBoolean()).isFalse();
            assertThat(data.path("version").asLong()).isEqualTo(1);
            assertThat(data.path("changedAt").asText()).isNotBlank();

            String path = base(URN) + "/agreements/" + id;
            body.put("purposes", List.of("school-nursing", "immunisations"));
            body.put("validTo", "2031-08-31");
            put(path, 1, body);
            String today = LocalDate.now(LONDON).toString();
            body.put("validTo", today);
            put(path, 2, body);
            // already ended: a later change is an update, not a second end
            body.put("name", "School nursing (ended)");
            put(path, 3, body);

            List<CloudEvent> events = events(sharing, subject, 4);
            assertThat(events)
                    .extracting(CloudEvent::type)
                    .containsExactly(
                            EventTypes.AGREEMENT_CREATED,
                            EventTypes.AGREEMENT_UPDATED,
                            EventTypes.AGREEMENT_ENDED,
                            EventTypes.AGREEMENT_UPDATED);
            assertThat(texts(events.get(1).data().path("purposes")))
                    .containsExactlyInAnyOrder("school-nursing", "immunisations");
            assertThat(events.get(1).data().path("validTo").asText()).isEqualTo("2031-08-31");
            assertThat(events.get(1).data().path("version").asLong()).isEqualTo(2);
            assertThat(events.get(2).data().path("validTo").asText()).isEqualTo(today);
            assertThat(events.get(2).data().path("version").asLong()).isEqualTo(3);
            assertThat(events.get(3).data().path("name").asText()).isEqualTo("School nursing (ended)");
            assertThat(events.get(3).data().path("version").asLong()).isEqualTo(4);
        }
    }

    @Test
    void anAgreementEndedInThePastAndReopenedAndEndedAgainIsEndedEachTime() {
        try (KafkaTestConsumer sharing = new KafkaTestConsumer(Topics.SHARING)) {
            String recipient = recipient(URN, "Reopened Ltd", "GB");
            Map<String, Object> body = agreementBody(recipient, "PUBLIC_TASK", "reports");
            String id = agreement(URN, body);
            String path = base(URN) + "/agreements/" + id;
            body.put("validTo", LocalDate.now(LONDON).minusDays(3).toString());
            put(path, 1, body);
            body.remove("validTo");
            put(path, 2, body);
            body.put("validTo", LocalDate.now(LONDON).plusDays(1).toString());
            put(path, 3, body);
            body.put("validTo", LocalDate.now(LONDON).minusDays(1).toString());
            put(path, 4, body);

            assertThat(events(sharing, "schools/" + URN + "/agreements/" + id, 5))
                    .extracting(CloudEvent::type)
                    .containsExactly(
                            EventTypes.AGREEMENT_CREATED,
                            EventTypes.AGREEMENT_ENDED,
                            EventTypes.AGREEMENT_UPDATED,
                            EventTypes.AGREEMENT_UPDATED,
                            EventTypes.AGREEMENT_ENDED);
        }
    }

    @Test
    void aRefusedAgreementChangeIsNoEvent() {
        try (KafkaTestConsumer sharing = new KafkaTestConsumer(Topics.SHARING)) {
            String recipient = recipient(URN, "Refused Terms Ltd", "GB");
            String other = recipient(URN, "Other Terms Ltd", "GB");
            Map<String, Object> body = agreementBody(recipient, "PUBLIC_TASK", "refused-terms");
            dpo(URN).body(agreementBody(recipient, "CONSENT", "never-made"))
                    .post(base(URN) + "/agreements")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
            String id = agreement(URN, body);
            String path = base(URN) + "/agreements/" + id;
            String today = LocalDate.now(LONDON).toString();
            Map<String, Object> ending = new LinkedHashMap<>(body);
            ending.put("validTo", today);
            dpo(URN).body(ending).put(path).then().statusCode(428);
            refused(path, 5, ending, 412);
            Map<String, Object> noPurpose = new LinkedHashMap<>(ending);
            noPurpose.put("lawfulBasis", "CONSENT");
            refused(path, 1, noPurpose, 400);
            Map<String, Object> moved = new LinkedHashMap<>(ending);
            moved.put("recipientId", other);
            refused(path, 1, moved, 400);
            Map<String, Object> backwards = new LinkedHashMap<>(body);
            backwards.put("validTo", "2019-01-01");
            refused(path, 1, backwards, 400);
            // then a change that is written: anything refused before it would come first
            Map<String, Object> renamed = new LinkedHashMap<>(body);
            renamed.put("name", "Accepted terms");
            put(path, 1, renamed);

            List<CloudEvent> events = events(sharing, "schools/" + URN + "/agreements/" + id, 2);
            assertThat(events)
                    .extracting(CloudEvent::type)
                    .containsExactly(EventTypes.AGREEMENT_CREATED, EventTypes.AGREEMENT_UPDATED);
            assertThat(events.get(1).data().path("validTo").isNull()).isTrue();
            assertThat(events.get(1).data().path("name").asText()).isEqualTo("Accepted terms");
            assertThat(sharing.drain(Duration.ofMillis(500)))
                    .noneMatch(r -> r.value().contains("never-made")
                            || (r.value().contains(other) && r.value().contains(EventTypes.AGREEMENT_UPDATED)));
        }
    }

    @Test
    void aNewSchoolsSeededRecipientsAndStatutoryAgreementsAreCreatedEventsOnce() {
        String urn = "280002";
        try (KafkaTestConsumer sharing = new KafkaTestConsumer(Topics.SHARING)) {
            // first use seeds the school
            Map<String, String> names = new HashMap<>();
            dpo(urn).get(base(urn) + "/recipients?limit=100")
                    .then()
                    .statusCode(200)
                    .extract()
                    .<List<Map<String, Object>>>path("items")
                    .forEach(r -> names.put((String) r.get("id"), (String) r.get("name")));
            assertThat(names).hasSize(SchoolDefaultsService.RECIPIENTS.size());
            dpo(urn).get(base(urn) + "/agreements").then().statusCode(200);
            // a later change of the school: every seeded event was written before it
            String later = recipient(urn, "Later Ltd", "GB");
            records(sharing, "schools/" + urn + "/recipients/" + later, 1);

            List<CloudEvent> school = once(sharing.drain(Duration.ofMillis(500))).stream()
                    .map(r -> CloudEventCodec.fromJson(r.value()))
                    .filter(e -> urn.equals(e.schoolurn()))
                    .filter(e -> !e.subject().endsWith(later))
                    .toList();
            List<CloudEvent> recipients = school.stream()
                    .filter(e -> e.type().equals(EventTypes.RECIPIENT_CREATED))
                    .toList();
            List<CloudEvent> agreements = school.stream()
                    .filter(e -> e.type().equals(EventTypes.AGREEMENT_CREATED))
                    .toList();
            assertThat(school).as("nothing else, and each once").hasSize(recipients.size() + agreements.size());
            assertThat(recipients).hasSize(SchoolDefaultsService.RECIPIENTS.size());
            assertThat(agreements).hasSize(SchoolDefaultsService.AGREEMENTS.size());

            for (CloudEvent r : recipients) {
                String id = r.data().path("recipientId").asText();
                assertThat(r.subject()).isEqualTo("schools/" + urn + "/recipients/" + id);
                assertThat(r.data().path("name").asText()).isEqualTo(names.get(id));
                assertThat(r.data().path("seeded").asBoolean()).isTrue();
                assertThat(r.data().path("country").asText()).isEqualTo("GB");
                assertThat(r.data().path("status").asText()).isEqualTo("ACTIVE");
            }
            JsonNode dfe = recipients.stream()
                    .map(CloudEvent::data)
                    .filter(d -> d.path("name").asText().equals("Department for Education"))
                    .findFirst()
                    .orElseThrow();
            assertThat(dfe.path("kind").asText()).isEqualTo("STATUTORY_BODY");
            assertThat(dfe.path("sector").asText()).isEqualTo("CENTRAL_GOVERNMENT");

            JsonNode census = agreements.stream()
                    .map(CloudEvent::data)
                    .filter(d -> d.path("name").asText().equals("School census (DfE)"))
                    .findFirst()
                    .orElseThrow();
            assertThat(census.path("recipientId").asText())
                    .isEqualTo(dfe.path("recipientId").asText());
            assertThat(census.path("lawfulBasis").asText()).isEqualTo("LEGAL_OBLIGATION");
            assertThat(texts(census.path("purposes"))).containsExactly("census");
            assertThat(texts(census.path("dataCategories")))
                    .containsExactlyInAnyOrder("IDENTITY", "CHARACTERISTICS", "ATTENDANCE", "ASSESSMENT", "EXCLUSIONS");
            assertThat(census.path("legalReference").asText()).startsWith("Education Act 1996 s.537A");
            assertThat(census.path("specialCategoryCondition").asText()).isEqualTo("SUBSTANTIAL_PUBLIC_INTEREST");
            assertThat(census.path("schedule1Condition").asText()).isEqualTo("STATUTORY_AND_GOVERNMENT_PURPOSES");
            assertThat(census.path("validFrom").asText())
                    .isEqualTo(LocalDate.now(LONDON).toString());
            assertThat(census.path("validTo").isNull()).isTrue();
            assertThat(census.path("seeded").asBoolean()).isTrue();
            assertThat(agreements)
                    .allSatisfy(a -> assertThat(names)
                            .containsKey(a.data().path("recipientId").asText()));
        }
    }

    private static void put(String path, int version, Map<String, Object> body) {
        dpo(URN).header("If-Match", "\"" + version + "\"")
                .body(body)
                .put(path)
                .then()
                .statusCode(200)
                .body("version", is(version + 1));
    }

    private static void refused(String path, int version, Map<String, Object> body, int status) {
        dpo(URN).header("If-Match", "\"" + version + "\"")
                .body(body)
                .put(path)
                .then()
                .statusCode(status)
                .contentType("application/problem+json");
    }

    /** The records about {@code subject} once there are {@code count}, and no more arrive shortly after. */
    private static List<ConsumerRecord<String, String>> records(KafkaTestConsumer sharing, String subject, int count) {
        await().atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .until(() ->
                        about(sharing.drain(Duration.ofMillis(200)), subject).size() >= count);
        List<ConsumerRecord<String, String>> found = about(sharing.drain(Duration.ofMillis(500)), subject);
        assertThat(found).as("events about %s", subject).hasSize(count);
        return found;
    }

    private static List<CloudEvent> events(KafkaTestConsumer sharing, String subject, int count) {
        return records(sharing, subject, count).stream()
                .map(r -> CloudEventCodec.fromJson(r.value()))
                .toList();
    }

    private static List<ConsumerRecord<String, String>> about(
            List<ConsumerRecord<String, String>> records, String subject) {
        return once(records).stream()
                .filter(r -> subject.equals(CloudEventCodec.fromJson(r.value()).subject()))
                .toList();
    }

    /** Each event once: the outbox publishes at least once, and consumers drop what they saw by its id. */
    private static List<ConsumerRecord<String, String>> once(List<ConsumerRecord<String, String>> records) {
        Set<String> seen = new HashSet<>();
        return records.stream()
                .filter(r -> seen.add(CloudEventCodec.fromJson(r.value()).id()))
                .toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
