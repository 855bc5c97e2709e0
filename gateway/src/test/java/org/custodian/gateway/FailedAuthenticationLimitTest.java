package org.custodian.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.custodian.gateway.support.FakeUpstreams;
import org.custodian.testing.BadTokens;
import org.custodian.testing.KafkaResource;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Failed authentications are limited per client address, and the limit applies before a token is verified: once an
 * address has used up its failures, a token the gateway has not verified yet is not looked at (429), while a token it
 * has already verified still passes. Behind the balancer the address is the one it forwards.
 */
@QuarkusTest
@TestProfile(FailedAuthenticationLimitTest.Profile.class)
class FailedAuthenticationLimitTest {

    static final int FAILURES = 5;
    static final String PUPILS = "/api/v1/schools/100001/pupils";

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "custodian.gateway.auth-failure-limit.capacity", Integer.toString(FAILURES),
                    "custodian.gateway.auth-failure-limit.refill-per-second", "0.05",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeUpstreams.class), new TestResourceEntry(KafkaResource.class));
        }
    }

    @Test
    void anAddressThatKeepsFailingIsRefusedBeforeItsTokensAreVerified() {
        String client = "203.0.113.7";
        String known = TestTokens.bearer("dpo", "100001");
        from(client, known).then().statusCode(200);

        for (int i = 0; i < FAILURES; i++) {
            assertThat(from(client, BadTokens.UNKNOWN_KEY.bearer("dpo", "100001"))
                            .statusCode())
                    .as("failure %d", i + 1)
                    .isEqualTo(401);
        }
        Response refused = from(client, BadTokens.UNKNOWN_KEY.bearer("dpo", "100001"));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("type")).isEqualTo("https://custodian.uk/problems/rate-limited");
        assertThat(refused.jsonPath().getString("detail")).contains("failed authentications");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 20);

        assertThat(from(client, TestTokens.bearer("dpo", "100001")).statusCode())
                .as("a valid token not verified yet: the limit applies before verification")
                .isEqualTo(429);
        assertThat(from(client, null).statusCode())
                .as("no token, on a resource that needs one")
                .isEqualTo(429);
        from(client, known).then().statusCode(200);
        given().header("X-Forwarded-For", client).get("/api/openapi").then().statusCode(200);

        assertThat(from("203.0.113.8", BadTokens.UNKNOWN_KEY.bearer("dpo", "100001"))
                        .statusCode())
                .as("another address has its own allowance")
                .isEqualTo(401);
    }

    @Test
    void successesDoNotUseUpTheAllowance() {
        String client = "198.51.100.20";
        for (int i = 0; i < FAILURES * 3; i++) {
            from(client, TestTokens.bearer("dpo", "100001")).then().statusCode(200);
        }
        assertThat(from(client, BadTokens.EXPIRED.bearer("dpo", "100001")).statusCode())
                .isEqualTo(401);
    }

    private static Response from(String client, String authorization) {
        var request = given().header("X-Forwarded-For", client);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.get(PUPILS);
    }
}
