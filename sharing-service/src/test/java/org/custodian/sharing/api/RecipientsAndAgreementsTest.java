package org.custodian.sharing.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.sharing.support.Api.agreement;
import static org.custodian.sharing.support.Api.agreementBody;
import static org.custodian.sharing.support.Api.as;
import static org.custodian.sharing.support.Api.base;
import static org.custodian.sharing.support.Api.dpo;
import static org.custodian.sharing.support.Api.recipient;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import org.custodian.sharing.support.SharingTest;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

@SharingTest
class RecipientsAndAgreementsTest {

    static final String URN = "210001";

    @Test
    void aNewSchoolStartsWithTheRecipientsAndStatutoryFlowsOfItsPrivacyNotice() {
        String urn = "210002";
        List<String> names = dpo(urn).get(base(urn) + "/recipients?limit=100")
                .then()
                .statusCode(200)
                .body("items.seeded", everyItem(is(true)))
                .extract()
                .path("items.name");
        assertThat(names)
                .contains(
                        "Local authority",
                        "Department for Education",
                        "Ofsted",
                        "Examining bodies",
                        "Health authorities",
                        "Police forces",
                        "Courts and tribunals",
                        "Wonde",
                        "Discovery Education");
        dpo(urn).get(base(urn) + "/agreements")
                .then()
                .statusCode(200)
                .body("items.lawfulBasis", everyItem(is("LEGAL_OBLIGATION")))
                .body("items.purposes.flatten()", containsInAnyOrder("census", "safeguarding", "exclusions"))
                .body("items.legalReference", everyItem(notNullValue()));
        // seeded once, however often the school is used
        assertThat(dpo(urn).get(base(urn) + "/recipients?limit=100")
                        .then()
                        .extract()
                        .<List<String>>path("items.name"))
                .hasSameSizeAs(names);
    }

