package org.custodian.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.gateway.support.FakeUpstreams;
import org.custodian.gateway.support.GatewayTestProfile;
import org.custodian.gateway.support.RawHttp;
import org.custodian.testing.AnswerHeaders;
import org.custodian.testing.BadTokens;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The public routes, /public/v1/schools/{urn}/…: anyone reads them without a token, whatever a browser or a crawler
 * sends along, and the service behind never sees the caller's credentials. Their limit per address is tested on its
 * own (PublicRateLimitTest).
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class PublicRoutesTest {

    static final String SCHOOL = "100001";
    static final String BASE = "/public/v1/schools/" + SCHOOL;
    static final String NOTICE = BASE + "/privacy-notice";

    @Test
    void eachPublicResourceReachesAccountabilityWithoutAToken() {
        for (String resource : FakeUpstreams.PUBLIC_RESOURCES.get("accountability")) {
            given().queryParam("format", "summary")
                    .get(BASE + "/" + resource + "/2026")
                    .then()
                    .statusCode(200)
                    .body("service", is("accountability"))
                    .body("method", is("GET"))
                    .body("path", is(BASE + "/" + resource + "/2026"))
                    .body("query", is("format=summary"));
        }
    }

    /** A browser or a crawler never gets a 401 for what it sends along, and the service never sees it. */
    @Test
    void anyTokenOrCookieSentAlongIsIgnoredAndNotPassedOn() {
        Map<String, String> authorizations = new LinkedHashMap<>();
        for (BadTokens bad : BadTokens.values()) {
            authorizations.put(bad.name(), bad.bearer("parent", SCHOOL));
        }
        authorizations.put("a valid token", TestTokens.bearer("dpo", SCHOOL));
        authorizations.put("another scheme", "Basic ZHBvOnNlY3JldA==");
        authorizations.put("garbage", "Bearer");
        for (var authorization : authorizations.entrySet()) {
            Response response = given().header("Authorization", authorization.getValue())
                    .header("Cookie", "session=abc; theme=dark")
                    .get(NOTICE);
            assertThat(response.statusCode()).as(authorization.getKey()).isEqualTo(200);
            assertThat(response.headers().hasHeaderWithName("WWW-Authenticate"))
                    .as(authorization.getKey())
                    .isFalse();
            assertThat(response.jsonPath().getString("service")).isEqualTo("accountability");
            assertThat(response.jsonPath().getMap("headers"))
                    .as(authorization.getKey())
                    .doesNotContainKeys("authorization", "cookie");
        }
    }

    @Test
    void headAnswersLikeGet() {
        Response head = given().head(NOTICE);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.header("ETag")).isEqualTo(FakeUpstreams.PUBLIC_ETAG);
        assertThat(head.asString()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
    void anythingButReadingIsA405ProblemThatNamesTheMethodsAllowed(String method) {
        Response response = given().header("Authorization", TestTokens.bearer("dpo", SCHOOL))
                .contentType("application/json")
                .body("{}")
                .request(method, NOTICE);
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.header("Allow")).isEqualTo("GET, HEAD");
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo("https://custodian.uk/problems/method-not-allowed");
        assertThat(response.jsonPath().getString("service"))
                .as("no service saw it")
                .isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10001", "1000011", "abcdef", "10000a"})
    void aMalformedUrnIsA404Problem(String urn) {
        given().get("/public/v1/schools/" + urn + "/privacy-notice")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", is("https://custodian.uk/problems/not-found"))
                .body("detail", containsString(urn))
                .body("service", nullValue());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                BASE + "/pupils",
                BASE + "/ropa",
                BASE + "/ropa.csv",
                BASE + "/audit/accountability",
                BASE,
                "/public/v1/schools",
                "/public/v2/schools/100001/privacy-notice",
                "/public/anything",
                "/public"
            })
    void anythingElseUnderPublicIsA404ProblemWhateverTheTokenSays(String path) {
        for (String authorization : List.of("Bearer not-a-jwt", TestTokens.bearer("dpo", SCHOOL))) {
            given().header("Authorization", authorization)
                    .get(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("status", is(404))
                    .body("instance", is(path))
                    .body("service", nullValue());
        }
    }

    @Test
    void dotSegmentsCannotLeaveThePublicRoutes() throws Exception {
        HttpResponse<String> escaped = RawHttp.get(
                NOTICE + "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/api/v1/schools/" + SCHOOL + "/pupils",
                "Bearer not-a-jwt");
        assertThat(escaped.statusCode())
                .as("an API path, which needs a valid token")
                .isEqualTo(401);
        assertThat(escaped.body()).doesNotContain("\"service\"");
    }

    /** The service's validators and caching reach the browser, and its conditional requests reach the service. */
    @Test
    void aDocumentsTagCachingAndTypePassThroughAndA304ComesBack() {
        Response first = given().header("Accept", "application/json").get(NOTICE);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo(FakeUpstreams.PUBLIC_ETAG);
        assertThat(first.header("Cache-Control")).isEqualTo(FakeUpstreams.PUBLIC_CACHE_CONTROL);
        assertThat(first.contentType()).startsWith("application/json");
        assertThat(first.jsonPath().getList("headers.accept")).containsExactly("application/json");

        Response again =
                given().header("If-None-Match", FakeUpstreams.PUBLIC_ETAG).get(NOTICE);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.header("ETag")).isEqualTo(FakeUpstreams.PUBLIC_ETAG);
        assertThat(again.asString()).isEmpty();

        assertThat(given().header("If-None-Match", "\"stale\"").get(NOTICE).statusCode())
                .isEqualTo(200);

        for (String type : FakeUpstreams.PUBLIC_TYPES) {
            Response typed = given().header("Accept", type).get(NOTICE);
            assertThat(typed.statusCode()).as(type).isEqualTo(200);
            assertThat(typed.contentType()).as(type).startsWith(type);
            assertThat(JsonPath.from(typed.asString()).getList("headers.accept"))
                    .as(type)
                    .containsExactly(type);
        }
    }

    @Test
    void theUsualHeadersAndRequestIdApply() {
        Response response = given().header("X-Request-Id", "crawler-7").get(NOTICE);
        assertThat(response.statusCode()).isEqualTo(200);
        AnswerHeaders.assertNotSniffed(response, "a public document");
        assertThat(response.headers().getValues("X-Request-Id")).containsExactly("crawler-7");
        assertThat(response.jsonPath().getList("headers.'x-request-id'")).containsExactly("crawler-7");
        assertThat(response.jsonPath().getList("headers.'x-forwarded-for'")).containsExactly("127.0.0.1");

        Response problem = given().get(BASE + "/pupils");
        assertThat(problem.header("X-Request-Id")).isNotBlank();
        AnswerHeaders.assertNotSniffed(problem, "a public 404");
    }

    /** A school's web site may show its notice: any origin reads a public resource, never with credentials. */
    @Test
    void anyOriginMayReadAPublicResource() {
        Response response =
                given().header("Origin", "https://www.some-school.example").get(NOTICE);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().getValues("Access-Control-Allow-Origin")).containsExactly("*");
        assertThat(response.headers().hasHeaderWithName("Access-Control-Allow-Credentials"))
                .isFalse();
        assertThat(response.header("Access-Control-Expose-Headers")).contains("ETag");

        Response preflight = given().header("Origin", "https://www.some-school.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "if-none-match")
                .options(NOTICE);
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("GET, HEAD");
        assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("if-none-match");

        assertThat(given().header("Origin", "https://www.some-school.example")
                        .get(BASE + "/no-such-thing")
                        .header("Access-Control-Allow-Origin"))
                .as("its problems too")
                .isEqualTo("*");

        Response api = given().header("Origin", "https://www.some-school.example")
                .header("Authorization", TestTokens.bearer("dpo", SCHOOL))
                .get("/api/v1/schools/" + SCHOOL + "/privacy-notice");
        assertThat(api.statusCode()).as("the API keeps to its own origins").isEqualTo(403);
        assertThat(api.headers().hasHeaderWithName("Access-Control-Allow-Origin"))
                .isFalse();
    }

    @Test
    void aBodyIsNotWhatAReaderSends() {
        given().contentType("application/json")
                .body("{\"x\":1}")
                .request("GET", NOTICE)
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
    }
}
