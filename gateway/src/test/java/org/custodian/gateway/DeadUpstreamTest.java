package org.custodian.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URL;
import java.time.Duration;
import org.custodian.gateway.support.DeadUpstreamProfile;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(DeadUpstreamProfile.class)
class DeadUpstreamTest {

    @Test
    void aResourceOfADeadServiceIsA503ProblemAndTheOthersStillWork() {
        Response dead = given().header("Authorization", TestTokens.bearer("dpo", "100001"))
                .get("/api/v1/schools/100001/holdings");
        assertThat(dead.statusCode()).isIn(502, 503);
        assertThat(dead.contentType()).startsWith("application/problem+json");
        assertThat(dead.jsonPath().getString("detail")).contains("retention");
        assertThat(dead.jsonPath().getString("instance")).isEqualTo("/api/v1/schools/100001/holdings");
        assertThat(dead.asString()).doesNotContain("Exception");

        given().header("Authorization", TestTokens.bearer("dpo", "100001"))
                .get("/api/v1/schools/100001/pupils")
                .then()
                .statusCode(200)
                .body("service", is("consent"));
    }

    @TestHTTPResource(value = "/health/ready", management = true) // under the management root, /q
    URL readinessDetail;

    @Test
    void readinessIsDownWhileLivenessStaysUpAndOnlyTheManagementInterfaceNamesTheDeadService() {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        given().get("/q/health/ready").then().statusCode(503).body("status", is("DOWN")));
        assertThat(given().get("/q/health/ready").jsonPath().getMap("$")).containsOnlyKeys("status");
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        given().get(readinessDetail)
                .then()
                .statusCode(503)
                .body("status", is("DOWN"))
                .body("checks.find { it.name == 'upstream-retention' }.status", is("DOWN"))
                .body("checks.find { it.name == 'upstream-consent' }.status", is("UP"));
    }

    @Test
    void theOpenApiIsServedFromTheLivingServicesAndSaysWhichIsMissing() {
        JsonPath doc =
                given().get("/api/openapi").then().statusCode(200).extract().jsonPath();
        assertThat(doc.getMap("paths"))
                .containsKeys(
                        "/api/v1/schools/{urn}/pupils",
                        "/api/v1/schools/{urn}/requests",
                        "/api/v1/schools/{urn}/recipients");
        assertThat(doc.getMap("paths")).doesNotContainKey("/api/v1/schools/{urn}/holdings");
        assertThat(doc.getMap("'x-custodian-unavailable'")).containsOnlyKeys("retention");
    }
}
