package org.custodian.sar.export;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.custodian.platform.security.ServiceTokens;
import org.custodian.sar.testing.Roster;
import org.custodian.sar.testing.SarTest;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

@SarTest
class SubjectExportTest {

    @Inject
    ServiceTokens serviceTokens;

    @Test
    void theChildsRequestsAreExportedToServicesAndTheDpoOnly() {
        Roster school = Roster.maintainedEnglishSchool();
        String pupil = school.pupil("P", 8);
        String guardian = school.guardianOf(pupil, true);
        given().header(
                        "Authorization",
                        TestTokens.role("parent")
                                .school(school.urn)
                                .subject(guardian)
                                .bearer())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "type", "ACCESS", "subject", Map.of("type", "PUPIL", "id", pupil), "description", "All of it"))
                .post("/api/v1/schools/" + school.urn + "/requests")
                .then()
                .statusCode(201);
        String path = "/internal/v1/schools/" + school.urn + "/subjects/" + pupil;

        given().header("Authorization", serviceTokens.authorizationFor(school.urn))
                .get(path)
                .then()
                .statusCode(200)
                .body("service", is("sar-service"))
                .body("pupilId", is(pupil))
                .body("schoolUrn", is(school.urn))
                .body("data.requests", hasSize(1))
                .body("data.requests[0].type", is("ACCESS"))
                .body("data.requests[0].deadline.dueOn", org.hamcrest.Matchers.notNullValue());
        given().header(
                        "Authorization",
                        TestTokens.role("dpo").school(school.urn).bearer())
                .get(path)
                .then()
                .statusCode(200);
        given().header(
                        "Authorization",
                        TestTokens.role("dpo").school(school.urn).bearer())
                .get("/internal/v1/schools/" + school.urn + "/subjects/P-nobody")
                .then()
                .statusCode(200)
                .body("data.requests", empty());
        given().header(
                        "Authorization",
                        TestTokens.role("parent")
                                .school(school.urn)
                                .subject(guardian)
                                .bearer())
                .get(path)
                .then()
                .statusCode(403);
        given().header("Authorization", serviceTokens.authorizationFor("999999"))
                .get(path)
                .then()
                .statusCode(403);
        given().get(path).then().statusCode(401);
    }
}
