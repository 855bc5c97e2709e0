package org.custodian.testing.kernel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.is;

import jakarta.inject.Inject;
import java.security.PublicKey;
import org.custodian.platform.security.ServiceTokens;
import org.custodian.testing.TestKeys;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

@KernelTest
class ServiceTokensTest {

    @Inject
    ServiceTokens serviceTokens;

    @Test
    void aServiceTokenReachesAnInternalRouteForItsOneSchool() {
        given().header("Authorization", serviceTokens.authorizationFor("300401"))
                .get("/internal/v1/schools/300401/probes")
                .then()
                .statusCode(200)
                .body("role", is("service"))
                .body("subject", is("service:kernel-test"));
    }

    @Test
    void aServiceTokenDoesNotCoverAnotherSchool() {
        given().header("Authorization", serviceTokens.authorizationFor("300401"))
                .get("/internal/v1/schools/300402/probes")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    /** The probe list's @RolesAllowed names the role service: the kernel refuses the token outside /internal anyway. */
    @Test
    void aServiceTokenIsRefusedOutsideTheInternalRoutesWhateverTheOperationAllows() {
        given().header("Authorization", serviceTokens.authorizationFor("300401"))
                .get("/api/v1/schools/300401/probes")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", is("a service token is accepted on internal routes only"));
    }

    @Test
    void aServiceTokenIsNotAPersonsRole() {
        given().header("Authorization", serviceTokens.authorizationFor("300401"))
                .get("/api/v1/schools/300401/audit/kernel")
                .then()
                .statusCode(403);
    }

    /** Issue 16, finding 5: the service-token key, issuer and audience are not the identity provider's. */
    @Test
    void aServiceTokenIsSignedWithTheServiceKeyForItsOwnIssuerAndAudience() throws Exception {
        String token = serviceTokens.forSchool("300401");
        JwtClaims claims = verifier(TestKeys.serviceVerificationKey()).processToClaims(token);
        assertThat(claims.getIssuer()).isEqualTo(TestKeys.SERVICE_ISSUER);
        assertThat(claims.getAudience()).containsExactly(TestKeys.SERVICE_AUDIENCE);
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("service");
        assertThat(claims.getStringListClaimValue("schools")).containsExactly("300401");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue())
                .isLessThanOrEqualTo(60);
        assertThatThrownBy(() -> verifier(TestKeys.verificationKey()).processToClaims(token))
                .as("the identity provider's key does not verify it")
                .isInstanceOf(InvalidJwtException.class);
    }

    private static org.jose4j.jwt.consumer.JwtConsumer verifier(PublicKey key) {
        return new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setSkipDefaultAudienceValidation()
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
    }
}
