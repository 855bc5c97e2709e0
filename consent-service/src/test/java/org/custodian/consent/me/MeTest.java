package org.custodian.consent.me;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import org.custodian.consent.ConsentTest;
import org.custodian.consent.Fixture;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

@ConsentTest
class MeTest {

    @Test
    void aParentSeesTheirChildrenWithAConsentSummary() {
        Fixture school = Fixture.newSchool();
        school.family("KID1", 6, "MUM", "DAD");
        school.family("OTHER", 6, "OM", "OD");
        school.parentDecides("MUM", "KID1", "PHOTO_DISPLAY", "GRANTED").then().statusCode(201);

        JsonPath me = given().header("Authorization", school.parent("MUM"))
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(me.getString("subject")).isEqualTo("MUM");
        assertThat(me.getList("schools.urn", String.class)).containsExactly(school.urn);
        assertThat(me.getList("schools[0].children.pupil.pupilId", String.class))
                .containsExactly("KID1");
        assertThat(me.getString("schools[0].children[0].consents.PHOTO_DISPLAY"))
                .isEqualTo("GRANTED");
        assertThat(me.getString("schools[0].children[0].consents.BIOMETRIC_CATERING"))
                .isEqualTo("NOT_ASKED");
    }

    @Test
    void staffSeeTheirSchoolsAndRoles() {
        Fixture a = Fixture.newSchool();
        Fixture b = Fixture.newSchool();
        JsonPath me = given().header(
                        "Authorization",
                        TestTokens.role("dpo")
                                .school(a.urn, b.urn)
                                .subject("dpo-1")
                                .bearer())
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(me.getList("roles", String.class)).containsExactly("dpo");
        assertThat(me.getList("schools.urn", String.class)).containsExactlyInAnyOrder(a.urn, b.urn);
        assertThat(me.getList("schools.children")).containsOnlyNulls();
    }

    /** Ava (6): her mother MUM and father DAD (both with parental responsibility), a step-parent STEP without. */
    private static Fixture avasFamily() {
        Fixture school = Fixture.newSchool();
        school.pupil("AVA", LocalDate.now().minusYears(6).minusDays(10)).then().statusCode(201);
        link(school, "MUM", "MOTHER", true);
        link(school, "DAD", "FATHER", true);
        link(school, "STEP", "STEP_PARENT", false);
        return school;
    }

    private static void link(Fixture school, String guardianId, String relationship, boolean responsibility) {
        school.asMis()
                .body("{\"name\":\"Guardian " + guardianId + "\",\"children\":[{\"pupilId\":\"AVA\","
                        + "\"parentalResponsibility\":" + responsibility + ",\"relationship\":\"" + relationship
                        + "\"}]}")
                .put(school.base() + "/guardians/" + guardianId)
                .then()
                .statusCode(anyOf(is(200), is(201)));
    }

