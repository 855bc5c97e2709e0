package org.custodian.sar.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.sar.request.RequestApiTest.access;
import static org.custodian.sar.request.RequestApiTest.dpo;
import static org.custodian.sar.request.RequestApiTest.parent;
import static org.custodian.sar.request.RequestApiTest.path;
import static org.custodian.sar.request.RequestApiTest.post;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.custodian.sar.testing.Roster;
import org.custodian.sar.testing.SarTest;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Issue 17: refused attempts on sar-service are in its audit log with the reason, and the log is filterable. */
@SarTest
class SarRefusalAuditTest {

    private static JsonPath audit(Roster school, String query) {
        return given().header("Authorization", dpo(school))
                .get("/api/v1/schools/" + school.urn + "/audit/requests" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void anotherFamilysRequestAndPupilAndAWrongRoleLeaveRefusalsWithTheReason() {
        Roster school = Roster.maintainedEnglishSchool();
        String mine = school.pupil("P", 9);
        String theirs = school.pupil("P", 8);
        String a = school.guardianOf(mine, true);
        String b = school.guardianOf(theirs, true);
        String idOfB = post(school, parent(school, b), access(theirs))
                .statusCode(201)
                .extract()
                .path("id");

        given().header("Authorization", parent(school, a))
                .get(path(school) + "/" + idOfB)
                .then()
                .statusCode(404);
        post(school, parent(school, a), access(theirs)).statusCode(404);
        post(
                        school,
                        TestTokens.role("staff")
                                .school(school.urn)
                                .subject("staff-sam")
                                .bearer(),
                        access(mine))
                .statusCode(403);

        JsonPath otherFamily = audit(school, "?actor=" + a);
        assertThat(otherFamily.getList("items")).hasSize(2);
        assertThat(otherFamily.getList("items.result")).containsOnly("REFUSED");
        assertThat(otherFamily.getList("items.action"))
                .containsExactly("POST /api/v1/schools/{urn}/requests", "GET /api/v1/schools/{urn}/requests/{id}");
        assertThat(otherFamily.getString("items[1].subject")).isEqualTo("requests/" + idOfB);
        assertThat(otherFamily.getString("items[1].subjectType")).isEqualTo("rights-request");
        assertThat(otherFamily.getString("items[1].detail")).startsWith("404 Not found: no request with that id");

        JsonPath wrongRole = audit(school, "?actor=staff-sam&result=REFUSED");
        assertThat(wrongRole.getList("items")).hasSize(1);
        assertThat(wrongRole.getString("items[0].detail")).startsWith("403 Forbidden");

        JsonPath received = audit(school, "?pupil=" + theirs + "&action=request&result=DONE");
        assertThat(received.getList("items.did")).containsExactly("received a rights request");
        assertThat(received.getString("items[0].pupil")).isEqualTo(theirs);
        assertThat(received.getString("items[0].service")).isEqualTo("sar-service");
        assertThat(audit(school, "?pupil=" + mine + "&result=DONE").getList("items"))
                .isEmpty();

        given().header("Authorization", dpo(school))
                .contentType(ContentType.JSON)
                .body(Map.of())
                .get("/api/v1/schools/" + school.urn + "/audit/requests/verification")
                .then()
                .statusCode(200)
                .body("intact", org.hamcrest.Matchers.is(true));
    }
}
