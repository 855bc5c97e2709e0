package org.custodian.consent.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.custodian.consent.ConsentTest;
import org.custodian.consent.Fixture;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

@ConsentTest
class ConsentCheckTest {

    @Test
    void theMatrixAnswersEveryPupilAndPurposeAndListsUnknownPupils() {
        Fixture school = Fixture.newSchool();
        school.family("A", 7, "AM", "AD");
        school.family("B", 7, "BM", "BD");
        school.parentDecides("AM", "A", "PHOTO_PRESS", "GRANTED").then().statusCode(201);
        school.parentDecides("BM", "B", "PHOTO_PRESS", "GRANTED").then().statusCode(201);
        school.parentDecides("BD", "B", "PHOTO_PRESS", "WITHDRAWN").then().statusCode(201);

        JsonPath matrix = school.as(school.bearer("staff"))
                .body("{\"pupils\":[\"A\",\"B\",\"GHOST\"],\"purposes\":[\"PHOTO_PRESS\",\"PHOTO_DISPLAY\"]}")
                .post(school.base() + "/consent-checks")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(matrix.getList("results.pupilId", String.class)).containsExactly("A", "B");
        assertThat(matrix.getString("results[0].statuses.PHOTO_PRESS.status")).isEqualTo("GRANTED");
        assertThat(matrix.getBoolean("results[0].statuses.PHOTO_PRESS.permitted"))
                .isTrue();
        assertThat(matrix.getString("results[1].statuses.PHOTO_PRESS.status")).isEqualTo("WITHDRAWN");
        assertThat(matrix.getString("results[0].statuses.PHOTO_DISPLAY.status")).isEqualTo("NOT_ASKED");
        assertThat(matrix.getList("unknownPupils", String.class)).containsExactly("GHOST");
    }

    @Test
    void aThousandPupilsByEightPurposesIsOneCall() {
        Fixture school = Fixture.newSchool();
        List<String> ids = Fixture.ids("K", 1000);
        String pupils = ids.stream()
                .map(id -> "{\"pupilId\":\"" + id + "\","
                        + Fixture.pupilJson(LocalDate.of(2018, 1, 2), 3, null).substring(1))
                .collect(Collectors.joining(","));
        school.asMis()
                .body("{\"pupils\":[" + pupils + "]}")
                .post(school.base() + "/roster-sync")
                .then()
                .statusCode(200)
                .body("pupils.created", is(1000));
        String purposes =
                "[\"PHOTO_DISPLAY\",\"PHOTO_WEBSITE\",\"PHOTO_SOCIAL_MEDIA\",\"PHOTO_PRESS\",\"VIDEO_PERFORMANCES\","
                        + "\"BIOMETRIC_CATERING\",\"RESEARCH\",\"EDTECH_APPS\"]";
        JsonPath matrix = school.as(school.bearer("mis"))
                .body("{\"pupils\":" + ids.stream().map(i -> "\"" + i + "\"").collect(Collectors.joining(",", "[", "]"))
                        + ",\"purposes\":" + purposes + "}")
                .post(school.base() + "/consent-checks")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(matrix.getList("results")).hasSize(1000);
        assertThat(matrix.getMap("results[999].statuses")).hasSize(8);
    }

    @Test
    void oversizeChecksAndUnknownPurposesAreRefused() {
        Fixture school = Fixture.newSchool();
        school.family("A", 7, "AM", "AD");
        String tooMany =
                Fixture.ids("X", 1001).stream().map(i -> "\"" + i + "\"").collect(Collectors.joining(",", "[", "]"));
        school.as(school.bearer("staff"))
                .body("{\"pupils\":" + tooMany + ",\"purposes\":[\"PHOTO_PRESS\"]}")
                .post(school.base() + "/consent-checks")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("pupils"));
        school.as(school.bearer("staff"))
                .body("{\"pupils\":[\"A\"],\"purposes\":[\"PHOTO_PRESS\",\"NOPE\"]}")
                .post(school.base() + "/consent-checks")
                .then()
                .statusCode(400)
                .body("detail", containsString("NOPE"));
        school.as(school.bearer("staff"))
                .body("{\"pupils\":[],\"purposes\":[\"PHOTO_PRESS\"]}")
                .post(school.base() + "/consent-checks")
                .then()
                .statusCode(400);
        school.as(school.parent("AM"))
                .body("{\"pupils\":[\"A\"],\"purposes\":[\"PHOTO_PRESS\"]}")
                .post(school.base() + "/consent-checks")
                .then()
                .statusCode(403);
        school.as(TestTokens.bearer("staff", "999996"))
                .body("{\"pupils\":[\"A\"],\"purposes\":[\"PHOTO_PRESS\"]}")
                .post(school.base() + "/consent-checks")
                .then()
                .statusCode(403);
    }

    @Test
    void theClassListShowsWhoMayBePhotographed() {
        Fixture school = Fixture.newSchool();
        school.family("Y3A", 7, "M1", "D1");
        school.family("Y3B", 7, "M2", "D2");
        school.family("Y3C", 7, "M3", "D3");
        school.asMis()
                .body(Fixture.pupilJson(LocalDate.now().minusYears(8).minusDays(10), 4, null))
                .put(school.base() + "/pupils/Y4A")
                .then()
                .statusCode(201);
        school.guardian("M4", true, "Y4A").then().statusCode(201);
        for (String[] grant : new String[][] {{"M1", "Y3A"}, {"M2", "Y3B"}, {"M4", "Y4A"}}) {
            school.parentDecides(grant[0], grant[1], "PHOTO_PRESS", "GRANTED")
                    .then()
                    .statusCode(201);
        }
        school.parentDecides("D2", "Y3B", "PHOTO_PRESS", "REFUSED").then().statusCode(201);
        school.asMis()
                .body(Fixture.pupilJson(
                        LocalDate.now().minusYears(7).minusDays(10),
                        3,
                        LocalDate.now().minusDays(3)))
                .put(school.base() + "/pupils/Y3A")
                .then()
                .statusCode(200);
        school.family("Y3D", 7, "M5", "D5");
        school.parentDecides("M5", "Y3D", "PHOTO_PRESS", "GRANTED").then().statusCode(201);

        String list = school.base() + "/purposes/PHOTO_PRESS/pupils";
        school.as(school.bearer("staff"))
                .queryParam("yearGroup", 3)
                .get(list)
                .then()
                .statusCode(200)
                .body("items.pupilId", contains("Y3D"));
        school.as(school.bearer("staff"))
                .get(list)
                .then()
                .statusCode(200)
                .body("items.pupilId", contains("Y3D", "Y4A"));
        school.as(school.bearer("staff"))
                .queryParam("status", "REFUSED")
                .get(list)
                .then()
                .body("items.pupilId", contains("Y3B"));
        school.as(school.bearer("staff"))
                .queryParam("status", "NOT_ASKED")
                .queryParam("yearGroup", 3)
                .get(list)
                .then()
                .body("items.pupilId", contains("Y3C"));
        school.as(school.bearer("staff"))
                .queryParam("status", "SOMETIMES")
                .get(list)
                .then()
                .statusCode(400);
        school.as(school.bearer("staff"))
                .get(school.base() + "/purposes/NOPE/pupils")
                .then()
                .statusCode(404);
        school.as(school.parent("M1")).get(list).then().statusCode(403);
    }
}
