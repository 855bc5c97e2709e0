package org.custodian.consent.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.List;
import org.custodian.consent.ConsentTest;
import org.custodian.consent.Fixture;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Issue 17: refused attempts on consent-service are in its audit log with the reason, and the log is filterable. */
@ConsentTest
class ConsentRefusalAuditTest {

    private static JsonPath audit(Fixture school, String query) {
        return school.as(school.bearer("dpo"))
                .get(school.base() + "/audit/consent" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void anotherFamilysPupilAWrongRoleAWrongSchoolAndARuleLeaveRefusalsWithTheReason() {
        Fixture school = Fixture.newSchool();
        school.family("P1", 6, "MUM", "DAD");
        school.family("P2", 7, "OMUM", "ODAD");

        school.as(school.parent("OMUM"))
                .get(school.base() + "/pupils/P1/consents")
                .then()
                .statusCode(404);
        school.as(school.bearer("staff"))
                .body("{}")
                .post(school.base() + "/purposes")
                .then()
                .statusCode(403);
        school.decide(
                        TestTokens.role("dpo")
                                .school(school.urn)
                                .subject("DPO-RULES")
                                .bearer(),
                        "P1",
                        "PHOTO_PRESS",
                        "GRANTED",
                        "MUM")
                .then()
                .statusCode(422);
        school.decide(
                        TestTokens.role("parent")
                                .school("999997")
                                .subject("STRANGER")
                                .bearer(),
                        "P1",
                        "PHOTO_PRESS",
                        "GRANTED",
                        "STRANGER")
                .then()
                .statusCode(403);
        school.parentDecides("MUM", "P1", "PHOTO_PRESS", "WITHDRAWN").then().statusCode(201);

        JsonPath otherFamily = audit(school, "?actor=OMUM");
        assertThat(otherFamily.getList("items")).hasSize(1);
        assertThat(otherFamily.getString("items[0].result")).isEqualTo("REFUSED");
        assertThat(otherFamily.getString("items[0].action"))
                .isEqualTo("GET /api/v1/schools/{urn}/pupils/{pupilId}/consents");
        assertThat(otherFamily.getString("items[0].pupil")).isEqualTo("P1");
        assertThat(otherFamily.getString("items[0].detail")).startsWith("404 Not found");
        assertThat(otherFamily.getString("items[0].words"))
                .startsWith("Was refused GET ")
                .contains("about pupil P1");

        JsonPath wrongRole = school.as(school.bearer("dpo"))
                .queryParam("result", "REFUSED")
                .queryParam("action", "POST /api/v1/schools/{urn}/purposes")
                .get(school.base() + "/audit/consent")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(wrongRole.getList("items")).hasSize(1);
        assertThat(wrongRole.getString("items[0].actorRole")).isEqualTo("staff");
        assertThat(wrongRole.getString("items[0].detail")).contains("403 Forbidden");

        JsonPath rule = audit(school, "?pupil=P1&result=REFUSED&actor=DPO-RULES");
        List<String> details = rule.getList("items.detail");
        assertThat(details)
                .anySatisfy(d -> assertThat(d).startsWith("422").contains("ONLINE is for the person themselves"));

        JsonPath stranger = audit(school, "?actor=STRANGER");
        assertThat(stranger.getList("items")).hasSize(1);
        assertThat(stranger.getString("items[0].detail")).contains("does not cover school " + school.urn);

        JsonPath done = audit(school, "?pupil=P1&action=consent&result=DONE");
        assertThat(done.getList("items.did")).containsExactly("withdrew consent");
        assertThat(done.getString("items[0].words")).startsWith("Withdrew consent about pupil P1: PHOTO_PRESS");
        assertThat(done.getString("items[0].service")).isEqualTo("consent-service");

        school.as(school.bearer("dpo"))
                .get(school.base() + "/audit/consent/verification")
                .then()
                .statusCode(200)
                .body("intact", org.hamcrest.Matchers.is(true));
    }
}
