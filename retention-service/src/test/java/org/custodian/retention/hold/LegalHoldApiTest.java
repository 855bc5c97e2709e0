package org.custodian.retention.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.retention.testing.RetentionSchool.as;
import static org.custodian.retention.testing.RetentionSchool.auditRows;
import static org.custodian.retention.testing.RetentionSchool.base;
import static org.custodian.retention.testing.RetentionSchool.freshSchool;
import static org.custodian.retention.testing.RetentionSchool.legalHold;
import static org.custodian.testing.SchoolFixture.count;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.EventTypes;
import org.custodian.retention.Events;
import org.custodian.retention.RetentionTest;
import org.junit.jupiter.api.Test;

@RetentionTest
class LegalHoldApiTest {

    static Map<String, Object> hold(String scope, String pupilId, String recordClass) {
        return legalHold(scope, pupilId, recordClass, "Independent inquiry asks schools not to destroy", "INQ-2026-01");
    }

    @Test
    void placingAndReleasingAHoldIsRecordedAndAnnounced() {
        String school = freshSchool();
        try (Events events = new Events()) {
            Response placed = as("dpo", school).body(hold("PUPIL", "P-7", null)).post(base(school) + "/legal-holds");
            placed.then().statusCode(201).body("status", is("ACTIVE")).body("placedBy", is("dpo-1"));
            String id = placed.path("id");
            CloudEvent event = events.await(
                            EventTypes.LEGAL_HOLD_PLACED,
                            school,
                            d -> d.path("holdId").asText().equals(id))
                    .orElseThrow();
            assertThat(event.subject()).isEqualTo("schools/" + school + "/pupils/P-7");
            assertThat(event.data().path("scope").asText()).isEqualTo("PUPIL");
            assertThat(event.data().has("reason"))
                    .as("the reason stays in the service")
                    .isFalse();

            as("auditor", school)
                    .get(base(school) + "/legal-holds/" + id)
                    .then()
                    .statusCode(200)
                    .body("reference", is("INQ-2026-01"));
            as("school-admin", school)
                    .queryParam("active", true)
                    .get(base(school) + "/legal-holds")
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(1));

            as("dpo", school)
                    .queryParam("reason", "inquiry closed")
                    .delete(base(school) + "/legal-holds/" + id)
                    .then()
                    .statusCode(200)
                    .body("status", is("RELEASED"))
                    .body("releasedAt", notNullValue());
            as("dpo", school)
                    .delete(base(school) + "/legal-holds/" + id)
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json");
            assertThat(events.await(
                            EventTypes.LEGAL_HOLD_RELEASED,
                            school,
                            d -> d.path("holdId").asText().equals(id)
                                    && d.path("how").asText().equals("RELEASED")))
                    .isPresent();
            as("dpo", school)
                    .queryParam("active", true)
                    .get(base(school) + "/legal-holds")
                    .then()
                    .body("items", hasSize(0));
            as("dpo", school).get(base(school) + "/legal-holds").then().body("items", hasSize(1));
        }
        assertThat(auditRows(school, "legal-hold.placed")).isEqualTo(1);
        assertThat(auditRows(school, "legal-hold.released")).isEqualTo(1);
    }

    @Test
    void aHoldMustSayWhatItCoversAndStoresNothingOtherwise() {
        String school = freshSchool();
        as("dpo", school)
                .body(hold("PUPIL", null, null))
                .post(base(school) + "/legal-holds")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("pupilId"));
        as("dpo", school)
                .body(hold("RECORD_CLASS", null, "NO_SUCH_CLASS"))
                .post(base(school) + "/legal-holds")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("recordClass"));
        as("dpo", school)
                .body(hold("SCHOOL", "P-1", null))
                .post(base(school) + "/legal-holds")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("pupilId"));
        Map<String, Object> past = hold("SCHOOL", null, null);
        past.put("endsOn", LocalDate.now().minusDays(2).toString());
        as("dpo", school)
                .body(past)
                .post(base(school) + "/legal-holds")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("endsOn"));
        Map<String, Object> noReason = hold("SCHOOL", null, null);
        noReason.remove("reason");
        as("dpo", school)
                .body(noReason)
                .post(base(school) + "/legal-holds")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reason"));
        as("dpo", school)
                .body(Map.of("scope", "GALAXY", "reason", "r", "reference", "x"))
                .post(base(school) + "/legal-holds")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as("dpo", school).get(base(school) + "/legal-holds/not-a-uuid").then().statusCode(404);
        as("dpo", school)
                .queryParam("active", "yes")
                .get(base(school) + "/legal-holds")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertThat(count("SELECT count(*) FROM legal_hold WHERE school_urn = ?", school))
                .isZero();
    }

    @Test
    void onlyTheDpoPlacesAndReleasesAndOtherSchoolsSeeNothing() {
        String school = freshSchool();
        for (String role : List.of("school-admin", "staff", "mis", "auditor", "parent")) {
            as(role, school)
                    .body(hold("SCHOOL", null, null))
                    .post(base(school) + "/legal-holds")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        for (String role : List.of("staff", "mis", "parent", "pupil")) {
            as(role, school).get(base(school) + "/legal-holds").then().statusCode(403);
        }
        String id = as("dpo", school)
                .body(hold("RECORD_CLASS", null, "CHILD_PROTECTION"))
                .post(base(school) + "/legal-holds")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("school-admin", school)
                .delete(base(school) + "/legal-holds/" + id)
                .then()
                .statusCode(403);
        String other = freshSchool();
        as("dpo", other)
                .get(base(other) + "/legal-holds/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as("dpo", other).delete(base(other) + "/legal-holds/" + id).then().statusCode(404);
        as("dpo", school)
                .get(base(school) + "/legal-holds/" + id)
                .then()
                .statusCode(200)
                .body("status", is("ACTIVE"));
    }
}
