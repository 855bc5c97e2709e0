package org.custodian.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
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
