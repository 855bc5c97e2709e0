package org.custodian.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.custodian.gateway.support.FakeUpstreams;
import org.custodian.testing.KafkaResource;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The public routes have a limit of their own, per client address (no caller to count): once an address has spent
 * its bucket it gets 429 with Retry-After, another address does not, and the API's per-caller limit is not touched.
 * Behind the balancer the address is the one it forwards. A token sent to a public page is not looked at, so it is no
 * failed authentication either.
 */
@QuarkusTest
@TestProfile(PublicRateLimitTest.Profile.class)
class PublicRateLimitTest {

    static final int CAPACITY = 5;
    static final int AUTH_FAILURES = 2;
    static final String NOTICE = "/public/v1/schools/100001/privacy-notice";
    static final String PUPILS = "/api/v1/schools/100001/pupils";

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "custodian.gateway.rate-limit.public.capacity", Integer.toString(CAPACITY),
                    "custodian.gateway.rate-limit.public.refill-per-second", "0.05",
                    "custodian.gateway.auth-failure-limit.capacity", Integer.toString(AUTH_FAILURES),
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
    void anAddressOverThePublicRateGets429WithRetryAfterAndOthersDoNot() {
        String client = "203.0.113.40";
        for (int i = 0; i < CAPACITY; i++) {
            Response allowed = from(client).get(NOTICE);
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(allowed.header("RateLimit-Limit")).isEqualTo(Integer.toString(CAPACITY));
            assertThat(Integer.parseInt(allowed.header("RateLimit-Remaining")))
                    .as("the requests left after request %d", i + 1)
                    .isEqualTo(CAPACITY - 1 - i);
        }
        Response refused = from(client).get(NOTICE);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("type")).isEqualTo("https://custodian.uk/problems/rate-limited");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 20);
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(refused.header("X-Request-Id")).isNotBlank();
        assertThat(refused.jsonPath().getString("service"))
                .as("no service saw it")
                .isNull();

        assertThat(from(client)
                        .get("/public/v1/schools/100001/retention-schedule")
                        .statusCode())
                .as("the whole of the public routes share the address's bucket")
                .isEqualTo(429);
        assertThat(from("203.0.113.41").get(NOTICE).statusCode())
                .as("another address has its own bucket")
                .isEqualTo(200);
        from(client)
                .header("Authorization", TestTokens.bearer("dpo", "100001"))
                .get("/api/v1/schools/100001/privacy-notice")
                .then()
                .statusCode(200);
    }

    /** A public page never looks at a token: it neither spends nor minds the address's failed authentications. */
    @Test
    void aStaleTokenOnAPublicPageIsNoFailedAuthentication() {
        String client = "203.0.113.50";
        String stale = "Bearer not-a-jwt";
        for (int i = 0; i < 2; i++) {
            from(client).header("Authorization", stale).get(NOTICE).then().statusCode(200);
        }
        for (int i = 0; i < AUTH_FAILURES; i++) {
            assertThat(from(client).header("Authorization", stale).get(PUPILS).statusCode())
                    .as("failure %d", i + 1)
                    .isEqualTo(401);
        }
        from(client).header("Authorization", stale).get(PUPILS).then().statusCode(429);
        from(client).header("Authorization", stale).get(NOTICE).then().statusCode(200);
    }

    private static RequestSpecification from(String client) {
        return given().header("X-Forwarded-For", client);
    }
}
