package org.custodian.consent.export;

import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.custodian.consent.ConsentTest;
import org.custodian.consent.Fixture;
import org.custodian.platform.security.ServiceTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@ConsentTest
class SubjectExportTest {

    @Inject
    ServiceTokens serviceTokens;

    @Test
    void aServiceGetsEverythingHeldAboutAChildAndTheReadIsAudited() {
        Fixture school = Fixture.newSchool();
        school.family("P1", 8, "MUM", "DAD");
        school.parentDecides("MUM", "P1", "PHOTO_WEBSITE", "GRANTED").then().statusCode(201);
        school.parentDecides("DAD", "P1", "PHOTO_WEBSITE", "WITHDRAWN").then().statusCode(201);

        JsonPath export = school.as(serviceTokens.authorizationFor(school.urn))
                .get("/internal/v1/schools/" + school.urn + "/subjects/P1").then().statusCode(200).extract().jsonPath();

        assertThat(export.getString("service")).isEqualTo("consent-service");
        assertThat(export.getString("pupilId")).isEqualTo("P1");
        assertThat(export.getString("summary")).isNotBlank();
        assertThat(export.getString("data.pupil.familyName")).isEqualTo("Lovelace");
        assertThat(export.getList("data.guardians.guardianId", String.class)).containsExactly("DAD", "MUM");
        assertThat(export.getList("data.decisions")).hasSize(2);
        assertThat(export.getList("data.receipts.purpose.wording", String.class)).allMatch(w -> !w.isBlank());
        assertThat(export.getString("data.consents.find { it.purpose == 'PHOTO_WEBSITE' }.status")).isEqualTo("WITHDRAWN");

        assertThat(school.as(school.bearer("auditor")).queryParam("subject", "pupils/P1")
                .get(school.base() + "/audit/consent").then().statusCode(200).extract().jsonPath()
                .getList("items.action", String.class)).contains("subject.exported");
    }

    @Test
    void onlyServicesAndTheDpoExport() {
        Fixture school = Fixture.newSchool();
        school.family("P1", 8, "MUM", "DAD");
        String path = "/internal/v1/schools/" + school.urn + "/subjects/P1";
        school.as(school.bearer("dpo")).get(path).then().statusCode(200);
        school.as(school.parent("MUM")).get(path).then().statusCode(403);
        school.as(school.bearer("staff")).get(path).then().statusCode(403);
        school.as(serviceTokens.authorizationFor("999995")).get(path).then().statusCode(403);
        school.as(serviceTokens.authorizationFor(school.urn)).get("/internal/v1/schools/" + school.urn + "/subjects/NOBODY")
                .then().statusCode(404);
    }
}
