package org.custodian.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.custodian.gateway.support.FakeUpstreams;
import org.custodian.testing.AccessMatrix;
import org.custodian.testing.AnswerHeaders;
import org.custodian.testing.BadTokens;
import org.custodian.testing.KafkaResource;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every operation of every service, as the access matrix (security/access-matrix.csv) lists them, through the gateway
 * in front of five live fake services that echo what reaches them: each goes to its own service, every role the
 * matrix allows gets through, every bad token (among them a person's token claiming the role service), a missing
 * token, a genuine service token and another school's token stop at the gateway (401, 401, 401, 403) and never reach
 * a service.
 */
@QuarkusTest
@TestProfile(EveryOperationThroughTheGatewayTest.Unlimited.class)
class EveryOperationThroughTheGatewayTest {

    static final String SCHOOL = "100001";
    static final String OTHER_SCHOOL = "100002";

    /** The shipped rules without the rate limits, so that the thousands of calls here are not throttled. */
    public static class Unlimited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "custodian.gateway.rate-limit.enabled",
                    "false",
                    "custodian.gateway.auth-failure-limit.enabled",
                    "false");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeUpstreams.class), new TestResourceEntry(KafkaResource.class));
        }
    }

    /** The operations the gateway serves: everything under /api/. */
    static List<AccessMatrix.Row> operations() {
        List<AccessMatrix.Row> rows = AccessMatrix.all().stream()
                .filter(op -> op.path().startsWith("/api/"))
                .toList();
        assertThat(rows)
                .as("the access matrix lists the services' public operations")
                .hasSizeGreaterThan(50);
        return rows;
    }

    /** The services' internal operations (service tokens only): never reachable through the gateway. */
    static List<AccessMatrix.Row> internalOperations() {
        return AccessMatrix.all().stream()
                .filter(op -> !op.path().startsWith("/api/"))
                .toList();
    }

    /** A concrete path: the school's URN and a fixture for every other parameter. */
    static String concrete(String path, String school) {
        return path.replace("{urn}", school).replaceAll("\\{[^}]+}", "FIXTURE-1");
    }

    static Response call(AccessMatrix.Row op, String authorization, String school) {
        var request = given().redirects().follow(false);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (!op.method().equals("GET") && !op.method().equals("DELETE")) {
            request.contentType("application/json").body("{}");
        }
        return request.request(op.method(), concrete(op.path(), school));
    }

    @TestFactory
    Stream<DynamicTest> everyAllowedRoleReachesTheOperationsOwnService() {
        return operations().stream()
                .map(op -> DynamicTest.dynamicTest(op.service() + " " + op.key(), () -> {
                    List<String> allowed = AccessMatrix.ROLES.stream()
                            .filter(op.allowed()::get)
                            .toList();
                    for (String role : allowed) {
                        Response response = call(
                                op,
                                "Bearer " + TestTokens.role(role).school(SCHOOL).mint(),
                                SCHOOL);
                        assertThat(response.statusCode())
                                .as("%s as %s", op.key(), role)
                                .isEqualTo(200);
                        assertThat(response.jsonPath().getString("service"))
                                .as("%s as %s", op.key(), role)
                                .isEqualTo(op.service());
                        assertThat(response.jsonPath().getString("method")).isEqualTo(op.method());
                        assertThat(response.jsonPath().getString("path")).isEqualTo(concrete(op.path(), SCHOOL));
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> noInternalOperationIsReachableThroughTheGateway() {
        assertThat(internalOperations())
                .as("each service's subject export is internal")
                .hasSizeGreaterThanOrEqualTo(4);
        return internalOperations().stream()
                .map(op -> DynamicTest.dynamicTest(op.service() + " " + op.key(), () -> {
                    Map<String, String> callers = new LinkedHashMap<>();
                    callers.put(
                            "dpo",
                            "Bearer " + TestTokens.role("dpo").school(SCHOOL).mint());
                    callers.put(
                            "mis",
                            "Bearer " + TestTokens.role("mis").school(SCHOOL).mint());
                    callers.put(
                            "service token",
                            "Bearer " + TestTokens.service().school(SCHOOL).mint());
                    for (var caller : callers.entrySet()) {
                        Response response = call(op, caller.getValue(), SCHOOL);
                        // no route for anyone; the service token is refused before that, as everywhere at the gateway
                        int expected = caller.getKey().equals("service token") ? 401 : 404;
                        assertThat(response.statusCode())
                                .as("%s as %s", op.key(), caller.getKey())
                                .isEqualTo(expected);
                        assertThat(response.jsonPath().getString("service"))
                                .as("no service saw it")
                                .isNull();
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyBadTokenIsRefusedAtTheGatewayOnEveryOperation() {
        return operations().stream()
                .map(op -> DynamicTest.dynamicTest(op.service() + " " + op.key(), () -> {
                    String role = op.anAllowedRole().orElse("dpo");
                    Map<String, String> authorizations = new LinkedHashMap<>();
                    authorizations.put("no token", null);
                    for (BadTokens bad : BadTokens.values()) {
                        authorizations.put(bad.name(), bad.bearer(role, SCHOOL));
                    }
                    for (var authorization : authorizations.entrySet()) {
                        Response response = call(op, authorization.getValue(), SCHOOL);
                        assertThat(response.statusCode())
                                .as("%s with %s", op.key(), authorization.getKey())
                                .isEqualTo(401);
                        assertThat(response.contentType()).startsWith("application/problem+json");
                        assertThat(response.jsonPath().getString("service"))
                                .as("no service saw it")
                                .isNull();
                    }
                }));
    }

    /** Issue 16, finding 5: the gateway never trusts the service-token key, whatever the token says. */
    @TestFactory
    Stream<DynamicTest> aServiceTokenIsRefusedAtTheGatewayOnEveryOperation() {
        String bearer = "Bearer " + TestTokens.service().school(SCHOOL).mint();
        return operations().stream()
                .map(op -> DynamicTest.dynamicTest(op.service() + " " + op.key(), () -> {
                    Response response = call(op, bearer, SCHOOL);
                    assertThat(response.statusCode())
                            .as("%s with a service token", op.key())
                            .isEqualTo(401);
                    assertThat(response.contentType()).startsWith("application/problem+json");
                    assertThat(response.jsonPath().getString("service"))
                            .as("no service saw it")
                            .isNull();
                }));
    }

    @TestFactory
    Stream<DynamicTest> anotherSchoolsTokenIsRefusedAtTheGatewayOnEveryOperationOfASchool() {
        return operations().stream()
                .filter(op -> op.path().contains("{urn}"))
                .map(op -> DynamicTest.dynamicTest(op.service() + " " + op.key(), () -> {
                    String role = op.anAllowedRole().orElse("dpo");
                    Response response = call(
                            op,
                            "Bearer "
                                    + TestTokens.role(role).school(OTHER_SCHOOL).mint(),
                            SCHOOL);
                    assertThat(response.statusCode())
                            .as("%s as %s of school %s", op.key(), role, OTHER_SCHOOL)
                            .isEqualTo(403);
                    assertThat(response.contentType()).startsWith("application/problem+json");
                    assertThat(response.jsonPath().getString("service"))
                            .as("no service saw it")
                            .isNull();
                }));
    }

    /**
     * Issue 16, finding 14: every answer through the gateway, a service's (the fake services set neither header) or
     * the gateway's own refusal (401, 403, 404), says {@code Cache-Control: no-store} and
     * {@code X-Content-Type-Options: nosniff}; the public health check says nosniff too.
     */
    @TestFactory
    Stream<DynamicTest> everyAnswerIsNotToBeStoredOrSniffed() {
        Stream<DynamicTest> perOperation = operations().stream()
                .map(op -> DynamicTest.dynamicTest(op.service() + " " + op.key(), () -> {
                    String role = op.anAllowedRole().orElse("dpo");
                    Map<String, String> callers = new LinkedHashMap<>();
                    callers.put(
                            "allowed",
                            "Bearer " + TestTokens.role(role).school(SCHOOL).mint());
                    callers.put("no token", null);
                    callers.put(
                            "another school",
                            "Bearer "
                                    + TestTokens.role(role).school(OTHER_SCHOOL).mint());
                    for (var caller : callers.entrySet()) {
                        Response response = call(op, caller.getValue(), SCHOOL);
                        String what = op.key() + " " + caller.getKey() + " (" + response.statusCode() + ")";
                        AnswerHeaders.assertNotStoredOrSniffed(response, what);
                    }
                }));
        Stream<DynamicTest> elsewhere = Stream.of(
                DynamicTest.dynamicTest("an unknown path", () -> {
                    Response response = given().header(
                                    "Authorization",
                                    "Bearer "
                                            + TestTokens.role("dpo")
                                                    .school(SCHOOL)
                                                    .mint())
                            .get("/api/v1/schools/" + SCHOOL + "/no-such-thing");
                    assertThat(response.statusCode()).isEqualTo(404);
                    AnswerHeaders.assertNotStoredOrSniffed(response, "an unknown path");
                }),
                DynamicTest.dynamicTest("the health check", () -> {
                    AnswerHeaders.assertNotSniffed(given().get("/q/health/live"), "the health check");
                }));
        return Stream.concat(perOperation, elsewhere);
    }
}
