package org.custodian.testing.kernel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.custodian.platform.http.InputLimits;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input of every kind ends in a 4xx problem+json with a useful detail, and changes nothing. */
@KernelTest
class ProblemResponsesTest {

    private static final String SCHOOL = "300001";
    private static final String PROBES = "/api/v1/schools/" + SCHOOL + "/probes";
    private final String dpo = TestTokens.bearer("dpo", SCHOOL);
    private long probesBefore;

    @BeforeEach
    void countProbes() {
        probesBefore = Rows.count("SELECT count(*) FROM probe WHERE school_urn = ?", SCHOOL);
    }

    @AfterEach
    void nothingWasStored() {
        assertThat(Rows.count("SELECT count(*) FROM probe WHERE school_urn = ?", SCHOOL))
                .isEqualTo(probesBefore);
    }

    private ValidatableResponse post(String body) {
        return given().header("Authorization", dpo)
                .contentType("application/json")
                .body(body)
                .post(PROBES)
                .then()
                .contentType("application/problem+json")
                .body("instance", is(PROBES))
                .body("type", containsString("https://custodian.uk/problems/"))
                .body(not(containsString("at org.")))
                .body(not(containsString("Exception")));
    }

    @Test
    void malformedJson() {
        post("{\"name\": \"a\",").statusCode(400).body("detail", containsString("malformed JSON"));
    }

    @Test
    void unknownPropertyIsRefusedNotIgnored() {
        post("{\"name\":\"a\",\"colour\":\"RED\",\"schoolUrn\":\"999999\"}")
                .statusCode(400)
                .body("errors[0].field", is("schoolUrn"))
                .body("errors[0].message", containsString("unknown property"));
    }

    @Test
    void wrongType() {
        post("{\"name\":\"a\",\"colour\":\"RED\",\"count\":\"many\"}")
                .statusCode(400)
                .body("errors[0].field", is("count"))
                .body("errors[0].message", containsString("number"));
    }

    @Test
    void unknownEnumValueNamesTheAllowedOnes() {
        post("{\"name\":\"a\",\"colour\":\"PURPLE\"}")
                .statusCode(400)
                .body("errors[0].field", is("colour"))
                .body("errors[0].message", containsString("RED, GREEN, BLUE"));
    }

    @Test
    void impossibleDate() {
        post("{\"name\":\"a\",\"colour\":\"RED\",\"since\":\"2026-02-30\"}")
                .statusCode(400)
                .body("errors[0].field", is("since"))
                .body("errors[0].message", containsString("YYYY-MM-DD"));
    }