    /** Issue 17: a list carries a strong ETag; polling it with If-None-Match is a 304 until it changes. */
    @Test
    void theRecipientListCarriesAnETagAndIsA304UntilItChanges() {
        String urn = "210003";
        String path = base(urn) + "/recipients?limit=100";
        String etag = dpo(urn).get(path).then().statusCode(200).extract().header("ETag");
        assertThat(etag).startsWith("\"").endsWith("\"");
        var unchanged = dpo(urn).header("If-None-Match", etag).get(path);
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.asByteArray()).isEmpty();
        assertThat(unchanged.header("ETag")).isEqualTo(etag);
        recipient(urn, "Tag Learning", "GB");
        var changed = dpo(urn).header("If-None-Match", etag).get(path);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changed.jsonPath().getList("items.name")).contains("Tag Learning");
    }

    @Test
    void recipientsAreEditedWithIfMatch() {
        String id = recipient(URN, "Acme Learning", "GB");
        String path = base(URN) + "/recipients/" + id;
        String etag = dpo(URN).get(path).then().statusCode(200).extract().header("ETag");
        Map<String, Object> suspended =
                Map.of("name", "Acme Learning", "kind", "PROCESSOR", "country", "GB", "status", "SUSPENDED");
        dpo(URN).body(suspended).put(path).then().statusCode(428).contentType("application/problem+json");
        dpo(URN).header("If-Match", "\"99\"").body(suspended).put(path).then().statusCode(412);
        dpo(URN).header("If-Match", etag)
                .body(suspended)
                .put(path)
                .then()
                .statusCode(200)
                .body("status", is("SUSPENDED"))
                .body("version", is(2));
        dpo(URN).get(base(URN) + "/audit/sharing?subject=recipients/" + id)
                .then()
                .statusCode(200)
                .body("items.action", hasItems("recipient.created", "recipient.updated"));
    }

    @Test
    void aConsentAgreementWithoutAPurposeIsRefusedAndNothingIsStored() {
        String recipient = recipient(URN, "Photo Co", "GB");
        dpo(URN).body(agreementBody(recipient, "CONSENT", "photos"))
                .post(base(URN) + "/agreements")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("consentPurpose"));
        dpo(URN).body(agreementBody(recipient, "PUBLIC_TASK", "photos", "consentPurpose", "photos"))
                .post(base(URN) + "/agreements")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("consentPurpose"));
        dpo(URN).get(base(URN) + "/agreements?recipientId=" + recipient)
                .then()
                .statusCode(200)
                .body("items.size()", is(0));
        String id = agreement(URN, agreementBody(recipient, "CONSENT", "photos", "consentPurpose", "photos-website"));
        dpo(URN).get(base(URN) + "/agreements/" + id)
                .then()
                .statusCode(200)
                .body("consentPurpose", is("photos-website"))
                .header("ETag", is("\"1\""));
    }

    @Test
    void badAgreementsAre4xxProblems() {
        String recipient = recipient(URN, "Overseas Ltd", "IN");
        dpo(URN).body(agreementBody("7b0a3c4e-8a58-4a55-9d1e-3f8b0c9d2e11", "PUBLIC_TASK", "x"))
                .post(base(URN) + "/agreements")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("recipientId"));
        dpo(URN).body(agreementBody(recipient, "PUBLIC_TASK", "x"))
                .post(base(URN) + "/agreements")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("transferSafeguard"));
        dpo(URN).body(agreementBody(recipient, "SOMETHING", "x"))
                .post(base(URN) + "/agreements")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        dpo(URN).body(agreementBody(recipient, "PUBLIC_TASK", "x", "validTo", "2019-01-01"))
                .post(base(URN) + "/agreements")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("validTo"));
        dpo(URN).body(agreementBody(recipient, "PUBLIC_TASK", "x", "dataCategories", List.of("SHOE_SIZE")))
                .post(base(URN) + "/agreements")
                .then()
                .statusCode(400);
        dpo(URN).body(agreementBody(recipient, "PUBLIC_TASK", "x", "isAdmin", true))
                .post(base(URN) + "/agreements")
                .then()
                .statusCode(400);
        dpo(URN).body("{not json")
                .post(base(URN) + "/agreements")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        dpo(URN).get(base(URN) + "/agreements/not-a-uuid").then().statusCode(400);
        dpo(URN).get(base(URN) + "/agreements/7b0a3c4e-8a58-4a55-9d1e-3f8b0c9d2e11")
                .then()
                .statusCode(404);
        dpo(URN).get(base(URN) + "/agreements?recipientId=" + recipient).then().body("items.size()", is(0));
        String ok = agreement(URN, agreementBody(recipient, "PUBLIC_TASK", "x", "transferSafeguard", "IDTA"));
        assertThat(ok).isNotNull();
    }

    @Test
    void agreementsAreUpdatedWithIfMatchAndKeepTheirRecipient() {
        String recipient = recipient(URN, "Trips Ltd", "GB");
        String id = agreement(URN, agreementBody(recipient, "CONTRACT", "trips"));
        String path = base(URN) + "/agreements/" + id;
        dpo(URN).header("If-Match", "\"1\"")
                .body(agreementBody(recipient, "CONTRACT", "trips", "validTo", "2030-07-31"))
                .put(path)
                .then()
                .statusCode(200)
                .body("validTo", is("2030-07-31"))
                .header("ETag", is("\"2\""));
        dpo(URN).header("If-Match", "\"1\"")
                .body(agreementBody(recipient, "CONTRACT", "trips"))
                .put(path)
                .then()
                .statusCode(412);
        String other = recipient(URN, "Other Ltd", "GB");
        dpo(URN).header("If-Match", "\"2\"")
                .body(agreementBody(other, "CONTRACT", "trips"))
                .put(path)
                .then()
                .statusCode(400);
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyCreatesOnce() {
        String token = TestTokens.role("dpo").school(URN).subject("dpo-once").bearer();
        Map<String, Object> body = Map.of("name", "Once Only Ltd", "kind", "OTHER", "country", "GB");
        String first = given().header("Authorization", token)
                .contentType("application/json")
                .header("Idempotency-Key", "rec-once-1")
                .body(body)
                .post(base(URN) + "/recipients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String again = given().header("Authorization", token)
                .contentType("application/json")
                .header("Idempotency-Key", "rec-once-1")
                .body(body)
                .post(base(URN) + "/recipients")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .extract()
                .path("id");
        assertThat(again).isEqualTo(first);
        given().header("Authorization", token)
                .contentType("application/json")
                .header("Idempotency-Key", "rec-once-1")
                .body(Map.of("name", "Else", "kind", "OTHER", "country", "GB"))
                .post(base(URN) + "/recipients")
                .then()
                .statusCode(409);
    }

    @Test
    void rolesAndTenancyAreEnforced() {
        String path = base(URN) + "/recipients";
        Map<String, Object> body = Map.of("name", "X", "kind", "OTHER", "country", "GB");
        given().header("Authorization", TestTokens.bearer("dpo", "999999"))
                .get(path)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as("parent", URN).get(path).then().statusCode(403);
        as("pupil", URN).get(path).then().statusCode(403);
        as("staff", URN).get(path).then().statusCode(200);
        as("staff", URN).body(body).post(path).then().statusCode(403);
        as("auditor", URN).body(body).post(path).then().statusCode(403);
        as("partner", URN).get(base(URN) + "/agreements").then().statusCode(403);
        given().get(path).then().statusCode(401);
        dpo(URN).body(Map.of("name", "X", "kind", "OTHER", "country", "XX"))
                .post(path)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("country"));
        dpo(URN).get(path + "?status=SLEEPING").then().statusCode(400);
        // a recipient of another school is a 404
        String theirs = recipient("210009", "Theirs", "GB");
        dpo(URN).get(path + "/" + theirs).then().statusCode(404);
    }
}
