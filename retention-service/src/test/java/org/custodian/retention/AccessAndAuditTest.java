package org.custodian.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.retention.testing.RetentionSchool.as;
import static org.custodian.retention.testing.RetentionSchool.base;
import static org.custodian.retention.testing.RetentionSchool.freshSchool;
import static org.custodian.retention.testing.RetentionSchool.holding;
import static org.custodian.retention.testing.RetentionSchool.register;
import static org.custodian.testing.SchoolFixture.count;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Roles and tenancy from the outside, and the audit trail of changes. */
@RetentionTest
class AccessAndAuditTest {

    @Test
    void misRegistersStaffAndAuditorsDoNotAndParentsSeeNothing() {
        String school = freshSchool();
        var body = Map.of("holdings", List.of(holding("ACCIDENT_BOOK", null, "ACC-1", "2024-01-10")));
        for (String role : List.of("staff", "auditor", "partner", "parent", "pupil")) {
            as(role, school)
                    .body(body)
                    .post(base(school) + "/holdings")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        assertThat(count("SELECT count(*) FROM holding WHERE school_urn = ?", school))
                .isZero();
        String id = register(school, List.of(holding("ACCIDENT_BOOK", null, "ACC-1", "2024-01-10")))
                .statusCode(200)
                .extract()
                .path("items[0].id");
        for (String role : List.of("parent", "pupil", "staff", "partner")) {
            as(role, school).get(base(school) + "/holdings").then().statusCode(403);
            as(role, school).get(base(school) + "/holdings/" + id).then().statusCode(403);
        }
        for (String role : List.of("dpo", "school-admin", "mis", "auditor")) {
            as(role, school)
                    .get(base(school) + "/holdings/" + id)
                    .then()
                    .statusCode(200)
                    .body("reference", is("ACC-1"));
        }
        // a token for another school: 403 on this school; this school's holding from the other school: 404
        String other = freshSchool();
        as("mis", other).get(base(school) + "/holdings").then().statusCode(403).contentType("application/problem+json");
        as("mis", other)
                .get(base(other) + "/holdings/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as("mis", other)
                .body(Map.of("disposedOn", LocalDate.now().toString(), "method", "m", "by", "b"))
                .post(base(other) + "/holdings/" + id + "/destruction-confirmation")
                .then()
                .statusCode(404);
        given().get(base(school) + "/holdings").then().statusCode(401).contentType("application/problem+json");
        as("mis", "12345").get("/api/v1/schools/12345/holdings").then().statusCode(400);
    }

    @Test
    void holdingsAreFilteredAndPaged() {
        String school = freshSchool();
        register(
                        school,
                        List.of(
                                holding("ACCIDENT_BOOK", null, "ACC-1", "2015-01-10"),
                                holding("ACCIDENT_BOOK", null, "ACC-2", "2024-01-10"),
                                holding("FREE_SCHOOL_MEALS", "P-1", "FSM-1", "2012-10-01"),
                                holding("FREE_SCHOOL_MEALS", "P-2", "FSM-2", "2023-10-01")))
                .statusCode(200);
        as("dpo", school)
                .queryParam("recordClass", "ACCIDENT_BOOK")
                .get(base(school) + "/holdings")
                .then()
                .body("items", hasSize(2));
        as("dpo", school)
                .queryParam("pupilId", "P-2")
                .get(base(school) + "/holdings")
                .then()
                .body("items", hasSize(1))
                .body("items[0].reference", is("FSM-2"));
        as("dpo", school)
                .queryParam("dueBefore", LocalDate.now().toString())
                .get(base(school) + "/holdings")
                .then()
                .body("items.reference", hasItems("ACC-1", "FSM-1"))
                .body("items", hasSize(2));
        as("dpo", school)
                .queryParam("status", "DISPOSED")
                .get(base(school) + "/holdings")
                .then()
                .body("items", hasSize(0));
        String cursor = as("dpo", school)
                .queryParam("limit", 3)
                .get(base(school) + "/holdings")
                .then()
                .body("items", hasSize(3))
                .extract()
                .path("nextCursor");
        as("dpo", school)
                .queryParam("limit", 3)
                .queryParam("cursor", cursor)
                .get(base(school) + "/holdings")
                .then()
                .body("items", hasSize(1))
                .body("nextCursor", is((Object) null));
        as("dpo", school)
                .queryParam("dueBefore", "yesterday")
                .get(base(school) + "/holdings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as("dpo", school)
                .queryParam("status", "GONE")
                .get(base(school) + "/holdings")
                .then()
                .statusCode(400);
        as("dpo", school)
                .queryParam("limit", 501)
                .get(base(school) + "/holdings")
                .then()
                .statusCode(400);
    }

    @Test
    void changesAreInTheAuditLogForTheDpoAndAuditorsOnly() {
        String school = freshSchool();
        register(school, List.of(holding("ACCIDENT_BOOK", null, "ACC-1", "2015-01-10")))
                .statusCode(200);
        as("dpo", school)
                .body(Map.of("scope", "SCHOOL", "reason", "audit test", "reference", "A-1"))
                .post(base(school) + "/legal-holds")
                .then()
                .statusCode(201);
        for (String role : List.of("dpo", "auditor")) {
            as(role, school)
                    .get(base(school) + "/audit/retention")
                    .then()
                    .statusCode(200)
                    .body("items.action", hasItems("holdings.registered", "legal-hold.placed"));
        }
        as("auditor", school)
                .get(base(school) + "/audit/retention/verification")
                .then()
                .statusCode(200)
                .body("intact", is(true))
                .body("rowsChecked", is(2));
        for (String role : List.of("mis", "school-admin", "parent")) {
            as(role, school).get(base(school) + "/audit/retention").then().statusCode(403);
        }
    }
}