    @Test
    void validationErrorsNameEveryField() {
        post("{\"name\":\" \",\"colour\":null,\"count\":-1,\"tags\":[{\"label\":\"\"}]}")
                .statusCode(400)
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("colour"))
                .body("errors.field", hasItem("count"))
                .body("errors.field", hasItem("tags[0].label"))
                .body("errors.message", everyItem(notNullValue()));
    }

    @Test
    void aStringOverTheKernelsLimitIsRefusedNamingTheField() {
        String label = "x".repeat(InputLimits.MAX_STRING_LENGTH + 1);
        post("{\"name\":\"a\",\"colour\":\"RED\",\"tags\":[{\"label\":\"" + label + "\"}]}")
                .statusCode(400)
                .body("errors[0].field", is("tags[0].label"))
                .body("errors[0].message", containsString("longer than 10000 characters"));
    }

    @Test
    void anArrayOverTheKernelsLimitIsRefusedNamingTheField() {
        String tags = String.join(",", java.util.Collections.nCopies(InputLimits.MAX_ITEMS + 1, "{}"));
        post("{\"name\":\"a\",\"colour\":\"RED\",\"tags\":[" + tags + "]}")
                .statusCode(400)
                .body("errors[0].field", is("tags"))
                .body("errors[0].message", containsString("more than 10000 items"));
    }

    @Test
    void theLimitsAreInTheOpenApiDocumentWhereAFieldStatesNoneOfItsOwn() {
        var schema = given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String probe = "components.schemas.ProbeRequest.properties";
        assertThat(schema.getInt(probe + ".name.maxLength")).as("its own @Size").isEqualTo(50);
        assertThat(schema.getInt(probe + ".tags.maxItems")).isEqualTo(InputLimits.MAX_ITEMS);
        assertThat(schema.getInt("components.schemas.Tag.properties.label.maxLength"))
                .isEqualTo(InputLimits.MAX_STRING_LENGTH);
        assertThat(schema.getLong(probe + ".count.minimum")).as("its own @Min").isZero();
        assertThat(schema.getLong(probe + ".count.maximum")).isEqualTo(Integer.MAX_VALUE);
        assertThat(schema.getString("components.securitySchemes.bearer.description"))
                .contains("RFC8725");
    }

    @Test
    void missingBody() {
        given().header("Authorization", dpo)
                .contentType("application/json")
                .post(PROBES)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void arrayWhereAnObjectBelongs() {
        post("[1,2,3]").statusCode(400).body("status", is(400));
    }

    @Test
    void oversizeBody() {
        String big = "{\"name\":\"" + "x".repeat(70_000) + "\",\"colour\":\"RED\"}";
        given().header("Authorization", dpo)
                .contentType("application/json")
                .body(big)
                .post(PROBES)
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", is(413));
    }

    @Test
    void aClientStillSendingAnOversizeBodyReadsThe413() throws Exception {
        byte[] body = ("{\"name\":\"" + "x".repeat(4_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        URI server = URI.create(RestAssured.baseURI);
        try (Socket socket = new Socket(server.getHost(), RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + PROBES + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + dpo
                            + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300); // the answer is ready long before the body has been sent
            out.write(body);
            out.flush();
            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 413");
        }
    }

    @Test
    void wrongMediaType() {
        given().header("Authorization", dpo)
                .contentType("text/plain")
                .body("name=a")
                .post(PROBES)
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void wrongMethod() {
        given().header("Authorization", dpo)
                .delete(PROBES)
                .then()
                .statusCode(405)
                .contentType("application/problem+json");
    }

    @Test
    void malformedSchoolUrn() {
        given().header("Authorization", TestTokens.bearer("dpo", "12ab"))
                .get("/api/v1/schools/12ab/probes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", is("urn"));
    }

    @Test
    void unknownObjectAndOtherSchoolsObjectLookTheSame() {
        String both = TestTokens.role("dpo").school(SCHOOL, "300002").bearer();
        long id = given().header("Authorization", both)
                .contentType("application/json")
                .body("{\"name\":\"mine\",\"colour\":\"GREEN\"}")
                .post("/api/v1/schools/300002/probes")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        String otherSchool = given().header("Authorization", both)
                .get(PROBES + "/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .extract()
                .path("detail");
        String missing = given().header("Authorization", both)
                .get(PROBES + "/999999999")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .extract()
                .path("detail");
        assertThat(otherSchool).isEqualTo(missing);
    }

    @Test
    void nulCharactersAreRefusedAtTheDoor() {
        post("{\"name\":\"a\\u0000b\",\"colour\":\"RED\"}")
                .statusCode(400)
                .body("errors[0].field", is("name"))
                .body("errors[0].message", containsString("NUL"));
        given().header("Authorization", dpo)
                .urlEncodingEnabled(false)
                .get(PROBES + "?cursor=%00")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void anotherSchoolIsRefusedWhateverTheBody() {
        String otherSchool = TestTokens.bearer("dpo", "300099");
        given().header("Authorization", otherSchool)
                .contentType("application/json")
                .body("{}")
                .post(PROBES)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", otherSchool)
                .contentType("application/json")
                .body("{\"name\":")
                .post(PROBES)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void nonNumericIdIsAClientError() {
        given().header("Authorization", dpo)
                .get(PROBES + "/abc")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
