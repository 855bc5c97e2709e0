package org.custodian.testing.kernel;

import jakarta.inject.Inject;
import org.custodian.platform.security.ServiceTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;

@KernelTest
class ServiceTokensTest {

    @Inject
    ServiceTokens serviceTokens;

    @Test
    void aServiceTokenIsAcceptedForItsOneSchool() {
        given().header("Authorization", serviceTokens.authorizationFor("300401"))
                .get("/api/v1/schools/300401/probes").then().statusCode(200);
    }

    @Test
    void aServiceTokenDoesNotCoverAnotherSchool() {
        given().header("Authorization", serviceTokens.authorizationFor("300401"))
                .get("/api/v1/schools/300402/probes").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aServiceTokenIsNotAPersonsRole() {
        given().header("Authorization", serviceTokens.authorizationFor("300401"))
                .get("/api/v1/schools/300401/audit/kernel").then().statusCode(403);
    }
}
