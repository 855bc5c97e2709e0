package org.custodian.testing.kernel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

@KernelTest
class QuotaTest {

    @Test
    void aPersonsThirdTouchOfTheDayIsRefusedAndAuditedWhileOthersCarryOn() {
        String school = "300701";
        String parent =
                TestTokens.role("parent").school(school).subject("busy-parent").bearer();
        String other =
                TestTokens.role("parent").school(school).subject("other-parent").bearer();
        String touch = "/api/v1/schools/" + school + "/probes/1/touches";

        given().header("Authorization", parent)
                .contentType("application/json")
                .post(touch)
                .then()
                .statusCode(204);
        given().header("Authorization", parent)
                .contentType("application/json")
                .post(touch)
                .then()
                .statusCode(204);
        String retryAfter = given().header("Authorization", parent)
                .contentType("application/json")
                .post(touch)
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("status", is(429))
                .extract()
                .header("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 25 * 3600L);
        given().header("Authorization", other)
                .contentType("application/json")
                .post(touch)
                .then()
                .statusCode(204);

        assertThat(Rows.count(
                        "SELECT count(*) FROM audit_log WHERE school_urn = ? AND actor = 'busy-parent' AND outcome = 'DENIED' "
                                + "AND action = 'probe.touch'",
                        school))
                .isEqualTo(1);
        assertThat(Rows.count("SELECT used FROM quota_usage WHERE school_urn = ? AND actor = 'busy-parent'", school))
                .as("the refused attempt is not counted")
                .isEqualTo(2);
    }
}
