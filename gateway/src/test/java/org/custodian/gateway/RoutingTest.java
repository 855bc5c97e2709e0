package org.custodian.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.custodian.gateway.support.FakeUpstreams;
import org.custodian.gateway.support.GatewayTestProfile;
import org.custodian.gateway.support.RawHttp;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class RoutingTest {

    static final String SCHOOL = "100001";
    static final String BASE = "/api/v1/schools/" + SCHOOL;

    static Stream<Arguments> resources() {
        return FakeUpstreams.resourceServices().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("resources")
    void eachResourceReachesItsService(String resource, String service) {
        given().header("Authorization", TestTokens.bearer("dpo", SCHOOL))
                .queryParam("limit", 5)
                .queryParam("cursor", "a/b")
                .get(BASE + "/" + resource + "/X-1/children")
                .then()
                .statusCode(200)
                .body("service", is(service))
                .body("method", is("GET"))
                .body("path", is(BASE + "/" + resource + "/X-1/children"))
                .body("query", is("limit=5&cursor=a%2Fb"));
    }

    @Test
    void theSchoolProfileAndMeGoToConsent() {
        given().header("Authorization", TestTokens.bearer("staff", SCHOOL))
                .get(BASE)
                .then()
                .statusCode(200)
                .body("service", is("consent"))
                .body("path", is(BASE));
        given().header(
                        "Authorization",
                        "Bearer " + TestTokens.role("parent").noSchools().mint())
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("service", is("consent"))
                .body("path", is("/api/v1/me"));
    }

    @ParameterizedTest(name = "audit/{0} -> {1}")
    @CsvSource({
        "consent,consent",
        "requests,sar",
        "sharing,sharing",
        "retention,retention",
        "accountability,accountability"
    })
    void auditLogsGoByTheirLastSegment(String log, String service) {
        given().header("Authorization", TestTokens.bearer("auditor", SCHOOL))
                .get(BASE + "/audit/" + log)
                .then()
                .statusCode(200)
                .body("service", is(service));
        given().header("Authorization", TestTokens.bearer("dpo", SCHOOL))
                .get(BASE + "/audit/" + log + "/verification")
                .then()
                .statusCode(200)
                .body("service", is(service))
                .body("path", is(BASE + "/audit/" + log + "/verification"));
    }

    @Test
    void theRecordOfProcessingAsCsvGoesToAccountability() {
        given().header("Authorization", TestTokens.bearer("school-admin", SCHOOL))
                .header("Accept", "text/csv")
                .get(BASE + "/ropa.csv")
                .then()
                .statusCode(200)
                .body("service", is("accountability"))
                .body("path", is(BASE + "/ropa.csv"))
                .body("headers.accept[0]", is("text/csv"));
    }

    @Test
    void aTrustsViewGoesToAccountabilityUnderNoSchool() {
        String dpo = "Bearer " + TestTokens.role("dpo").noSchools().mint();
        for (String path : List.of("/api/v1/trusts", "/api/v1/trusts/T-1/overview", "/api/v1/trusts/T-1/schools")) {
            given().header("Authorization", dpo)
                    .queryParam("limit", 5)
                    .get(path)
                    .then()
                    .statusCode(200)
                    .body("service", is("accountability"))
                    .body("path", is(path))
                    .body("query", is("limit=5"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/audit", "/audit/everything", "/no-such-thing", "/pupilsx", "/ropa.json"})
    void unknownResourcesAre404Problems(String resource) {
        given().header("Authorization", TestTokens.bearer("dpo", SCHOOL))
                .get(BASE + resource)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", is("https://custodian.uk/problems/not-found"))
                .body("status", is(404))
                .body("instance", is(BASE + resource));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10001", "1000011", "abcdef", "10000a"})
    void aMalformedUrnIsA400Problem(String urn) {
        given().header("Authorization", TestTokens.bearer("dpo", urn))
                .get("/api/v1/schools/" + urn + "/pupils")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("https://custodian.uk/problems/bad-request"))
                .body("title", is("Bad request"));
    }

    @Test
    void internalPathsAreNeverRouted() throws Exception {
        given().header("Authorization", TestTokens.bearer("dpo", SCHOOL))
                .get("/internal/v1/schools/" + SCHOOL + "/subjects/P-1")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", is(404));
        HttpResponse<String> sneaky = raw(
                BASE + "/pupils/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/internal/v1/schools/" + SCHOOL + "/subjects/P-1");
        assertThat(sneaky.statusCode()).isEqualTo(404);
        assertThat(sneaky.body()).doesNotContain("\"service\"");
    }

    @Test
    void dotSegmentsAreResolvedBeforeRoutingAndRules() throws Exception {
        HttpResponse<String> resolved = raw(BASE + "/pupils/%2e%2e/recipients");
        assertThat(resolved.statusCode()).isEqualTo(403);
        assertThat(resolved.body()).contains("forbidden");
    }

    @Test
    void methodBodyAndContentTypeArriveUnchanged() {
        String body = "{\"name\":\"Año 7 — consent\",\"n\":1}";
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            given().header("Authorization", TestTokens.bearer("dpo", SCHOOL))
                    .contentType("application/json; charset=UTF-8")
                    .body(body)
                    .request(method, BASE + "/purposes/P-1")
                    .then()
                    .statusCode(200)
                    .body("method", is(method))
                    .body("body", is(body))
                    .body("headers.'content-type'[0]", is("application/json; charset=UTF-8"));
        }
        given().header("Authorization", TestTokens.bearer("dpo", SCHOOL))
                .get(BASE + "/purposes")
                .then()
                .statusCode(200)
                .body("query", nullValue())
                .body("bodyLength", is(0));
    }

    private static HttpResponse<String> raw(String path) throws Exception {
        return RawHttp.get(path, TestTokens.bearer("parent", SCHOOL));
    }
}
