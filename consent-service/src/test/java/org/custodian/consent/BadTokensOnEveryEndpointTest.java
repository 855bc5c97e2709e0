package org.custodian.consent;

import org.custodian.testing.BadTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

/** Every bad token of the test kit is refused with a 401 problem on every operation this service serves. */
@ConsentTest
class BadTokensOnEveryEndpointTest {

    private static final String[][] OPERATIONS = {
            {"GET", "/api/v1/me"},
            {"GET", "/api/v1/schools/100001"},
            {"PUT", "/api/v1/schools/100001"},
            {"GET", "/api/v1/schools/100001/pupils"},
            {"GET", "/api/v1/schools/100001/pupils/P1"},
            {"PUT", "/api/v1/schools/100001/pupils/P1"},
            {"GET", "/api/v1/schools/100001/guardians"},
            {"GET", "/api/v1/schools/100001/guardians/G1"},
            {"PUT", "/api/v1/schools/100001/guardians/G1"},
            {"POST", "/api/v1/schools/100001/roster-sync"},
            {"GET", "/api/v1/schools/100001/purposes"},
            {"GET", "/api/v1/schools/100001/purposes/PHOTO_PRESS"},
            {"POST", "/api/v1/schools/100001/purposes"},
            {"POST", "/api/v1/schools/100001/purposes/PHOTO_PRESS/versions"},
            {"GET", "/api/v1/schools/100001/purposes/PHOTO_PRESS/pupils"},
            {"POST", "/api/v1/schools/100001/pupils/P1/consents"},
            {"GET", "/api/v1/schools/100001/pupils/P1/consents"},
            {"GET", "/api/v1/schools/100001/pupils/P1/consents/d1"},
            {"POST", "/api/v1/schools/100001/consent-checks"},
            {"GET", "/internal/v1/schools/100001/subjects/P1"},
            {"GET", "/api/v1/schools/100001/audit/consent"},
            {"GET", "/api/v1/schools/100001/audit/consent/verification"},
    };

    static Stream<Arguments> cases() {
        return Arrays.stream(OPERATIONS).flatMap(op -> Arrays.stream(BadTokens.values()).map(bad -> Arguments.of(op[0], op[1], bad)));
    }

    @ParameterizedTest(name = "{0} {1} with {2}")
    @MethodSource("cases")
    void isRefused(String method, String path, BadTokens bad) {
        given().header("Authorization", bad.bearer("dpo", "100001")).contentType("application/json").body("{}")
                .request(method, path).then().statusCode(401).contentType("application/problem+json").body("status", is(401));
    }
}
