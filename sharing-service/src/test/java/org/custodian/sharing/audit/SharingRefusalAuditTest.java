package org.custodian.sharing.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.sharing.support.Api.as;
import static org.custodian.sharing.support.Api.base;
import static org.custodian.sharing.support.Api.dpo;
import static org.custodian.sharing.support.Api.partner;
import static org.custodian.sharing.support.Api.recipient;

import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.custodian.sharing.support.SharingTest;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Issue 17: refused attempts on sharing-service are in its audit log with the reason, and the log is filterable. */
@SharingTest
class SharingRefusalAuditTest {

    private static JsonPath audit(String urn, String query) {
        return dpo(urn).get(base(urn) + "/audit/sharing" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aWrongRoleAndAnotherPartnersActionLeaveRefusalsWithTheReason() {
        String urn = Integer.toString(ThreadLocalRandom.current().nextInt(300_000, 399_999));
        String mine = recipient(urn, "Photo Co", "GB");
        String unknown = UUID.randomUUID().toString();

        as("staff", urn)
                .body(Map.of("name", "Sneaky Ltd", "kind", "PROCESSOR", "country", "GB"))
                .post(base(urn) + "/recipients")
                .then()
                .statusCode(403);
        partner(urn, mine).get(base(urn) + "/partner-actions/" + unknown).then().statusCode(404);
        io.restassured.RestAssured.given()
                .header(
                        "Authorization",
                        TestTokens.role("dpo").school(urn).subject("dpo-dora").bearer())
                .get(base(urn) + "/recipients/" + unknown)
                .then()
                .statusCode(404);

        JsonPath wrongRole = dpo(urn).queryParam("result", "REFUSED")
                .queryParam("action", "POST /api/v1/schools/{urn}/recipients")
                .get(base(urn) + "/audit/sharing")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(wrongRole.getList("items")).hasSize(1);
        assertThat(wrongRole.getString("items[0].actorRole")).isEqualTo("staff");
        assertThat(wrongRole.getString("items[0].detail"))
                .startsWith("403 Forbidden: your role does not allow this operation");

        JsonPath otherPartner = audit(urn, "?actor=" + mine);
        assertThat(otherPartner.getList("items")).hasSize(1);
        assertThat(otherPartner.getString("items[0].subject")).isEqualTo("partner-actions/" + unknown);
        assertThat(otherPartner.getString("items[0].subjectType")).isEqualTo("partner-action");
        assertThat(otherPartner.getString("items[0].detail")).startsWith("404 Not found");

        JsonPath missing = audit(urn, "?actor=dpo-dora");
        assertThat(missing.getString("items[0].words"))
                .startsWith("Was refused GET /api/v1/schools/{urn}/recipients/{id} about recipient " + unknown);

        JsonPath done = audit(urn, "?action=recipient&result=DONE");
        assertThat(done.getList("items.did")).containsExactly("added a recipient");
        assertThat(done.getString("items[0].subjectId")).isEqualTo(mine);
        assertThat(done.getString("items[0].service")).isEqualTo("sharing-service");
        assertThat(audit(urn, "?result=REFUSED").getList("items")).hasSize(3);
    }
}
