package org.custodian.retention.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.retention.testing.RetentionSchool.as;
import static org.custodian.retention.testing.RetentionSchool.base;
import static org.custodian.retention.testing.RetentionSchool.freshSchool;
import static org.custodian.retention.testing.RetentionSchool.holding;
import static org.custodian.retention.testing.RetentionSchool.register;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.retention.RetentionTest;
import org.junit.jupiter.api.Test;

/** Issue 17: refused attempts on retention-service are in its audit log with the reason, and the log is filterable. */
@RetentionTest
class RetentionRefusalAuditTest {

    private static JsonPath audit(String school, String query) {
        return as("dpo", school)
                .get(base(school) + "/audit/retention" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aWrongRoleAndAnotherSchoolsRecordLeaveRefusalsWithTheReason() {
        String school = freshSchool();
        String other = freshSchool();
        String id = register(school, List.of(holding("ACCIDENT_BOOK", "P-1", "ACC-1", "2024-01-10")))
                .statusCode(200)
                .extract()
                .path("items[0].id");

        as("staff", school, "staff-stan")
                .body(Map.of("holdings", List.of(holding("ACCIDENT_BOOK", null, "ACC-2", "2024-01-10"))))
                .post(base(school) + "/holdings")
                .then()
                .statusCode(403);
        // this school's holding, asked for as another school's: not found there, and audited there
        as("mis", other, "mis-other")
                .get(base(other) + "/holdings/" + id)
                .then()
                .statusCode(404);
        as("dpo", school, "dpo-dan")
                .delete(base(school) + "/legal-holds/" + UUID.randomUUID())
                .then()
                .statusCode(404);

        JsonPath wrongRole = audit(school, "?actor=staff-stan");
        assertThat(wrongRole.getList("items")).hasSize(1);
        assertThat(wrongRole.getString("items[0].result")).isEqualTo("REFUSED");
        assertThat(wrongRole.getString("items[0].action")).isEqualTo("POST /api/v1/schools/{urn}/holdings");
        assertThat(wrongRole.getString("items[0].detail"))
                .startsWith("403 Forbidden: your role does not allow this operation");

        JsonPath elsewhere = audit(other, "?actor=mis-other&result=REFUSED");
        assertThat(elsewhere.getList("items")).hasSize(1);
        assertThat(elsewhere.getString("items[0].subject")).isEqualTo("holdings/" + id);
        assertThat(elsewhere.getString("items[0].subjectType")).isEqualTo("retention-record");
        assertThat(elsewhere.getString("items[0].detail")).startsWith("404 Not found");
        assertThat(audit(school, "?actor=mis-other").getList("items")).isEmpty();

        JsonPath hold = audit(school, "?actor=dpo-dan");
        assertThat(hold.getString("items[0].subjectType")).isEqualTo("legal-hold");
        assertThat(hold.getString("items[0].words")).startsWith("Was refused DELETE ");

        JsonPath done = audit(school, "?action=holdings&result=DONE");
        assertThat(done.getList("items.did")).containsExactly("registered records held");
        assertThat(done.getString("items[0].service")).isEqualTo("retention-service");
        assertThat(audit(school, "?result=REFUSED").getList("items")).hasSize(2);
    }
}