    private static JsonPath me(String bearer) {
        return given().header("Authorization", bearer)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aParentsHomePageNeedsOneCallTitlesStatusesAndWhyWithPeopleNamedByRelationship() {
        Fixture school = avasFamily();
        school.parentDecides("MUM", "AVA", "PHOTO_WEBSITE", "GRANTED").then().statusCode(201);
        school.parentDecides("DAD", "AVA", "PHOTO_WEBSITE", "WITHDRAWN").then().statusCode(201);

        JsonPath me = me(school.parent("MUM"));
        String child = "schools[0].children[0]";
        assertThat(me.getString(child + ".pupil.pupilId")).isEqualTo("AVA");
        assertThat(me.getString(child + ".relationship")).isEqualTo("MOTHER");
        assertThat(me.getBoolean(child + ".canDecide")).isTrue();
        assertThat(me.getString(child + ".reason")).isNull();
        assertThat(me.getString(child + ".consents.PHOTO_WEBSITE")).isEqualTo("WITHDRAWN");
        String website = child + ".purposes.find { it.purpose == 'PHOTO_WEBSITE' }";
        assertThat(me.getString(website + ".title")).isNotBlank().isNotEqualTo("PHOTO_WEBSITE");
        assertThat(me.getString(website + ".status")).isEqualTo("WITHDRAWN");
        assertThat(me.getBoolean(website + ".permitted")).isFalse();
        List<String> why = me.getList(website + ".explanation", String.class);
        assertThat(why)
                .anySatisfy(line -> assertThat(line).startsWith("you granted"))
                .anySatisfy(line -> assertThat(line).startsWith("the child's father withdrew"))
                .noneSatisfy(line -> assertThat(line).containsAnyOf("MUM", "DAD", "STEP", "guardian "));
        String notAsked = child + ".purposes.find { it.purpose == 'BIOMETRIC_CATERING' }";
        assertThat(me.getString(notAsked + ".status")).isEqualTo("NOT_ASKED");
        assertThat(me.getString(notAsked + ".title")).isNotBlank();
        // every purpose of the school, each with a title
        assertThat(me.getList(child + ".purposes.title", String.class))
                .hasSize(me.getMap(child + ".consents").size())
                .doesNotContainNull();

        // the father reads the same status, with his own decision as "you" and the mother's by relationship
        List<String> dads = me(school.parent("DAD"))
                .getList("schools[0].children[0].purposes.find { it.purpose == 'PHOTO_WEBSITE' }.explanation");
        assertThat(dads)
                .anySatisfy(line -> assertThat(line).startsWith("the child's mother granted"))
                .anySatisfy(line -> assertThat(line).startsWith("you withdrew"));
    }

    @Test
    void theConsentReadNamesPeopleByRelationshipForAParentAndByIdForTheDpo() {
        Fixture school = avasFamily();
        school.parentDecides("MUM", "AVA", "PHOTO_DISPLAY", "GRANTED").then().statusCode(201);
        school.parentDecides("DAD", "AVA", "PHOTO_DISPLAY", "REFUSED").then().statusCode(201);
        link(school, "DAD", "FATHER", false); // the father loses parental responsibility: his refusal stops counting

        school.as(school.parent("MUM"))
                .get(school.base() + "/pupils/AVA/consents")
                .then()
                .statusCode(200)
                .body("statuses.find { it.purpose == 'PHOTO_DISPLAY' }.status", is("GRANTED"))
                .body(
                        "statuses.find { it.purpose == 'PHOTO_DISPLAY' }.explanation",
                        hasItem(
                                containsString(
                                        "the child's father does not hold parental responsibility now: their refused does not count")))
                .body(
                        "statuses.find { it.purpose == 'PHOTO_DISPLAY' }.explanation",
                        not(hasItem(containsString("DAD"))));
        school.as(school.pupilToken("AVA"))
                .get(school.base() + "/pupils/AVA/consents")
                .then()
                .statusCode(200)
                .body(
                        "statuses.find { it.purpose == 'PHOTO_DISPLAY' }.explanation",
                        hasItem(containsString("your mother granted")));
        // staff act on ids: their read keeps them
        school.as(school.bearer("dpo"))
                .get(school.base() + "/pupils/AVA/consents")
                .then()
                .statusCode(200)
                .body(
                        "statuses.find { it.purpose == 'PHOTO_DISPLAY' }.explanation",
                        hasItem(containsString("guardian DAD does not hold parental responsibility now")));
    }

    @Test
    void aStepParentWithoutParentalResponsibilityIsToldWhyNotThatThereIsNoSuchPupil() {
        Fixture school = avasFamily();
        school.parentDecides("MUM", "AVA", "PHOTO_DISPLAY", "GRANTED").then().statusCode(201);

        JsonPath me = me(school.parent("STEP"));
        assertThat(me.getList("schools[0].children.pupil.pupilId", String.class))
                .containsExactly("AVA");
        assertThat(me.getString("schools[0].children[0].relationship")).isEqualTo("STEP_PARENT");
        assertThat(me.getBoolean("schools[0].children[0].canDecide")).isFalse();
        assertThat(me.getString("schools[0].children[0].reason"))
                .isEqualTo("you do not have parental responsibility for Ada; the school records decisions from"
                        + " holders of parental responsibility");
        assertThat(me.getMap("schools[0].children[0]")).doesNotContainKeys("consents", "purposes");

        for (String path : List.of("/pupils/AVA/consents", "/pupils/AVA/consents?history=true", "/pupils/AVA")) {
            school.as(school.parent("STEP"))
                    .get(school.base() + path)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("status", is(403))
                    .body("detail", containsString("you do not have parental responsibility for Ada"))
                    .body(
                            "detail",
                            containsString("the school records decisions from holders of parental responsibility"));
        }
        // a parent of another family still learns nothing about the child
        school.family("OTHER", 7, "OM", "OD");
        school.as(school.parent("OM"))
                .get(school.base() + "/pupils/AVA/consents")
                .then()
                .statusCode(404)
                .body("detail", is("no pupil with that id"));
        assertThat(me(school.parent("OM")).getList("schools[0].children.pupil.pupilId", String.class))
                .containsExactly("OTHER");
    }

    @Test
    void aPartnerHasNoMe() {
        given().header("Authorization", TestTokens.bearer("partner", "100001"))
                .get("/api/v1/me")
                .then()
                .statusCode(403);
        given().get("/api/v1/me").then().statusCode(401);
    }
}
