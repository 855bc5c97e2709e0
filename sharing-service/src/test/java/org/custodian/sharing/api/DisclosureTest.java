package org.custodian.sharing.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.custodian.sharing.support.Api.agreement;
import static org.custodian.sharing.support.Api.agreementBody;
import static org.custodian.sharing.support.Api.as;
import static org.custodian.sharing.support.Api.ask;
import static org.custodian.sharing.support.Api.base;
import static org.custodian.sharing.support.Api.dpo;
import static org.custodian.sharing.support.Api.reasons;
import static org.custodian.sharing.support.Api.recipient;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.Topics;
import org.custodian.sharing.support.Events;
import org.custodian.sharing.support.SharingTest;
import org.custodian.testing.KafkaTestConsumer;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@SharingTest
class DisclosureTest {

    static final String URN = "220001";
    static final String PURPOSE = "learning-platform";

    String p1;
    String p2;

    @BeforeEach
    void pupilsOnRoll() {
        p1 = "P-" + UUID.randomUUID();
        p2 = "P-" + UUID.randomUUID();
        Events.publish(Events.enrolled(URN, p1), Events.enrolled(URN, p2));
    }

    private void awaitOnRoll(String recipient, String... pupils) {
        for (String pupil : pupils) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !reasons(URN, recipient, pupil, PURPOSE).contains("PUPIL_NOT_ON_ROSTER"));
        }
    }

    private long logged(String recipient) {
        return dpo(URN).get(base(URN) + "/disclosures?limit=500&recipientId=" + recipient)
                .then()
                .statusCode(200)
                .extract()
                .<List<Object>>path("items")
                .size();
    }

    @Test
    void anAllowedDisclosureIsLoggedEmittedAndAnsweredInTheSubjectExport() {
        String recipient = recipient(URN, "Learning Platform Ltd", "GB");
        String agreement = agreement(URN, agreementBody(recipient, "PUBLIC_TASK", PURPOSE));
        awaitOnRoll(recipient, p1, p2);
        String stranger = "P-" + UUID.randomUUID();

        try (KafkaTestConsumer sharing = new KafkaTestConsumer(Topics.SHARING)) {
            ExtractableResponse<Response> result = dpo(URN).body(ask(recipient, List.of(p1, p2, stranger), PURPOSE))
                    .post(base(URN) + "/disclosures")
                    .then()
                    .statusCode(200)
                    .body("allowed", is(2))
                    .body("refused", is(1))
                    .body("decisions.outcome", contains("ALLOWED", "ALLOWED", "REFUSED"))
                    .body("decisions[0].agreementId", is(agreement))
                    .body("decisions[0].lawfulBasis", is("PUBLIC_TASK"))
                    .body("decisions[0].disclosureId", notNullValue())
                    .body("decisions[2].reasons", contains("PUPIL_NOT_ON_ROSTER"))
                    .body("decisions[2].disclosureId", nullValue())
                    .extract();
            String requestId = result.path("requestId");

            ConsumerRecord<String, String> made = sharing.await(
                            r -> r.value().contains(p1) && r.value().contains(EventTypes.DISCLOSURE_MADE),
                            Duration.ofSeconds(20))
                    .orElseThrow();
            assertThat(made.key()).isEqualTo(URN + ":" + p1);
            CloudEvent event = CloudEventCodec.fromJson(made.value());
            assertThat(event.data().path("recipientId").asText()).isEqualTo(recipient);
            assertThat(event.data().path("lawfulBasis").asText()).isEqualTo("PUBLIC_TASK");
            ConsumerRecord<String, String> refused = sharing.await(
                            r -> r.value().contains(stranger) && r.value().contains(EventTypes.DISCLOSURE_REFUSED),
                            Duration.ofSeconds(20))
                    .orElseThrow();
            assertThat(CloudEventCodec.fromJson(refused.value())
                            .data()
                            .path("reasons")
                            .get(0)
                            .asText())
                    .isEqualTo("PUPIL_NOT_ON_ROSTER");

            dpo(URN).get(base(URN) + "/disclosures?pupilId=" + p1)
                    .then()
                    .statusCode(200)
                    .body("items.size()", is(1))
                    .body("items[0].recipientName", is("Learning Platform Ltd"))
                    .body("items[0].lawfulBasis", is("PUBLIC_TASK"))
                    .body("items[0].requestId", is(requestId))
                    .body("items[0].dataCategories", contains("IDENTITY"));
            assertThat(logged(recipient)).isEqualTo(2);
            String today = LocalDate.now().toString();
            String longAgo = LocalDate.now().minusYears(1).toString();
            dpo(URN).get(base(URN) + "/disclosures?recipientId=" + recipient + "&from=" + today + "&to=" + today)
                    .then()
                    .body("items.size()", is(2));
            dpo(URN).get(base(URN) + "/disclosures?recipientId=" + recipient + "&from=" + longAgo + "&to=" + longAgo)
                    .then()
                    .body("items.size()", is(0));
            dpo(URN).get(base(URN) + "/disclosures?from=2026-13-01").then().statusCode(400);
            dpo(URN).get(base(URN) + "/disclosures?from=2026-11-02&to=2026-11-01")
                    .then()
                    .statusCode(400);
            dpo(URN).get(base(URN) + "/audit/sharing?subject=disclosure-requests/" + requestId)
                    .then()
                    .body("items.action", hasItem("disclosure.decided"));

            // the "who has it been shared with" answer for subject access
            String export = "/internal/v1/schools/" + URN + "/subjects/" + p1;
            given().header(
                            "Authorization",
                            "Bearer "
                                    + TestTokens.service()
                                            .school(URN)
                                            .subject("service:sar-service")
                                            .mint())
                    .get(export)
                    .then()
                    .statusCode(200)
                    .body("service", is("sharing-service"))
                    .body("data.disclosures.size()", is(1))
                    .body("data.disclosures[0].recipientName", is("Learning Platform Ltd"))
                    .body("data.disclosures[0].lawfulBasis", is("PUBLIC_TASK"))
                    .body("data.disclosures[0].disclosedAt", notNullValue())
                    .body("summary", containsString("Learning Platform Ltd"));
            as("dpo", URN).get(export).then().statusCode(200);
            as("staff", URN).get(export).then().statusCode(403);
            given().header(
                            "Authorization",
                            "Bearer " + TestTokens.service().school("999999").mint())
                    .get(export)
                    .then()
                    .statusCode(403);
            as("dpo", URN)
                    .get("/internal/v1/schools/" + URN + "/subjects/" + stranger)
                    .then()
                    .statusCode(200)
                    .body("data.disclosures.size()", is(0))
                    .body("data.refusedDisclosures.size()", is(1));
        }
    }

    @Test
    void aSharingCheckDecidesWithoutLogging() {
        String recipient = recipient(URN, "Check Only Ltd", "GB");
        agreement(URN, agreementBody(recipient, "PUBLIC_TASK", PURPOSE));
        awaitOnRoll(recipient, p1);
        as("mis", URN)
                .body(ask(recipient, List.of(p1), PURPOSE))
                .post(base(URN) + "/sharing-checks")
                .then()
                .statusCode(200)
                .body("decisions[0].outcome", is("ALLOWED"))
                .body("requestId", nullValue())
                .body("decisions[0].disclosureId", nullValue());
        assertThat(logged(recipient)).isZero();
    }

    @Test
    void everyRefusalReasonReachesTheApi() {
        String recipient = recipient(URN, "Reasons Ltd", "GB");
        String path = base(URN) + "/recipients/" + recipient;
        agreement(URN, agreementBody(recipient, "PUBLIC_TASK", PURPOSE));
        agreement(URN, agreementBody(recipient, "PUBLIC_TASK", "old-project", "validTo", "2021-07-31"));
        agreement(URN, agreementBody(recipient, "PUBLIC_TASK", "next-year", "validFrom", "2099-09-01"));
        agreement(URN, agreementBody(recipient, "CONSENT", "clubs", "consentPurpose", "after-school-clubs"));
        awaitOnRoll(recipient, p1);
        assertThat(reasons(URN, recipient, p1, "marketing")).containsExactly("NO_AGREEMENT");
        assertThat(reasons(URN, recipient, p1, "old-project")).containsExactly("AGREEMENT_EXPIRED");
        assertThat(reasons(URN, recipient, p1, "next-year")).containsExactly("AGREEMENT_NOT_YET_VALID");
        assertThat(reasons(URN, recipient, p1, "clubs")).containsExactly("CONSENT_NOT_ASKED");
        // the recipient moves abroad: the agreement names no safeguard
        dpo(URN).header("If-Match", "\"1\"")
                .body(Map.of("name", "Reasons Ltd", "kind", "PROCESSOR", "country", "IN"))
                .put(path)
                .then()
                .statusCode(200);
        assertThat(reasons(URN, recipient, p1, PURPOSE)).containsExactly("TRANSFER_WITHOUT_SAFEGUARD");
        dpo(URN).header("If-Match", "\"2\"")
                .body(Map.of("name", "Reasons Ltd", "kind", "PROCESSOR", "country", "GB", "status", "SUSPENDED"))
                .put(path)
                .then()
                .statusCode(200);
        assertThat(reasons(URN, recipient, p1, PURPOSE)).containsExactly("RECIPIENT_SUSPENDED");
    }

    @Test
    void badRequestsAreProblemsAndStoreNothing() {
        String recipient = recipient(URN, "Bad Input Ltd", "GB");
        agreement(URN, agreementBody(recipient, "PUBLIC_TASK", PURPOSE));
        String path = base(URN) + "/disclosures";
        List<String> tooMany =
                IntStream.rangeClosed(1, 1001).mapToObj(i -> "P" + i).toList();
        dpo(URN).body(ask(recipient, tooMany, PURPOSE))
                .post(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("pupilIds"));
        dpo(URN).body(ask(recipient, List.of(p1, p1), PURPOSE))
                .post(path)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("pupilIds[1]"));
        dpo(URN).body(ask(UUID.randomUUID().toString(), List.of(p1), PURPOSE))
                .post(path)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("recipientId"));
        dpo(URN).body(ask(recipient, List.of("bad id!"), PURPOSE))
                .post(path)
                .then()
                .statusCode(400);
        dpo(URN).body(ask(recipient, List.of(), PURPOSE)).post(path).then().statusCode(400);
        dpo(URN).body(ask(recipient, List.of(p1), PURPOSE, "reason", " "))
                .post(path)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reason"));
        dpo(URN).body(ask(recipient, List.of(p1), PURPOSE, "emergencyJustification", "because"))
                .post(path)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("emergencyJustification"));
        dpo(URN).body(ask(recipient, List.of(p1), PURPOSE, "dataCategories", List.of("SHOE_SIZE")))
                .post(path)
                .then()
                .statusCode(400);
        dpo(URN).body(ask(recipient, List.of(p1), PURPOSE, "recipientId", "nope"))
                .post(path)
                .then()
                .statusCode(400);
        as("parent", URN)
                .body(ask(recipient, List.of(p1), PURPOSE))
                .post(path)
                .then()
                .statusCode(403);
        as("auditor", URN)
                .body(ask(recipient, List.of(p1), PURPOSE))
                .post(path)
                .then()
                .statusCode(403);
        given().header("Authorization", TestTokens.bearer("dpo", "999999"))
                .contentType("application/json")
                .body(ask(recipient, List.of(p1), PURPOSE))
                .post(path)
                .then()
                .statusCode(403);
        as("parent", URN).get(path).then().statusCode(403);
        dpo(URN).get(path + "/" + UUID.randomUUID()).then().statusCode(404);
        assertThat(logged(recipient)).isZero();
    }

    @Test
    void aThousandPupilsAreDecidedInOneRequest() {
        String recipient = recipient(URN, "Bulk Ltd", "GB");
        agreement(URN, agreementBody(recipient, "PUBLIC_TASK", PURPOSE));
        List<String> pupils = new ArrayList<>(IntStream.range(0, 998)
                .mapToObj(i -> "B-" + i + "-" + UUID.randomUUID())
                .toList());
        pupils.add(p1);
        pupils.add(p2);
        awaitOnRoll(recipient, p1, p2);
        dpo(URN).body(ask(recipient, pupils, PURPOSE))
                .post(base(URN) + "/disclosures")
                .then()
                .statusCode(200)
                .body("decisions.size()", is(1000))
                .body("allowed", is(2))
                .body("refused", is(998));
        assertThat(logged(recipient)).isEqualTo(2);
    }
}
