package org.custodian.consent.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import org.custodian.consent.ConsentTest;
import org.custodian.consent.Fixture;
import org.custodian.platform.security.ServiceTokens;
import org.junit.jupiter.api.Test;

@ConsentTest
class SubjectExportTest {

    @Inject
    ServiceTokens serviceTokens;

    /** Ava (8) with her mother, her father (both with parental responsibility) and a step-parent without. */
    private static Fixture avasFamily() {
        Fixture school = Fixture.newSchool();
        school.pupil("AVA", LocalDate.now().minusYears(8).minusDays(10)).then().statusCode(201);
        link(school, "MUM", "Maria Mother", "maria.mother@example.org", "MOTHER", true, "");
        link(school, "DAD", "David Father", "david.father@example.org", "FATHER", true, "");
        link(school, "STEP", "Simon Stepfather", "simon.step@example.org", "STEP_PARENT", false, "");
        school.parentDecides("MUM", "AVA", "PHOTO_WEBSITE", "GRANTED").then().statusCode(201);
        school.parentDecides("DAD", "AVA", "PHOTO_WEBSITE", "WITHDRAWN").then().statusCode(201);
        return school;
    }

    private static void link(
            Fixture school,
            String id,
            String name,
            String email,
            String relationship,
            boolean responsibility,
            String restriction) {
        school.asMis()
                .body("{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"children\":[{\"pupilId\":\"AVA\","
                        + "\"parentalResponsibility\":" + responsibility + ",\"relationship\":\"" + relationship + "\""
                        + restriction + "}]}")
                .put(school.base() + "/guardians/" + id)
                .then()
                .statusCode(201);
    }

    private Response export(Fixture school, String query) {
        return school.as(serviceTokens.authorizationFor(school.urn))
                .get("/internal/v1/schools/" + school.urn + "/subjects/AVA" + query);
    }

