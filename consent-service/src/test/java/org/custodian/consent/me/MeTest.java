package org.custodian.consent.me;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
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

    @Test
    void aPartnerHasNoMe() {
        given().header("Authorization", TestTokens.bearer("partner", "100001"))
                .get("/api/v1/me")
                .then()
                .statusCode(403);
        given().get("/api/v1/me").then().statusCode(401);
    }
}
