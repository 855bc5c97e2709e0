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
import static org.hamcrest.Matchers.is;

import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.sharing.support.Events;
import org.custodian.sharing.support.Receiver;
import org.custodian.sharing.support.SharingTest;
import org.custodian.testing.SchoolFixture;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, one partner, one identity: a partner token carries the organisation's {@code partner_id}; each school links
 * its recipient to it; one token then sees its actions and deliveries across the schools that share with it
 * ({@code /api/v1/partners/me/…}), answers its actions in each school, and reaches nothing of another partner or of a
 * school that did not link it.
 */
@SharingTest
class PartnerIdentityTest {

    static final Receiver RECEIVER = new Receiver();

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    /** A recipient of a school, its webhook endpoint on the receiver, and the erasure action it was asked to do. */
    record Shared(String urn, String recipientId, String actionId) {}

    static RequestSpecification partnerToken(String partnerId, String... schools) {
        return given().header(
                        "Authorization",
                        TestTokens.role("partner")
                                .noSchools()
                                .school(schools)
                                .subject("someone-at-" + partnerId)
                                .partnerId(partnerId)
                                .bearer())
                .contentType("application/json");
    }

    static String recipientLinkedTo(String urn, String name, String partnerId) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name, "kind", "PROCESSOR", "country", "GB"));
        if (partnerId != null) {
            body.put("partnerId", partnerId);
        }
        return dpo(urn).body(body)
                .post(base(urn) + "/recipients")
                .then()
                .statusCode(201)
                .body("partnerId", is(partnerId))
                .extract()
                .path("id");
    }

    /** Discloses a pupil to each recipient, with an endpoint on the receiver, then erases: one action per recipient. */
    static List<Shared> sharedThenErased(String urn, String... recipients) {
        String pupil = "P-" + UUID.randomUUID();
        Events.publish(Events.enrolled(urn, pupil));
        for (String recipient : recipients) {
            dpo(urn).body(Map.of("url", RECEIVER.url("/hook-" + recipient), "eventTypes", List.of("erasure.requested")))
                    .post(base(urn) + "/recipients/" + recipient + "/webhook-endpoints")
                    .then()
                    .statusCode(201);
            agreement(urn, agreementBody(recipient, "PUBLIC_TASK", "share"));
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> "ALLOWED".equals(outcome(urn, recipient, pupil, "share")));
            dpo(urn).body(ask(recipient, List.of(pupil), "share"))
                    .post(base(urn) + "/disclosures")
                    .then()
                    .statusCode(200)
                    .body("allowed", is(1));
        }
        Events.publish(Events.erasure(urn, pupil, List.of(), false));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> actionsAbout(urn, pupil).size() >= recipients.length);
        List<Map<String, Object>> actions = actionsAbout(urn, pupil);
        return List.of(recipients).stream()
                .map(r -> new Shared(
                        urn,
                        r,
                        actions.stream()
                                .filter(a -> a.get("recipientId").equals(r))
                                .map(a -> (String) a.get("id"))
                                .findFirst()
                                .orElseThrow()))
                .toList();
    }

    static List<Map<String, Object>> actionsAbout(String urn, String pupil) {
        return dpo(urn).get(base(urn) + "/partner-actions?limit=500&pupilId=" + pupil)
                .then()
                .statusCode(200)
                .extract()
                .path("items");
    }

    static List<String> ids(RequestSpecification caller, String path, String field) {
        return caller.get(path).then().statusCode(200).extract().path("items." + field);
    }

    @Test
    void oneTokenSeesItsActionsDeliveriesAndRecipientsInEverySchoolThatLinkedItAndNothingElse() {
        String acme = "acme-" + UUID.randomUUID();
        String rival = "rival-" + UUID.randomUUID();
        String a = SchoolFixture.randomUrn();
        String b = SchoolFixture.randomUrn();
        String c = SchoolFixture.randomUrn();
        String acmeInA = recipientLinkedTo(a, "Acme Learning", acme);
        String rivalInA = recipientLinkedTo(a, "Rival Maths", rival);
        String acmeInB = recipientLinkedTo(b, "Acme (B's name for it)", acme);
        String notLinkedInC = recipientLinkedTo(c, "Acme Learning", null);
        List<Shared> inA = sharedThenErased(a, acmeInA, rivalInA);
        List<Shared> inB = sharedThenErased(b, acmeInB);
        List<Shared> inC = sharedThenErased(c, notLinkedInC);

        // a token with no school at all: the partner-scoped reads
        RequestSpecification acmeToken = partnerToken(acme);
        List<String> actions = ids(acmeToken, "/api/v1/partners/me/actions?limit=500", "id");
        assertThat(actions)
                .containsExactlyInAnyOrder(inA.get(0).actionId(), inB.get(0).actionId());
        List<Map<String, Object>> items = acmeToken
                .get("/api/v1/partners/me/actions")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        assertThat(items)
                .extracting(i -> i.get("schoolUrn") + "/" + i.get("recipientId"))
                .containsExactlyInAnyOrder(a + "/" + acmeInA, b + "/" + acmeInB);
        assertThat(items)
                .allSatisfy(i -> assertThat(((Map<?, ?>) i.get("urls")).values().toString())
                        .contains("/api/v1/schools/" + i.get("schoolUrn") + "/partner-actions/" + i.get("id")));
        assertThat(ids(partnerToken(acme), "/api/v1/partners/me/actions?schoolUrn=" + b, "id"))
                .containsExactly(inB.get(0).actionId());
        assertThat(ids(partnerToken(acme), "/api/v1/partners/me/actions?status=COMPLETED", "id"))
                .isEmpty();
        assertThat(ids(partnerToken(rival), "/api/v1/partners/me/actions", "id"))
                .containsExactly(inA.get(1).actionId());

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> ids(partnerToken(acme), "/api/v1/partners/me/deliveries?status=SUCCEEDED", "id")
                                .size()
                        == 2);
        List<Map<String, Object>> deliveries = partnerToken(acme)
                .get("/api/v1/partners/me/deliveries?limit=500")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        assertThat(deliveries)
                .extracting(d -> d.get("schoolUrn") + "/" + d.get("recipientId") + "/" + d.get("eventType"))
                .containsExactlyInAnyOrder(
                        a + "/" + acmeInA + "/erasure.requested", b + "/" + acmeInB + "/erasure.requested");

        assertThat(ids(partnerToken(acme), "/api/v1/partners/me/recipients", "recipientId"))
                .containsExactly(a.compareTo(b) < 0 ? acmeInA : acmeInB, a.compareTo(b) < 0 ? acmeInB : acmeInA);
        assertThat(ids(partnerToken("nobody-" + UUID.randomUUID()), "/api/v1/partners/me/actions", "id"))
                .isEmpty();
        partnerToken(acme)
                .get("/api/v1/partners/me/actions?schoolUrn=12345")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", is("schoolUrn"));
        partnerToken(acme)
                .get("/api/v1/partners/me/deliveries?status=NOPE")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        // the school's people have their own paths
        as("dpo", a).get("/api/v1/partners/me/actions").then().statusCode(403);

        // a token without a partner id is read as before: the recipient its sub names, in the token's schools
        assertThat(ids(partner(c, notLinkedInC), "/api/v1/partners/me/actions", "id"))
                .containsExactly(inC.get(0).actionId());
    }

    @Test
    void aPartnerTokenAnswersItsActionsInEachLinkedSchoolAndNoOneElses() {
        String acme = "acme-" + UUID.randomUUID();
        String rival = "rival-" + UUID.randomUUID();
        String a = SchoolFixture.randomUrn();
        String c = SchoolFixture.randomUrn();
        String acmeInA = recipientLinkedTo(a, "Acme Learning", acme);
        String rivalInA = recipientLinkedTo(a, "Rival Maths", rival);
        String notLinkedInC = recipientLinkedTo(c, "Acme Learning", null);
        List<Shared> inA = sharedThenErased(a, acmeInA, rivalInA);
        String mine = inA.get(0).actionId();
        String theirs = inA.get(1).actionId();
        String cs = sharedThenErased(c, notLinkedInC).get(0).actionId();
        RequestSpecification acmeToken = partnerToken(acme, a, c);

        assertThat(ids(acmeToken, base(a) + "/partner-actions?limit=500", "id")).containsExactly(mine);
        partnerToken(acme, a)
                .get(base(a) + "/partner-actions?recipientId=" + rivalInA)
                .then()
                .statusCode(404);
        partnerToken(acme, a)
                .get(base(a) + "/partner-actions/" + theirs)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        partnerToken(acme, a)
                .body(Map.of("note", "not ours"))
                .post(base(a) + "/partner-actions/" + theirs + "/acknowledgement")
                .then()
                .statusCode(404);
        partnerToken(acme, a)
                .body(Map.of("reason", "this is not ours to answer at all"))
                .post(base(a) + "/partner-actions/" + theirs + "/dispute")
                .then()
                .statusCode(404);
        // a school that did not link the partner: its recipient's action is no one's to this token
        partnerToken(acme, c).get(base(c) + "/partner-actions/" + cs).then().statusCode(404);
        assertThat(ids(partnerToken(acme, c), base(c) + "/partner-actions", "id"))
                .isEmpty();
        // the school wall still stands: a school not in the token is a 403
        partnerToken(acme).get(base(a) + "/partner-actions/" + mine).then().statusCode(403);

        partnerToken(acme, a)
                .body(Map.of("note", "ticket ACME-1"))
                .post(base(a) + "/partner-actions/" + mine + "/acknowledgement")
                .then()
                .statusCode(200)
                .body("status", is("ACKNOWLEDGED"))
                .body("schoolUrn", is(a));
        partnerToken(acme, a)
                .body(Map.of(
                        "performedAt",
                        "2026-01-05T10:00:00Z",
                        "outcome",
                        "DELETED",
                        "recordCount",
                        3,
                        "reference",
                        "ACME-1"))
                .post(base(a) + "/partner-actions/" + mine + "/completion")
                .then()
                .statusCode(200)
                .body("status", is("COMPLETED"));
        dpo(a).get(base(a) + "/partner-actions/" + theirs)
                .then()
                .statusCode(200)
                .body("status", is("OPEN"));
        List<Map<String, Object>> audit = dpo(a).get(
                        base(a) + "/audit/sharing?limit=500&result=DONE&subject=partner-actions/" + mine)
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        assertThat(audit)
                .extracting(e -> e.get("action"))
                .containsExactlyInAnyOrder("partner-action.acknowledged", "partner-action.completed");
        assertThat(audit).allSatisfy(e -> {
            assertThat(e.get("actor")).isEqualTo("someone-at-" + acme);
            assertThat((String) e.get("detail")).contains("partner " + acme);
        });
        assertThat(ids(partnerToken(acme), "/api/v1/partners/me/actions?status=COMPLETED", "id"))
                .containsExactly(mine);

        // the old token (sub = the recipient id) keeps working
        partner(a, rivalInA)
                .body(Map.of("note", "ours"))
                .post(base(a) + "/partner-actions/" + theirs + "/acknowledgement")
                .then()
                .statusCode(200);
    }

    @Test
    void theSchoolLinksAndUnlinksARecipientAndOnlyItsDpoOrAdministratorMay() {
        String acme = "acme-" + UUID.randomUUID();
        String a = SchoolFixture.randomUrn();
        String recipient = recipientLinkedTo(a, "Acme Learning", null);
        String action = sharedThenErased(a, recipient).get(0).actionId();
        assertThat(ids(partnerToken(acme), "/api/v1/partners/me/actions", "id")).isEmpty();

        Map<String, Object> body =
                new LinkedHashMap<>(Map.of("name", "Acme Learning", "kind", "PROCESSOR", "country", "GB"));
        body.put("partnerId", "has a space");
        dpo(a).header("If-Match", "\"1\"")
                .body(body)
                .put(base(a) + "/recipients/" + recipient)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("partnerId"));
        body.put("partnerId", acme);
        as("staff", a)
                .header("If-Match", "\"1\"")
                .body(body)
                .put(base(a) + "/recipients/" + recipient)
                .then()
                .statusCode(403);
        dpo(a).get(base(a) + "/recipients/" + recipient).then().body("partnerId", org.hamcrest.Matchers.nullValue());

        as("school-admin", a)
                .header("If-Match", "\"1\"")
                .body(body)
                .put(base(a) + "/recipients/" + recipient)
                .then()
                .statusCode(200)
                .body("partnerId", is(acme));
        assertThat(ids(partnerToken(acme), "/api/v1/partners/me/actions", "id")).containsExactly(action);
        // an update that does not mention the link keeps it
        body.remove("partnerId");
        dpo(a).header("If-Match", "\"2\"")
                .body(body)
                .put(base(a) + "/recipients/" + recipient)
                .then()
                .statusCode(200)
                .body("partnerId", is(acme));
        body.put("partnerId", "");
        dpo(a).header("If-Match", "\"3\"")
                .body(body)
                .put(base(a) + "/recipients/" + recipient)
                .then()
                .statusCode(200)
                .body("partnerId", org.hamcrest.Matchers.nullValue());
        assertThat(ids(partnerToken(acme), "/api/v1/partners/me/actions", "id")).isEmpty();
        partnerToken(acme, a).get(base(a) + "/partner-actions/" + action).then().statusCode(404);
        List<String> details = dpo(a).get(base(a) + "/audit/sharing?limit=500&subject=recipients/" + recipient)
                .then()
                .statusCode(200)
                .extract()
                .path("items.detail");
        assertThat(details).anySatisfy(d -> assertThat(d).contains("linked to partner " + acme));
        assertThat(details).anySatisfy(d -> assertThat(d).contains("partner link changed from " + acme));
    }
}
