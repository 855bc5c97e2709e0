package org.custodian.accountability.ropa;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.restassured.path.json.JsonPath;
import java.util.Arrays;
import java.util.List;
import org.custodian.accountability.AccountabilityTest;
import org.custodian.accountability.testing.AccountabilitySchool;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** The record of processing through HTTP: its rows, the ICO template's columns, and reviews. */
@AccountabilityTest
class RopaApiTest {

    @Test
    void eachAgreementAndPurposeIsAnActivityNamingTheFactsItCameFrom() {
        AccountabilitySchool school = AccountabilitySchool.newSchool().setUp();
        JsonPath ropa = school.as("dpo")
                .get("/api/v1/schools/" + school.urn + "/ropa")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(ropa.getList("rows.id")).contains("duty:1", "agreement:a-census", "purpose:PHOTO_WEBSITE");
        assertThat(ropa.getList("rows.status")).containsOnly("NOT_REVIEWED");
        assertThat(ropa.getString("rows.find { it.id == 'agreement:a-census' }.lawfulBasis"))
                .contains("6(1)(c)");
        assertThat(ropa.getList("rows.find { it.id == 'agreement:a-census' }.recipients", String.class))
                .containsExactly("Department for Education (controller)");
        assertThat(ropa.getList("rows.find { it.id == 'agreement:a-census' }.from", String.class))
                .contains(
                        "agreement a-census v1",
                        "recipient r-dfe v1",
                        "retention-rule ADMISSION_ATTENDANCE_REGISTERS v0");
        // each cell names the facts it came from
        assertThat(ropa.getList("rows.find { it.id == 'agreement:a-census' }.cellSources.lawfulBasis", String.class))
                .containsExactly("agreement a-census v1");
        assertThat(ropa.getList("rows.find { it.id == 'agreement:a-census' }.cellSources.recipients", String.class))
                .containsExactly("agreement a-census v1", "recipient r-dfe v1");
        assertThat(ropa.getList("rows.find { it.id == 'agreement:a-census' }.cellSources.retention", String.class))
                .containsExactly("retention-rule ADMISSION_ATTENDANCE_REGISTERS v0");
        assertThat(ropa.getList("rows.find { it.id == 'purpose:PHOTO_WEBSITE' }.cellSources.purpose", String.class))
                .containsExactly("purpose PHOTO_WEBSITE v1");
        assertThat(ropa.getMap("rows.find { it.id == 'duty:1' }.cellSources")).doesNotContainKey("lawfulBasis");
        assertThat(ropa.getList("rows.find { it.id == 'agreement:a-census' }.retention", String.class))
                .singleElement()
                .asString()
                .contains("Admission and attendance registers: 6 years");
    }

    @Test
    void theCsvHasTheIcoTemplatesColumnsInOrder() {
        AccountabilitySchool school = AccountabilitySchool.newSchool().setUp();
        String csv = school.as("auditor")
                .get("/api/v1/schools/" + school.urn + "/ropa.csv")
                .then()
                .statusCode(200)
                .header("Content-Disposition", is("attachment; filename=\"ropa-" + school.urn + ".csv\""))
                .extract()
                .asString();
        List<String> lines = Arrays.asList(csv.split("\r\n"));
        assertThat(lines.get(0))
                .startsWith("Business function,Purpose of processing,Name and contact details of joint"
                        + " controller (if applicable),Categories of individuals,Categories of personal data,Categories of"
                        + " recipients,Link to contract with processor,");
        assertThat(lines.get(0)).endsWith(",Review status,Generated from");
        assertThat(lines)
                .anyMatch(l -> l.startsWith("Sharing,Share data with Department for Education: School census"));
        assertThat(lines).hasSize(1 + 6 + 1 + 1);
    }

