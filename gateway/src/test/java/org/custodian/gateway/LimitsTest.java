package org.custodian.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.custodian.gateway.support.GatewayTestProfile;
import org.custodian.gateway.support.RawHttp;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class LimitsTest {

    static final String SCHOOL = "100001";
    static final String BASE = "/api/v1/schools/" + SCHOOL;
    static final byte[] OVER_A_MEGABYTE = filled(1_500_000);

    @Test
    void aCallerOverItsRateGets429WithRetryAfterAndOthersDoNot() {
        String bearer = "Bearer "
                + TestTokens.role("mis")
                        .school(SCHOOL)
                        .subject("mis-" + UUID.randomUUID())
                        .mint();
        for (int i = 0; i < GatewayTestProfile.RATE_CAPACITY; i++) {
            Response allowed = given().header("Authorization", bearer).get(BASE + "/purposes");
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(allowed.header("RateLimit-Limit")).isEqualTo(Integer.toString(GatewayTestProfile.RATE_CAPACITY));
            assertThat(Integer.parseInt(allowed.header("RateLimit-Remaining")))
                    .as("the requests left after request %d", i + 1)
                    .isEqualTo(GatewayTestProfile.RATE_CAPACITY - 1 - i);
            assertThat(Integer.parseInt(allowed.header("RateLimit-Reset"))).isPositive();
        }
        Response refused = given().header("Authorization", bearer).get(BASE + "/purposes");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.header("RateLimit-Limit")).isEqualTo(Integer.toString(GatewayTestProfile.RATE_CAPACITY));
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("type")).isEqualTo("https://custodian.uk/problems/rate-limited");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 5);

        given().header("Authorization", TestTokens.bearer("mis", SCHOOL))
                .get(BASE + "/purposes")
                .then()
                .statusCode(200);
    }

    @Test
    void aBodyOverTheLimitIs413WhetherDeclaredOrChunked() throws Exception {
        postWithLength(BASE + "/pupils")
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", is("https://custodian.uk/problems/payload-too-large"))
                .body("detail", containsString("1048576 bytes"));
        HttpResponse<String> chunked = postChunked(BASE + "/pupils");
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(chunked.body()).contains("payload-too-large").doesNotContain("\"service\"");
        given().header("Authorization", TestTokens.bearer("dpo", SCHOOL))
                .get(BASE + "/pupils")
                .then()
                .statusCode(200);
    }

    @Test
    void bodiesWithinTheLimitArriveWhole() throws Exception {
        postWithLength(BASE + "/requests/R-1/documents")
                .statusCode(200)
                .body("service", is("sar"))
                .body("bodyLength", is(OVER_A_MEGABYTE.length));
        HttpResponse<String> upload = postChunked(BASE + "/requests/R-1/documents");
        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(JsonPath.from(upload.body()).getInt("bodyLength")).isEqualTo(OVER_A_MEGABYTE.length);
        assertThat(JsonPath.from(upload.body()).getList("headers.'transfer-encoding'"))
                .containsExactly("chunked");

        String roster = "{\"pupils\":[" + "\"P\",".repeat(2000) + "\"P\"]}";
        HttpResponse<String> sync = RawHttp.postChunked(
                BASE + "/roster-sync", TestTokens.bearer("mis", SCHOOL), roster.getBytes(StandardCharsets.UTF_8));
        assertThat(sync.statusCode()).isEqualTo(200);
        assertThat(JsonPath.from(sync.body()).getString("body")).isEqualTo(roster);
    }

    @Test
    void aSlowUpstreamIsA504Problem() {
        given().header("Authorization", TestTokens.bearer("dpo", SCHOOL))
                .header("X-Test-Delay-Ms", "4000")
                .get(BASE + "/holdings")
                .then()
                .statusCode(504)
                .contentType("application/problem+json")
                .body("type", is("https://custodian.uk/problems/gateway-timeout"))
                .body("detail", containsString("retention"));
    }

    /** Posts {@link #OVER_A_MEGABYTE} with its Content-Length, as a DPO. */
    private static ValidatableResponse postWithLength(String path) {
        return given().header("Authorization", TestTokens.bearer("dpo", SCHOOL))
                .contentType("application/octet-stream")
                .body(OVER_A_MEGABYTE)
                .post(path)
                .then();
    }

    /** Posts {@link #OVER_A_MEGABYTE} chunked, its length unknown up front, as a DPO. */
    private static HttpResponse<String> postChunked(String path) throws Exception {
        return RawHttp.postChunked(path, TestTokens.bearer("dpo", SCHOOL), OVER_A_MEGABYTE);
    }

    private static byte[] filled(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        return bytes;
    }
}