    @Test
    void aMothersExportCarriesHerOwnContactDataAndOnlyTheRelationshipsOfOthers() {
        Fixture school = avasFamily();
        String requestId = UUID.randomUUID().toString();

        Response answer = export(school, "?requesterType=GUARDIAN&requesterId=MUM&requestId=" + requestId);
        answer.then().statusCode(200);
        String body = answer.asString();
        JsonPath export = answer.jsonPath();

        assertThat(body)
                .doesNotContain(
                        "David Father",
                        "david.father@example.org",
                        "\"DAD\"",
                        "DAD ",
                        "Simon Stepfather",
                        "simon.step@example.org",
                        "STEP\"");
        assertThat(export.getString("data.requester.name")).isEqualTo("Maria Mother");
        assertThat(export.getString("data.requester.email")).isEqualTo("maria.mother@example.org");
        assertThat(export.getString("data.requester.relationship")).isEqualTo("MOTHER");
        assertThat(export.getList("data.guardians.relationship", String.class))
                .containsExactly("FATHER", "MOTHER", "STEP_PARENT");
        assertThat(export.getList("data.guardians.description", String.class))
                .containsExactly("father", "you (mother)", "step-parent without parental responsibility");
        assertThat(export.getList("data.guardians.name")).containsOnlyNulls();
        assertThat(export.getList("data.guardians.email")).containsOnlyNulls();
        assertThat(export.getString("data.pupil.familyName")).isEqualTo("Lovelace");

        // the father's decision is there, as the father's, without his id; the explanation names him by relationship
        assertThat(export.getList("data.decisions.decision", String.class)).containsExactly("GRANTED", "WITHDRAWN");
        assertThat(export.getList("data.decisions.relationship", String.class)).containsExactly("MOTHER", "FATHER");
        assertThat(export.getString("data.decisions[0].giver.id")).isEqualTo("MUM");
        assertThat(export.getString("data.decisions[1].giver.id")).isNull();
        assertThat(export.getString("data.decisions[1].recordedBy")).isNull();
        assertThat(export.getString("data.receipts[1].givenBy.id")).isNull();
        assertThat(export.getString("data.receipts[1].recordedBy.actor")).isNull();
        assertThat(export.getList("data.consents.find { it.purpose == 'PHOTO_WEBSITE' }.explanation", String.class))
                .anyMatch(line -> line.startsWith("the father withdrew"));

        assertThat(school.as(school.bearer("auditor"))
                        .queryParam("subject", "pupils/AVA")
                        .get(school.base() + "/audit/consent")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.detail", String.class))
                .anyMatch(d -> d.contains("for GUARDIAN MUM (request " + requestId + ")"));
    }

    @Test
    void aPupilsOwnExportShowsNoParentsContactData() {
        Fixture school = avasFamily();

        Response answer = export(school, "?requesterType=PUPIL&requesterId=AVA");
        answer.then().statusCode(200);
        assertThat(answer.asString())
                .doesNotContain(
                        "maria.mother@example.org",
                        "david.father@example.org",
                        "simon.step@example.org",
                        "Maria Mother",
                        "David Father",
                        "Simon Stepfather");
        JsonPath export = answer.jsonPath();
        assertThat(export.getString("data.requester.type")).isEqualTo("PUPIL");
        assertThat(export.getString("data.requester.pupilId")).isEqualTo("AVA");
        assertThat(export.getList("data.guardians.description", String.class))
                .containsExactly("father", "mother", "step-parent without parental responsibility");
        assertThat(export.getList("data.decisions.giver.id")).containsOnlyNulls();
    }

    @Test
    void aRestrictedGuardianIsNeverIncludedNorCounted() {
        Fixture school = Fixture.newSchool();
        school.pupil("AVA", LocalDate.now().minusYears(8).minusDays(10)).then().statusCode(201);
        link(school, "MUM", "Maria Mother", "maria.mother@example.org", "MOTHER", true, "");
        link(
                school,
                "DAD",
                "David Father",
                "david.father@example.org",
                "FATHER",
                true,
                ",\"restricted\":true,\"restriction\":\"COURT_ORDER\"");
        school.parentDecides("MUM", "AVA", "PHOTO_WEBSITE", "GRANTED").then().statusCode(201);
        school.parentDecides("DAD", "AVA", "PHOTO_PRESS", "REFUSED").then().statusCode(201);

        for (String query :
                new String[] {"?requesterType=GUARDIAN&requesterId=MUM", "?requesterType=PUPIL&requesterId=AVA"}) {
            Response answer = export(school, query);
            answer.then().statusCode(200);
            assertThat(answer.asString())
                    .as(query)
                    .doesNotContain("DAD", "David Father", "david.father@example.org", "father", "FATHER");
            assertThat(answer.jsonPath().getList("data.guardians")).as(query).hasSize(1);
            assertThat(answer.jsonPath().getList("data.decisions")).as(query).hasSize(1);
            assertThat(answer.jsonPath().getList("data.receipts")).as(query).hasSize(1);
        }
        // nor in the school's own view
        Response own = school.as(school.bearer("dpo")).get("/internal/v1/schools/" + school.urn + "/subjects/AVA");
        own.then().statusCode(200);
        assertThat(own.asString()).doesNotContain("DAD", "David Father", "david.father@example.org");
        assertThat(own.jsonPath().getList("data.guardians.name", String.class)).containsExactly("Maria Mother");
    }

    @Test
    void theDposOwnViewHasTheGuardiansContactData() {
        Fixture school = avasFamily();
        JsonPath export = school.as(school.bearer("dpo"))
                .get("/internal/v1/schools/" + school.urn + "/subjects/AVA")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(export.getString("service")).isEqualTo("consent-service");
        assertThat(export.getString("summary")).isNotBlank();
        assertThat(export.getList("data.guardians.guardianId", String.class)).containsExactly("DAD", "MUM", "STEP");
        assertThat(export.getList("data.guardians.email", String.class)).contains("david.father@example.org");
        assertThat(export.getList("data.decisions")).hasSize(2);
        assertThat(export.getList("data.receipts.purpose.wording", String.class))
                .allMatch(w -> !w.isBlank());
        assertThat(export.getString("data.consents.find { it.purpose == 'PHOTO_WEBSITE' }.status"))
                .isEqualTo("WITHDRAWN");
        assertThat(school.as(school.bearer("auditor"))
                        .queryParam("subject", "pupils/AVA")
                        .get(school.base() + "/audit/consent")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.action", String.class))
                .contains("subject.exported");
    }

    @Test
    void theBiometricRecordsAboutTheChildAreExportedAndARequesterSeesOnlyTheNoticesSentToThem() {
        Fixture school = avasFamily();
        for (String guardian : new String[] {"MUM", "DAD"}) {
            school.as(school.bearer("school-admin"))
                    .body("{\"purpose\":\"BIOMETRIC_CATERING\",\"guardianId\":\"" + guardian
                            + "\",\"outcome\":\"NOTIFIED\",\"date\":\""
                            + LocalDate.now().minusDays(1)
                            + "\",\"evidenceRef\":\"letter 2026/4\"}")
                    .post(school.base() + "/pupils/AVA/biometric-notices")
                    .then()
                    .statusCode(201);
        }
        school.parentDecides("MUM", "AVA", "BIOMETRIC_CATERING", "GRANTED")
                .then()
                .statusCode(201);
        school.parentDecides("DAD", "AVA", "BIOMETRIC_CATERING", "REFUSED")
                .then()
                .statusCode(201);
        school.as(school.bearer("school-admin"))
                .body("{\"purpose\":\"BIOMETRIC_CATERING\",\"alternative\":\"PIN at the till\"}")
                .post(school.base() + "/pupils/AVA/biometric-alternatives")
                .then()
                .statusCode(201);

        JsonPath own = school.as(school.bearer("dpo"))
                .get("/internal/v1/schools/" + school.urn + "/subjects/AVA")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(own.getList("data.biometrics.notices.guardianId", String.class))
                .containsExactlyInAnyOrder("MUM", "DAD");
        assertThat(own.getList("data.biometrics.notices.outcome", String.class)).containsOnly("NOTIFIED");
        assertThat(own.getList("data.biometrics.alternatives.alternative", String.class))
                .containsExactly("PIN at the till");
        assertThat(own.getList("data.biometrics.templateDeletions.reason", String.class))
                .containsExactly("PARENT_OBJECTED");

        Response mum = export(school, "?requesterType=GUARDIAN&requesterId=MUM");
        mum.then().statusCode(200);
        assertThat(mum.asString()).doesNotContain("\"DAD\"", "DAD ");
        assertThat(mum.jsonPath().getList("data.biometrics.notices.guardianId", String.class))
                .containsExactly("MUM");
        assertThat(mum.jsonPath().getList("data.biometrics.alternatives")).hasSize(1);
        assertThat(mum.jsonPath().getList("data.biometrics.templateDeletions")).hasSize(1);

        Response ava = export(school, "?requesterType=PUPIL&requesterId=AVA");
        ava.then().statusCode(200);
        assertThat(ava.asString()).doesNotContain("\"DAD\"", "\"MUM\"");
        assertThat(ava.jsonPath().getList("data.biometrics.notices.guardian", String.class))
                .containsExactlyInAnyOrder("mother", "father");
        assertThat(ava.jsonPath().getList("data.biometrics.notices.guardianId")).containsOnlyNulls();
        assertThat(ava.jsonPath().getList("data.biometrics.templateDeletions.reason", String.class))
                .containsExactly("PARENT_OBJECTED");
    }

    @Test
    void aServiceNamesTheRequesterAndABadRequesterIsRefused() {
        Fixture school = avasFamily();
        for (String bad : new String[] {
            "",
            "?requesterType=GUARDIAN",
            "?requesterId=MUM",
            "?requesterType=FRIEND&requesterId=MUM",
            "?requesterType=GUARDIAN&requesterId=M%00M",
            "?requesterType=PUPIL&requesterId=SOMEONE",
            "?requesterType=GUARDIAN&requesterId=MUM&requestId=not-a-uuid"
        }) {
            export(school, bad).then().statusCode(400).contentType("application/problem+json");
        }
    }

    @Test
    void onlyServicesAndTheDpoExport() {
        Fixture school = Fixture.newSchool();
        school.family("P1", 8, "MUM", "DAD");
        String path = "/internal/v1/schools/" + school.urn + "/subjects/P1";
        school.as(school.bearer("dpo")).get(path).then().statusCode(200);
        school.as(school.parent("MUM")).get(path).then().statusCode(403);
        school.as(school.bearer("staff")).get(path).then().statusCode(403);
        school.as(serviceTokens.authorizationFor("999995"))
                .get(path + "?requesterType=PUPIL&requesterId=P1")
                .then()
                .statusCode(403);
        school.as(serviceTokens.authorizationFor(school.urn))
                .get("/internal/v1/schools/" + school.urn + "/subjects/NOBODY?requesterType=PUPIL&requesterId=NOBODY")
                .then()
                .statusCode(404);
    }
}
