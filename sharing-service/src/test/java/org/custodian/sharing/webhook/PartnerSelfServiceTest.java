package org.custodian.sharing.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.sharing.support.Api.agreement;
import static org.custodian.sharing.support.Api.agreementBody;
import static org.custodian.sharing.support.Api.as;
import static org.custodian.sharing.support.Api.base;
import static org.custodian.sharing.support.Api.dpo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.sharing.support.SharingTest;
import org.custodian.testing.SchoolFixture;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, self-service: a partner lists, registers and changes its own webhook endpoints and rotates their secrets
 * (returned once, to it) for the recipients linked to it in schools that have an agreement with it; the school's DPO
 * may disable any endpoint, and a partner cannot enable again what the school disabled. Every change is audited.
 */
@SharingTest
class PartnerSelfServiceTest {

    static final List<String> TYPES = List.of("erasure.requested", "consent.withdrawn");

    static RequestSpecification partnerToken(String partnerId, String... schools) {
        return given().header(
                        "Authorization",
                        TestTokens.role("partner")
                                .school(schools)
                                .subject("ops-at-" + partnerId)
                                .partnerId(partnerId)
                                .bearer())
                .contentType("application/json");
    }

    static String recipientLinkedTo(String urn, String partnerId) {
        return dpo(urn).body(Map.of("name", "Acme", "kind", "PROCESSOR", "country", "GB", "partnerId", partnerId))
                .post(base(urn) + "/recipients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static Map<String, Object> endpoint(String url, String status) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("url", url, "eventTypes", TYPES));
        if (status != null) {
            body.put("status", status);
        }
        return body;
    }

    static long endpointRows(String urn, String recipient) {
        return SchoolFixture.count(
                "SELECT count(*) FROM webhook_endpoint WHERE school_urn = ? AND recipient_id = ?::uuid",
                urn,
                recipient);
    }

    @Test
    void aPartnerRegistersChangesAndRotatesItsOwnEndpointAndGetsEachSecretOnce() {
        String acme = "acme-" + UUID.randomUUID();
        String urn = SchoolFixture.randomUrn();
        String recipient = recipientLinkedTo(urn, acme);
        agreement(urn, agreementBody(recipient, "PUBLIC_TASK", "share"));
        String endpoints = base(urn) + "/recipients/" + recipient + "/webhook-endpoints";

        String secret = partnerToken(acme, urn)
                .body(endpoint("http://127.0.0.1:9/acme/custodian", null))
                .post(endpoints)
                .then()
                .statusCode(201)
                .body("secret", startsWith("whsec_"))
                .body("endpoint.status", is("ENABLED"))
                .extract()
                .path("secret");
        String id = partnerToken(acme, urn)
                .get(endpoints)
                .then()
                .statusCode(200)
                .body("items.size()", is(1))
                .body("items[0].url", is("http://127.0.0.1:9/acme/custodian"))
                .body("items[0].secret", nullValue())
                .extract()
                .path("items[0].id");
        partnerToken(acme, urn)
                .header("If-Match", "\"1\"")
                .body(endpoint("http://127.0.0.1:9/acme/v2", null))
                .put(endpoints + "/" + id)
                .then()
                .statusCode(200)
                .body("url", is("http://127.0.0.1:9/acme/v2"));
        String rotated = partnerToken(acme, urn)
                .body(Map.of("overlapSeconds", 3600))
                .post(endpoints + "/" + id + "/secret-rotation")
                .then()
                .statusCode(200)
                .body("secret", startsWith("whsec_"))
                .body("secret", not(is(secret)))
                .extract()
                .path("secret");
        assertThat(rotated).isNotEqualTo(secret);
        partnerToken(acme, urn)
                .get(endpoints + "/" + id)
                .then()
                .statusCode(200)
                .body("secret", nullValue())
                .body("previousSecretExpiresAt", not(nullValue()));
        // replaying a delivery stays with the school
        partnerToken(acme, urn)
                .post(endpoints + "/" + id + "/deliveries/" + UUID.randomUUID() + "/replay")
                .then()
                .statusCode(403);

        List<Map<String, Object>> audit = dpo(urn).get(
                        base(urn) + "/audit/sharing?limit=500&subject=webhook-endpoints/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        assertThat(audit)
                .extracting(e -> e.get("action"))
                .containsExactlyInAnyOrder(
                        "webhook-endpoint.created", "webhook-endpoint.updated", "webhook-endpoint.secret-rotated");
        assertThat(audit).allSatisfy(e -> {
            assertThat(e.get("actor")).isEqualTo("ops-at-" + acme);
            assertThat(e.get("actorRole")).isEqualTo("partner");
            assertThat((String) e.get("detail")).contains("partner " + acme);
            assertThat((String) e.get("detail")).doesNotContain("whsec_");
        });
        // the school sees the partner's endpoint as its own
        dpo(urn).get(endpoints).then().statusCode(200).body("items.id", is(List.of(id)));
    }

    @Test
    void anotherPartnerReachesNoneOfItAndNoAgreementInForceIsA403() {
        String acme = "acme-" + UUID.randomUUID();
        String rival = "rival-" + UUID.randomUUID();
        String urn = SchoolFixture.randomUrn();
        String recipient = recipientLinkedTo(urn, acme);
        agreement(urn, agreementBody(recipient, "PUBLIC_TASK", "share"));
        String endpoints = base(urn) + "/recipients/" + recipient + "/webhook-endpoints";
        String id = dpo(urn).body(endpoint("http://127.0.0.1:9/acme/a", null))
                .post(endpoints)
                .then()
                .statusCode(201)
                .extract()
                .path("endpoint.id");

        partnerToken(rival, urn).get(endpoints).then().statusCode(404).contentType("application/problem+json");
        partnerToken(rival, urn).get(endpoints + "/" + id).then().statusCode(404);
        partnerToken(rival, urn)
                .body(endpoint("http://127.0.0.1:9/rival/steal", null))
                .post(endpoints)
                .then()
                .statusCode(404);
        partnerToken(rival, urn)
                .header("If-Match", "\"1\"")
                .body(endpoint("http://127.0.0.1:9/rival/steal", null))
                .put(endpoints + "/" + id)
                .then()
                .statusCode(404);
        partnerToken(rival, urn)
                .post(endpoints + "/" + id + "/secret-rotation")
                .then()
                .statusCode(404);
        partnerToken(rival, urn).post(endpoints + "/" + id + "/test").then().statusCode(404);
        assertThat(endpointRows(urn, recipient)).isEqualTo(1);
        dpo(urn).get(endpoints + "/" + id).then().body("url", is("http://127.0.0.1:9/acme/a"));

        // linked, but the school shares nothing with it (no agreement, or only ended ones): it may look, not change
        String unshared = recipientLinkedTo(urn, acme);
        String unsharedEndpoints = base(urn) + "/recipients/" + unshared + "/webhook-endpoints";
        partnerToken(acme, urn)
                .body(endpoint("http://127.0.0.1:9/acme/b", null))
                .post(unsharedEndpoints)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        agreement(urn, agreementBody(unshared, "PUBLIC_TASK", "share", "validTo", "2021-08-31"));
        partnerToken(acme, urn)
                .body(endpoint("http://127.0.0.1:9/acme/b", null))
                .post(unsharedEndpoints)
                .then()
                .statusCode(403);
        assertThat(endpointRows(urn, unshared)).isZero();
        partnerToken(acme, urn).get(unsharedEndpoints).then().statusCode(200).body("items.size()", is(0));
        // a bad URL is a 400 that registers nothing
        partnerToken(acme, urn)
                .body(endpoint("not a url", null))
                .post(endpoints)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertThat(endpointRows(urn, recipient)).isEqualTo(1);
        // staff and parents reach none of it
        as("staff", urn).get(endpoints).then().statusCode(403);
    }

    @Test
    void theDpoDisablesAnyEndpointAndOnlyTheSchoolEnablesItAgain() {
        String acme = "acme-" + UUID.randomUUID();
        String urn = SchoolFixture.randomUrn();
        String recipient = recipientLinkedTo(urn, acme);
        agreement(urn, agreementBody(recipient, "PUBLIC_TASK", "share"));
        String endpoints = base(urn) + "/recipients/" + recipient + "/webhook-endpoints";
        String id = partnerToken(acme, urn)
                .body(endpoint("http://127.0.0.1:9/acme/a", null))
                .post(endpoints)
                .then()
                .statusCode(201)
                .extract()
                .path("endpoint.id");
        String one = endpoints + "/" + id;

        // the partner pauses and resumes its own endpoint
        partnerToken(acme, urn)
                .header("If-Match", "\"1\"")
                .body(endpoint("http://127.0.0.1:9/acme/a", "DISABLED"))
                .put(one)
                .then()
                .statusCode(200)
                .body("status", is("DISABLED"))
                .body("disabledBy", is("PARTNER"));
        partnerToken(acme, urn)
                .header("If-Match", "\"2\"")
                .body(endpoint("http://127.0.0.1:9/acme/a", "ENABLED"))
                .put(one)
                .then()
                .statusCode(200)
                .body("status", is("ENABLED"))
                .body("disabledBy", nullValue());

        dpo(urn).header("If-Match", "\"3\"")
                .body(endpoint("http://127.0.0.1:9/acme/a", "DISABLED"))
                .put(one)
                .then()
                .statusCode(200)
                .body("status", is("DISABLED"))
                .body("disabledBy", is("SCHOOL"));
        partnerToken(acme, urn)
                .header("If-Match", "\"4\"")
                .body(endpoint("http://127.0.0.1:9/acme/a", "ENABLED"))
                .put(one)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        // changing its URL meanwhile is fine, and leaves it disabled by the school
        partnerToken(acme, urn)
                .header("If-Match", "\"4\"")
                .body(endpoint("http://127.0.0.1:9/acme/new", null))
                .put(one)
                .then()
                .statusCode(200)
                .body("status", is("DISABLED"))
                .body("disabledBy", is("SCHOOL"));
        partnerToken(acme, urn).post(one + "/test").then().statusCode(409);
        partnerToken(acme, urn)
                .get(one)
                .then()
                .body("status", is("DISABLED"))
                .body("url", is("http://127.0.0.1:9/acme/new"));

        as("school-admin", urn)
                .header("If-Match", "\"5\"")
                .body(endpoint("http://127.0.0.1:9/acme/new", "ENABLED"))
                .put(one)
                .then()
                .statusCode(200)
                .body("status", is("ENABLED"));
        List<String> details = dpo(urn).get(base(urn) + "/audit/sharing?limit=500&subject=webhook-endpoints/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("items.detail");
        assertThat(details).anySatisfy(d -> assertThat(d).contains("DISABLED").doesNotContain("partner"));
        assertThat(details).anySatisfy(d -> assertThat(d).contains("DISABLED").contains("partner " + acme));
    }
}
