package org.custodian.retention.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.retention.testing.RetentionSchool.as;
import static org.custodian.retention.testing.RetentionSchool.auditRows;
import static org.custodian.retention.testing.RetentionSchool.freshSchool;
import static org.custodian.retention.testing.RetentionSchool.holding;
import static org.custodian.retention.testing.RetentionSchool.pupil;
import static org.custodian.retention.testing.RetentionSchool.register;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.time.LocalDate;
import java.util.List;
import org.custodian.retention.RetentionTest;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

@RetentionTest
class SubjectExportTest {

    static String path(String school, String pupil) {
        return "/internal/v1/schools/" + school + "/subjects/" + pupil;
    }

    @Test
    void saysWhatIsHeldAboutAChildAndUntilWhen() {
        String school = freshSchool();
        pupil(school, "P-1", LocalDate.parse("2008-02-29"), null);
        register(
                        school,
                        List.of(
                                holding("PUPIL_RECORD_LAST_SCHOOL", "P-1", "EDU-1", "2019-09-04"),
                                holding("PUPIL_RECORD_PRIMARY", "P-1", "PRI-1", "2012-09-04"),
                                holding("PUPIL_RECORD_LAST_SCHOOL", "P-2", "EDU-2", "2019-09-04")))
                .statusCode(200);
        given().header(
                        "Authorization",
                        "Bearer "
                                + TestTokens.service()
                                        .school(school)
                                        .subject("service:sar-service")
                                        .mint())
                .get(path(school, "P-1"))
                .then()
                .statusCode(200)
                .body("service", is("retention-service"))
                .body("pupilId", is("P-1"))
                .body("summary", containsString("2 records"))
                .body("data.records", hasSize(2))
                .body("data.records.find { it.reference == 'EDU-1' }.keptUntil", is("2033-03-01"))
                .body("data.records.find { it.reference == 'EDU-1' }.then", is("DESTROY"))
                .body(
                        "data.records.find { it.reference == 'EDU-1' }.retentionRule",
                        is("kept P25Y from the pupil's date of birth, then securely destroyed"))
                .body("data.records.find { it.reference == 'EDU-1' }.citation", containsString("IRMS"))
                .body("data.records.find { it.reference == 'PRI-1' }.waitingFor", is("the pupil to leave"));
        as("dpo", school).get(path(school, "P-9")).then().statusCode(200).body("data.records", hasSize(0));
        assertThat(auditRows(school, "subject.exported")).isEqualTo(2);
    }

    @Test
    void onlyServicesAndTheDpoOfTheSchoolMayAsk() {
        String school = freshSchool();
        for (String role : List.of("mis", "school-admin", "staff", "auditor", "parent", "pupil")) {
            as(role, school).get(path(school, "P-1")).then().statusCode(403).contentType("application/problem+json");
        }
        given().header(
                        "Authorization",
                        "Bearer " + TestTokens.service().school(freshSchool()).mint())
                .get(path(school, "P-1"))
                .then()
                .statusCode(403);
        given().get(path(school, "P-1")).then().statusCode(401);
        as("dpo", school).get(path(school, "bad id!")).then().statusCode(400).contentType("application/problem+json");
        assertThat(auditRows(school, "subject.exported")).isZero();
    }
}
