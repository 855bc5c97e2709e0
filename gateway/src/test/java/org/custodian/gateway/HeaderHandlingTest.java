package org.custodian.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.custodian.gateway.support.GatewayTestProfile;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class HeaderHandlingTest {

    static final String PUPILS = "/api/v1/schools/100001/pupils";
    static final String TOO_LONG = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
            + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0";

    @Test
    void theAuthorizationHeaderIsForwardedUnchanged() {
        String bearer = TestTokens.bearer("dpo", "100001");
        Response echo = given().header("Authorization", bearer).get(PUPILS);
        assertThat(echo.statusCode()).isEqualTo(200);
        assertThat(echo.jsonPath().getList("headers.authorization")).containsExactly(bearer);
    }

    @Test
    void aSaneRequestIdIsKeptEchoedAndForwarded() {
        Response echo = given().header("Authorization", TestTokens.bearer("dpo", "100001"))
                .header("X-Request-Id", "mis-42:sync.7_A")
                .get(PUPILS);
        assertThat(echo.headers().getValues("X-Request-Id")).containsExactly("mis-42:sync.7_A");
        assertThat(echo.jsonPath().getList("headers.'x-request-id'")).containsExactly("mis-42:sync.7_A");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has spaces", "<script>", TOO_LONG})
    void anInsaneOrMissingRequestIdIsReplacedByANewOne(String offered) {
        var request = given().header("Authorization", TestTokens.bearer("dpo", "100001"));
        if (!offered.isEmpty()) {
            request.header("X-Request-Id", offered);
        }
        Response echo = request.get(PUPILS);
        String id = echo.header("X-Request-Id");
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(echo.headers().getValues("X-Request-Id")).hasSize(1);
        assertThat(echo.jsonPath().getList("headers.'x-request-id'")).containsExactly(id);
    }

    @Test
    void requestIdsAreGivenToProblemsAndPublicEndpointsToo() {
        assertThat(given().header("X-Request-Id", "probe-1")
                        .get("/q/health/live")
                        .header("X-Request-Id"))
                .isEqualTo("probe-1");
        assertThat(given().get(PUPILS).header("X-Request-Id")).isNotBlank();
    }

    @Test
    void forwardingHeadersDescribeTheCallerAndClientOnesAreNotTrusted() {
        Response echo = given().header("Authorization", TestTokens.bearer("dpo", "100001"))
                .header("X-Forwarded-For", "6.6.6.6")
                .header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "for=6.6.6.6")
                .get(PUPILS);
        assertThat(echo.jsonPath().getList("headers.'x-forwarded-for'")).containsExactly("127.0.0.1");
        assertThat(echo.jsonPath().getList("headers.'x-forwarded-proto'")).containsExactly("http");
        assertThat(echo.jsonPath().getList("headers.'x-forwarded-host'"))
                .containsExactly("localhost:" + RestAssured.port);
        assertThat(echo.jsonPath().getMap("headers")).doesNotContainKey("forwarded");
    }

    @Test
    void hopByHopHeadersAreStrippedOnTheWayIn() {
        Response echo = given().header("Authorization", TestTokens.bearer("dpo", "100001"))
                .header("Connection", "keep-alive, X-Client-Hop")
                .header("X-Client-Hop", "leak")
                .header("Keep-Alive", "timeout=300")
                .header("Proxy-Authorization", "Basic Zm9vOmJhcg==")
                .header("Proxy-Connection", "keep-alive")
                .header("TE", "trailers")
                .header("Trailer", "X-Checksum")
                .header("X-Kept", "yes")
                .get(PUPILS);
        assertThat(echo.statusCode()).isEqualTo(200);
        assertThat(echo.jsonPath().getMap("headers"))
                .doesNotContainKeys(
                        "x-client-hop", "keep-alive", "proxy-authorization", "proxy-connection", "te", "trailer")
                .containsKey("x-kept");
        assertThat(echo.jsonPath().getList("headers.connection", String.class))
                .noneMatch(value -> value.toLowerCase().contains("x-client-hop"));
    }

    @Test
    void aWebSocketUpgradeIsNotTunnelledButForwardedAsPlainHttp() {
        Response echo = given().header("Authorization", TestTokens.bearer("dpo", "100001"))
                .header("Connection", "Upgrade")
                .header("Upgrade", "websocket")
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .header("Sec-WebSocket-Version", "13")
                .get(PUPILS);
        assertThat(echo.statusCode()).isEqualTo(200);
        assertThat(echo.jsonPath().getMap("headers")).doesNotContainKeys("upgrade", "connection");
    }

    @Test
    void hopByHopAndGatewayOwnedHeadersAreStrippedOnTheWayOut() {
        Response response = given().header("Authorization", TestTokens.bearer("dpo", "100001"))
                .header("X-Test-Hop", "please")
                .get(PUPILS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getString("service")).isEqualTo("consent");
        assertThat(response.headers().hasHeaderWithName("X-Secret-Hop")).isFalse();
        assertThat(response.headers().hasHeaderWithName("Keep-Alive")).isFalse();
        assertThat(response.headers().hasHeaderWithName("Proxy-Authenticate")).isFalse();
        assertThat(response.headers().hasHeaderWithName("Upgrade")).isFalse();
        assertThat(response.headers().getValues("Connection")).noneMatch(value -> value.contains("X-Secret-Hop"));
        assertThat(response.headers().hasHeaderWithName("Access-Control-Allow-Origin"))
                .isFalse();
        assertThat(response.headers().getValues("X-Request-Id")).hasSize(1).noneMatch(id -> id.startsWith("upstream-"));
    }

    /** Issue 16, finding 9: a 201 through the gateway says where the resource is by its public path. */
    @Test
    void aCreatedAnswerCarriesThePublicPathNotTheServicesAddress() {
        String purposes = "/api/v1/schools/100001/purposes";
        Response response = given().header("Authorization", TestTokens.bearer("dpo", "100001"))
                .header("X-Test-Created", "yes")
                .contentType("application/json")
                .body("{}")
                .post(purposes);
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.header("Location")).isEqualTo(purposes + "/new-1");
    }
}
