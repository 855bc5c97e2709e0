package org.custodian.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.custodian.gateway.support.GatewayTestProfile;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class CorsTest {

    static final String PUPILS = "/api/v1/schools/100001/pupils";

    @Test
    void aPreflightFromAnAllowedOriginIsAnswered() {
        Response preflight = given().header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .options(PUPILS);
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase())
                .contains("authorization", "idempotency-key");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNotEqualTo("true");
    }

    @Test
    void aPreflightFromAnyOtherOriginIsRefused() {
        Response preflight = given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "DELETE")
                .options(PUPILS);
        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().hasHeaderWithName("Access-Control-Allow-Origin"))
                .isFalse();
        assertRefusalIsAProblem(preflight);
    }

    /** Issue 17: a refused origin gets a problem, not an empty 403. */
    @Test
    void aRequestFromAnyOtherOriginIsRefusedWithAProblemAndReachesNoService() {
        Response response = given().header("Origin", "http://localhost:3000.evil.example")
                .header("Authorization", TestTokens.bearer("dpo", "100001"))
                .get(PUPILS);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().hasHeaderWithName("Access-Control-Allow-Origin"))
                .isFalse();
        assertRefusalIsAProblem(response);
        assertThat(response.jsonPath().getString("service"))
                .as("no service saw it")
                .isNull();
    }

    private static void assertRefusalIsAProblem(Response response) {
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(403);
        assertThat(response.jsonPath().getString("type")).endsWith("forbidden");
        assertThat(response.jsonPath().getString("detail")).contains("origin");
        assertThat(response.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void theGatewaysOwnOriginIsNotACrossOriginRequest() {
        Response response = given().header("Origin", "http://localhost:" + RestAssured.port)
                .header("Authorization", TestTokens.bearer("dpo", "100001"))
                .get(PUPILS);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    /** Issue 17: browser code may send the conditional and idempotency headers, and read what the answers carry. */
    @Test
    void browserCodeMaySendConditionsAndKeysAndReadTagsReplaysAndLimits() {
        Response preflight = given().header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,if-match,if-none-match,idempotency-key")
                .options(PUPILS + "/p-1");
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase())
                .contains("if-match", "if-none-match", "idempotency-key");

        Response response = given().header("Origin", "http://localhost:3000")
                .header("Authorization", TestTokens.bearer("dpo", "100001"))
                .get(PUPILS);
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> exposed = Stream.of(
                        response.header("Access-Control-Expose-Headers").split(","))
                .map(String::strip)
                .map(h -> h.toLowerCase(Locale.ROOT))
                .toList();
        assertThat(exposed)
                .contains(
                        "idempotent-replayed",
                        "idempotent-replay-omitted",
                        "etag",
                        "location",
                        "x-request-id",
                        "retry-after",
                        "ratelimit-limit",
                        "ratelimit-remaining",
                        "ratelimit-reset");
        // the rate-limit headers browser code is allowed to read are the ones the gateway sends
        assertThat(response.header("RateLimit-Limit")).isNotBlank();
        assertThat(response.header("RateLimit-Remaining")).isNotBlank();
        assertThat(response.header("RateLimit-Reset")).isNotBlank();
    }

    @Test
    void aRequestFromAnAllowedOriginGetsTheGatewaysCorsHeadersOnly() {
        Response response = given().header("Origin", "http://localhost:3000")
                .header("Authorization", TestTokens.bearer("dpo", "100001"))
                .get(PUPILS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().getValues("Access-Control-Allow-Origin"))
                .containsExactly("http://localhost:3000");
        assertThat(response.header("Access-Control-Expose-Headers")).contains("X-Request-Id");
    }
}
