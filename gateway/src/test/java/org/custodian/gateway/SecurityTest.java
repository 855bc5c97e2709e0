package org.custodian.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.util.List;
import org.custodian.gateway.support.GatewayTestProfile;
import org.custodian.testing.BadTokens;
import org.custodian.testing.TestTokens;
import org.custodian.tokens.VerifiedTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class SecurityTest {

    static final String SCHOOL = "100001";
    static final String PUPILS = "/api/v1/schools/" + SCHOOL + "/pupils";

    @ParameterizedTest
    @EnumSource(BadTokens.class)
    void everyBadTokenIsA401Problem(BadTokens bad) {
        given().header("Authorization", bad.bearer("dpo", SCHOOL))
                .get(PUPILS)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", is("https://custodian.uk/problems/unauthorized"))
                .body("title", is("Authentication required"))
                .body("status", is(401))
                .body("instance", is(PUPILS))
                .body("service", nullValue());
    }

    @Inject
    JWTParser parser;

    @Test
    void tokensAreVerifiedByTheParserThatRemembersThem() {
        // VerifiedTokensTest proves what it remembers and for how long; this proves the gateway uses it
        assertThat(parser).isInstanceOf(VerifiedTokens.class);
        String bearer = TestTokens.bearer("dpo", SCHOOL);
        given().header("Authorization", bearer).get(PUPILS).then().statusCode(200);
        given().header("Authorization", bearer).get(PUPILS).then().statusCode(200);
        given().header("Authorization", bearer + "x").get(PUPILS).then().statusCode(401);
    }

    @Test
    void noTokenIsA401ProblemWithAChallenge() {
        given().get(PUPILS)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", is(401))
                .body("detail", containsString("bearer token"));
    }

    @Test
    void otherSchemesAndQueryStringTokensAreNotAccepted() {
        given().header("Authorization", "Basic ZHBvOnNlY3JldA==")
                .get(PUPILS)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().queryParam("access_token", TestTokens.role("dpo").school(SCHOOL).mint())
                .get(PUPILS)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "parent,    recipients,                               403",
        "parent,    disclosures/D-1,                          403",
        "parent,    retention-schedule,                       403",
        "pupil,     legal-holds,                              403",
        "parent,    audit/consent,                            403",
        "pupil,     audit/requests,                           403",
        "staff,     audit/sharing,                            403",
        "mis,       audit/retention,                          403",
        "school-admin, audit/consent,                         403",
        "partner,   pupils,                                   403",
        "partner,   recipients/R-1,                           403",
        "partner,   agreements,                               403",
        "partner,   '',                                       403",
        "parent,    roster-sync,                              403",
        "parent,    pupils/P-1/consents,                      200",
        "pupil,     requests,                                 200",
        "partner,   recipients/R-1/webhook-endpoints,         200",
        "partner,   recipients/R-1/webhook-endpoints/W-1/deliveries, 200",
        "partner,   partner-actions/A-1,                      200",
        "auditor,   audit/consent,                            200",
        "dpo,       audit/retention,                          200",
        "mis,       roster-sync,                              200",
        "staff,     sharing-checks,                           200",
        "parent,    privacy-notice,                           200",
        "pupil,     privacy-notice/versions/2,                200",
        "staff,     privacy-notice/draft,                     200",
        "mis,       privacy-notice,                           200",
        "partner,   privacy-notice,                           403",
        "parent,    ropa,                                     403",
        "pupil,     ropa.csv,                                 403",
        "staff,     ropa/activities,                          403",
        "mis,       ropa.csv,                                 403",
        "school-admin, ropa,                                  200",
        "auditor,   ropa.csv,                                 200",
        "parent,    ropa.pdf,                                 403",
        "auditor,   ropa.pdf,                                 200",
        "dpo,       ropa/activities/A-1,                      200",
        "school-admin, audit/accountability,                  403",
        "auditor,   audit/accountability,                     200",
    })
    void coarseRoleRules(String role, String resource, int status) {
        String path = resource.isEmpty() ? "/api/v1/schools/" + SCHOOL : PUPILS.replace("pupils", resource);
        var then = given().header("Authorization", TestTokens.bearer(role, SCHOOL))
                .get(path)
                .then()
                .statusCode(status);
        if (status == 403) {
            then.contentType("application/problem+json")
                    .body("type", is("https://custodian.uk/problems/forbidden"))
                    .body("title", is("Forbidden"))
                    .body("detail", containsString("role"));
        }
    }

    @Test
    void aSchoolNotInTheTokenIsA403Problem() {
        given().header("Authorization", TestTokens.bearer("dpo", "999999"))
                .get(PUPILS)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", is(403))
                .body("detail", containsString(SCHOOL));
        given().header(
                        "Authorization",
                        "Bearer " + TestTokens.role("dpo").noSchools().mint())
                .get(PUPILS)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    /**
     * Issue 17: a partner's own reads across schools (/api/v1/partners/me/…) need no school in the token, and only a
     * partner reaches them; a partner token without a school reaches nothing under /schools.
     */
    @Test
    void aPartnerTokenWithoutASchoolReachesThePartnerScopedPathsOnly() {
        String partner = "Bearer "
                + TestTokens.role("partner")
                        .noSchools()
                        .partnerId("acme-learning")
                        .mint();
        for (String path : List.of(
                "/api/v1/partners/me/actions", "/api/v1/partners/me/deliveries", "/api/v1/partners/me/recipients")) {
            given().header("Authorization", partner)
                    .get(path + "?status=OPEN")
                    .then()
                    .statusCode(200)
                    .body("service", is("sharing"))
                    .body("path", is(path))
                    .body("query", is("status=OPEN"));
        }
        for (String resource :
                List.of("partner-actions", "partner-actions/A-1", "recipients/R-1/webhook-endpoints", "pupils")) {
            given().header("Authorization", partner)
                    .get("/api/v1/schools/" + SCHOOL + "/" + resource)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("detail", containsString(SCHOOL))
                    .body("service", nullValue());
        }
        given().header("Authorization", partner)
                .get("/api/v1/partners/acme-learning/actions")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", partner).get("/api/v1/partners").then().statusCode(404);
        for (String role : List.of("dpo", "school-admin", "staff", "parent", "pupil", "mis", "auditor")) {
            given().header(
                            "Authorization",
                            "Bearer " + TestTokens.role(role).school(SCHOOL).mint())
                    .get("/api/v1/partners/me/actions")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("detail", containsString("role"))
                    .body("service", nullValue());
        }
        given().get("/api/v1/partners/me/actions").then().statusCode(401);
    }

    /**
     * A trust's view asks the token for no school (accountability-service checks the trust's schools against it) and
     * is the DPO's and the auditor's.
     */
    @Test
    void aTrustsViewIsTheDposAndTheAuditorsWhateverTheirSchools() {
        String overview = "/api/v1/trusts/T-1/overview";
        for (String role : List.of("dpo", "auditor")) {
            for (var token : List.of(
                    TestTokens.role(role).noSchools(), TestTokens.role(role).school("100001", "100002"))) {
                given().header("Authorization", "Bearer " + token.mint())
                        .get(overview)
                        .then()
                        .statusCode(200)
                        .body("service", is("accountability"));
            }
        }
        for (String role : List.of("school-admin", "staff", "safeguarding-lead", "parent", "pupil", "mis", "partner")) {
            given().header(
                            "Authorization",
                            "Bearer " + TestTokens.role(role).school(SCHOOL).mint())
                    .get(overview)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("detail", containsString("role"))
                    .body("service", nullValue());
        }
        given().get(overview).then().statusCode(401);
    }

    @Test
    void aTokenForSeveralSchoolsReachesEach() {
        String bearer =
                "Bearer " + TestTokens.role("dpo").school("100001", "100002").mint();
        given().header("Authorization", bearer).get(PUPILS).then().statusCode(200);
        given().header("Authorization", bearer)
                .get("/api/v1/schools/100002/pupils")
                .then()
                .statusCode(200);
        given().header("Authorization", bearer)
                .get("/api/v1/schools/100003/pupils")
                .then()
                .statusCode(403);
    }

    @Test
    void anUnknownRoleReachesNothing() {
        given().header("Authorization", TestTokens.bearer("janitor", SCHOOL))
                .get(PUPILS)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }
}
