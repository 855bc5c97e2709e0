package org.custodian.accountability.ropa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.restassured.path.json.JsonPath;
import java.util.Arrays;
import java.util.List;
import org.custodian.accountability.AccountabilityTest;
import org.custodian.accountability.testing.AccountabilitySchool;
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
}