    @Test
    void aReviewMakesEveryRowCurrentUntilAFactChangesOne() {
        AccountabilitySchool school = AccountabilitySchool.newSchool().setUp();
        String ropa = "/api/v1/schools/" + school.urn + "/ropa";
        school.as("dpo")
                .body("{\"note\":\"annual review\"}")
                .post(ropa + "/reviews")
                .then()
                .statusCode(201)
                .body("reviewedBy", is("dpo-1"));
        assertThat(school.as("dpo").get(ropa).then().extract().jsonPath().getList("rows.status"))
                .containsOnly("CURRENT");
        school.agreement(
                "a-census",
                "r-dfe",
                "School census (DfE)",
                List.of("IDENTITY", "ATTENDANCE", "EXCLUSIONS"),
                "LEGAL_OBLIGATION",
                null,
                2);
        school.awaitFact("AGREEMENT", "a-census", 2);
        JsonPath after = school.as("dpo").get(ropa).then().extract().jsonPath();
        assertThat(after.getString("rows.find { it.id == 'agreement:a-census' }.status"))
                .isEqualTo("OUTDATED");
        assertThat(after.getString("rows.find { it.id == 'purpose:PHOTO_WEBSITE' }.status"))
                .isEqualTo("CURRENT");
        assertThat(after.getString("lastReview.note")).isEqualTo("annual review");
        school.as("school-admin").body("{}").post(ropa + "/reviews").then().statusCode(403);
    }

    @Test
    void aTrustsDpoReadsOneRecordPerSchoolAndOneCombinedFile() {
        AccountabilitySchool first = AccountabilitySchool.newSchool().setUp();
        AccountabilitySchool second = AccountabilitySchool.newSchool();
        second.profile("Riverside Academy", "Dev Patel", "dev@riverside.example");
        second.purpose("BIOMETRIC_CATERING", 1, "Biometric catering", "Fingerprints.", List.of("BIOMETRIC"));
        second.awaitFacts(2);
        String trust = "Bearer "
                + TestTokens.role("dpo")
                        .school(first.urn, second.urn)
                        .subject("trust-dpo")
                        .mint();
        JsonPath records = given().header("Authorization", trust)
                .get("/api/v1/trusts/ropa")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(records.getList("schools.urn")).containsExactlyInAnyOrder(first.urn, second.urn);
        assertThat(records.getString("schools.find { it.urn == '" + second.urn + "' }.schoolName"))
                .isEqualTo("Riverside Academy");
        assertThat(records.getList("schools.find { it.urn == '" + second.urn + "' }.rows.id"))
                .contains("purpose:BIOMETRIC_CATERING")
                .doesNotContain("agreement:a-census");
        String csv = given().header("Authorization", trust)
                .get("/api/v1/trusts/ropa.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<String> lines = Arrays.asList(csv.split("\r\n"));
        assertThat(lines.get(0)).startsWith("School URN,School,Business function,");
        assertThat(lines)
                .anyMatch(l -> l.startsWith(first.urn + ",Cassiobury Infant School,"))
                .anyMatch(l -> l.startsWith(second.urn + ",Riverside Academy,"));
        // a school's own DPO sees only that school; a teacher none
        String one = "Bearer "
                + TestTokens.role("dpo").school(second.urn).subject("dpo-2").mint();
        assertThat(given().header("Authorization", one)
                        .get("/api/v1/trusts/ropa")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("schools.urn"))
                .containsExactly(second.urn);
        given().header(
                        "Authorization",
                        "Bearer " + TestTokens.role("staff").school(first.urn).mint())
                .get("/api/v1/trusts/ropa")
                .then()
                .statusCode(403);
    }

    @Test
    void eachActivityNamesTheSystemsThatHoldItsRecords() {
        AccountabilitySchool school = AccountabilitySchool.newSchool().setUp();
        school.holdingSystems(1, java.util.Map.of("ADMISSION_ATTENDANCE_REGISTERS", List.of("Arbor", "Paper files")));
        school.awaitFact("HOLDING_SYSTEMS", "holdings", 1);
        JsonPath ropa = school.as("dpo")
                .get("/api/v1/schools/" + school.urn + "/ropa")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(ropa.getList("rows.find { it.id == 'agreement:a-census' }.systems", String.class))
                .containsExactly("Arbor", "Paper files");
        assertThat(ropa.getList("rows.find { it.id == 'agreement:a-census' }.from", String.class))
                .contains("holding-systems holdings v1");
        // the photos purpose holds no attendance data: no system named for it
        assertThat(ropa.getList("rows.find { it.id == 'purpose:PHOTO_WEBSITE' }.systems"))
                .isEmpty();
        String csv = school.as("dpo")
                .get("/api/v1/schools/" + school.urn + "/ropa.csv")
                .then()
                .extract()
                .asString();
        assertThat(csv).contains("Arbor; Paper files");
    }
}
