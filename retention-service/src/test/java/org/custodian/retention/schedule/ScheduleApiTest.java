package org.custodian.retention.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.retention.testing.RetentionSchool.as;
import static org.custodian.retention.testing.RetentionSchool.auditRows;
import static org.custodian.retention.testing.RetentionSchool.base;
import static org.custodian.retention.testing.RetentionSchool.freshSchool;
import static org.custodian.retention.testing.RetentionSchool.holding;
import static org.custodian.retention.testing.RetentionSchool.pupil;
import static org.custodian.retention.testing.RetentionSchool.register;
import static org.custodian.testing.SchoolFixture.count;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.EventTypes;
import org.custodian.retention.Events;
import org.custodian.retention.RetentionTest;
import org.junit.jupiter.api.Test;

@RetentionTest
class ScheduleApiTest {

    static Map<String, Object> lastSchoolRecord(String period) {
        Map<String, Object> rule = new HashMap<>();
        rule.put("description", "Pupil educational record (last school attended)");
        rule.put("trigger", "DATE_OF_BIRTH");
        rule.put("period", period);
        rule.put("action", "DESTROY");
        rule.put("basis", "LEGAL_OBLIGATION");
        rule.put("citation", "IRMS toolkit; local authority advice to keep longer");
        rule.put("reason", "the local authority asks for longer");
        return rule;
    }

    @Test
    void shipsTheIrmsRowsWithTheirCitations() {
        String school = freshSchool();
        as("staff", school)
                .get(base(school) + "/retention-schedule")
                .then()
                .statusCode(200)
                .body("items", hasSize(13))
                .body("items.code", hasItem("PUPIL_RECORD_LAST_SCHOOL"))
                .body("items.origin", everyItem(is("IRMS_DEFAULT")))
                .body(
                        "items.findAll { it.action != 'REVIEW' }.citation",
                        everyItem(startsWith("IRMS Information Management Toolkit for Schools")))
                .body("items.find { it.code == 'CHILD_PROTECTION' }.transferOnLeaving", is(true))
                .body("items.find { it.code == 'CHILD_PROTECTION' }.action", is("REVIEW"))
                .body("items.find { it.code == 'EXCLUSIONS' }.action", is("REVIEW"))
                .body("items.find { it.code == 'PUPIL_RECORD_LAST_SCHOOL' }.period", is("P25Y"))
                .body("items.find { it.code == 'PHOTOGRAPHS_AND_RECORDINGS' }.trigger", is("CONSENT_WITHDRAWN"))
                .body("items.find { it.code == 'PHOTOGRAPHS_AND_RECORDINGS' }.basis", is("CONSENT"))
                .body("nextCursor", nullValue());
        Response first = as("mis", school).queryParam("limit", 4).get(base(school) + "/retention-schedule");
        first.then().statusCode(200).body("items", hasSize(4));
        as("mis", school)
                .queryParam("limit", 10)
                .queryParam("cursor", first.<String>path("nextCursor"))
                .get(base(school) + "/retention-schedule")
                .then()
                .statusCode(200)
                .body("items", hasSize(9))
                .body("items[0].code", is("ADMISSION_ATTENDANCE_REGISTERS"));
        as("mis", school)
                .queryParam("cursor", "garbage")
                .get(base(school) + "/retention-schedule")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    /** Issue 17: a list carries a strong ETag over its page; polling it with If-None-Match is a 304. */
    @Test
    void theScheduleListCarriesAnETagAndIsA304WhenUnchanged() {
        String school = freshSchool();
        Response whole = as("mis", school).get(base(school) + "/retention-schedule");
        String etag = whole.then().statusCode(200).extract().header("ETag");
        assertThat(etag).matches("\"[A-Za-z0-9_-]+\"");
        Response unchanged = as("mis", school).header("If-None-Match", etag).get(base(school) + "/retention-schedule");
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.asByteArray()).isEmpty();
        assertThat(unchanged.header("ETag")).isEqualTo(etag);
        Response part = as("mis", school)
                .header("If-None-Match", etag)
                .queryParam("limit", 4)
                .get(base(school) + "/retention-schedule");
        assertThat(part.statusCode()).as("another page is another body").isEqualTo(200);
        assertThat(part.header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void anOverrideIsVersionedNeedsIfMatchAndRedatesTheHoldingsOfItsClass() {
        String school = freshSchool();
        pupil(school, "P-1", LocalDate.parse("2008-02-29"), null);
        register(school, List.of(holding("PUPIL_RECORD_LAST_SCHOOL", "P-1", "EDU-1", "2019-09-04")))
                .statusCode(200)
                .body("items[0].dueOn", is("2033-03-01"));
        String path = base(school) + "/retention-schedule/PUPIL_RECORD_LAST_SCHOOL";
        as("dpo", school)
                .get(path)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("version", is(0));

        as("dpo", school)
                .body(lastSchoolRecord("P30Y"))
                .put(path)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        as("dpo", school)
                .header("If-Match", "\"7\"")
                .body(lastSchoolRecord("P30Y"))
                .put(path)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        as("dpo", school)
                .header("If-Match", "\"0\"")
                .body(lastSchoolRecord("P30Y"))
                .put(path)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("recordClass.version", is(1))
                .body("recordClass.origin", is("SCHOOL_OVERRIDE"))
                .body("recordClass.period", is("P30Y"))
                .body("holdingsRedated", is(1));
        as("mis", school)
                .get(base(school) + "/holdings")
                .then()
                .statusCode(200)
                .body("items[0].dueOn", is("2038-03-01"));
        as("dpo", school)
                .header("If-Match", "\"0\"")
                .body(lastSchoolRecord("P31Y"))
                .put(path)
                .then()
                .statusCode(412);

        as("auditor", school)
                .get(path + "/versions")
                .then()
                .statusCode(200)
                .body("items.version", is(List.of(1, 0)))
                .body("items.period", is(List.of("P30Y", "P25Y")))
                .body("items[0].changeReason", is("the local authority asks for longer"));
        assertThat(auditRows(school, "retention-schedule.changed")).isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM audit_log WHERE school_urn = ? AND detail LIKE '%period P25Y → P30Y%'",
                        school))
                .isEqualTo(1);
    }

    @Test
    void everyChangeToTheSchedulesRulesIsAnnouncedWithTheRuleAsItNowStands() {
        String school = freshSchool();
        String path = base(school) + "/retention-schedule/PUPIL_RECORD_LAST_SCHOOL";
        Map<String, Object> own = lastSchoolRecord("P7Y");
        own.put("code", "EXCLUSION_RECORDS");
        own.put("trigger", "CLOSED");
        own.put("description", "Exclusion records");
        try (Events events = new Events()) {
            as("dpo", school)
                    .header("If-Match", "\"3\"")
                    .body(lastSchoolRecord("P30Y"))
                    .put(path)
                    .then()
                    .statusCode(412);
            as("dpo", school)
                    .header("If-Match", "\"0\"")
                    .body(lastSchoolRecord("P30"))
                    .put(path)
                    .then()
                    .statusCode(400);
            as("dpo", school)
                    .header("If-Match", "\"0\"")
                    .body(lastSchoolRecord("P30Y"))
                    .put(path)
                    .then()
                    .statusCode(200);
            as("dpo", school)
                    .body(own)
                    .post(base(school) + "/retention-schedule")
                    .then()
                    .statusCode(201);

            CloudEvent overridden = events.await(
                            EventTypes.RETENTION_RULE_CHANGED,
                            school,
                            d -> d.path("recordClass").asText().equals("PUPIL_RECORD_LAST_SCHOOL"))
                    .orElseThrow();
            assertThat(overridden.subject()).isEqualTo("schools/" + school);
            assertThat(overridden.data().path("version").asInt()).isEqualTo(1);
            assertThat(overridden.data().path("origin").asText()).isEqualTo("SCHOOL_OVERRIDE");
            assertThat(overridden.data().path("period").asText()).isEqualTo("P30Y");
            assertThat(overridden.data().path("trigger").asText()).isEqualTo("DATE_OF_BIRTH");
            assertThat(overridden.data().path("action").asText()).isEqualTo("DESTROY");
            assertThat(overridden.data().path("basis").asText()).isEqualTo("LEGAL_OBLIGATION");
            assertThat(overridden.data().has("reason"))
                    .as("the reason stays in the service")
                    .isFalse();
            CloudEvent added = events.await(
                            EventTypes.RETENTION_RULE_CHANGED,
                            school,
                            d -> d.path("recordClass").asText().equals("EXCLUSION_RECORDS"))
                    .orElseThrow();
            assertThat(added.data().path("origin").asText()).isEqualTo("SCHOOL_CLASS");
            assertThat(added.data().path("period").asText()).isEqualTo("P7Y");
            assertThat(events.count(
                            EventTypes.RETENTION_RULE_CHANGED,
                            school,
                            d -> !d.path("origin").asText().equals(DefaultAnnouncementService.ORIGIN),
                            Duration.ofSeconds(1)))
                    .as("one event per change; none for the refused ones (412, 400)")
                    .isEqualTo(2);
            assertThat(events
                            .all(
                                    EventTypes.RETENTION_RULE_CHANGED,
                                    school,
                                    d -> d.path("origin").asText().equals(DefaultAnnouncementService.ORIGIN),
                                    Duration.ofSeconds(1))
                            .stream()
                            .map(e -> e.data().path("recordClass").asText()))
                    .as("the school's first change announced the defaults it had not overridden, once")
                    .hasSize(IrmsSchedule.rules().size() - 1)
                    .doesNotHaveDuplicates()
                    .doesNotContain("PUPIL_RECORD_LAST_SCHOOL");
        }
    }

    @Test
    void aSchoolAddsAClassOfItsOwn() {
        String school = freshSchool();
        Map<String, Object> rule = lastSchoolRecord("P7Y");
        rule.put("code", "EXCLUSION_RECORDS");
        rule.put("trigger", "CLOSED");
        rule.put("description", "Exclusion records");
        as("dpo", school)
                .body(rule)
                .post(base(school) + "/retention-schedule")
                .then()
                .statusCode(201)
                .header("Location", containsString("/retention-schedule/EXCLUSION_RECORDS"))
                .body("origin", is("SCHOOL_CLASS"))
                .body("version", is(1));
        as("dpo", school)
                .body(rule)
                .post(base(school) + "/retention-schedule")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        Map<String, Object> record = holding("EXCLUSION_RECORDS", "P-1", "EXC-1", "2015-01-05");
        record.put("closedOn", "2016-07-20");
        register(school, List.of(record)).statusCode(200).body("items[0].dueOn", is("2023-07-20"));
        assertThat(auditRows(school, "retention-schedule.class-added")).isEqualTo(1);
        // another school does not see it
        String other = freshSchool();
        as("dpo", other)
                .get(base(other) + "/retention-schedule/EXCLUSION_RECORDS")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void badRulesAreProblemsAndChangeNothing() {
        String school = freshSchool();
        String path = base(school) + "/retention-schedule/SEN_FILES";
        as("dpo", school)
                .header("If-Match", "\"0\"")
                .body(lastSchoolRecord("25 years"))
                .put(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("period"));
        Map<String, Object> consentWithoutPurposes = lastSchoolRecord("P0D");
        consentWithoutPurposes.put("trigger", "CONSENT_WITHDRAWN");
        as("dpo", school)
                .header("If-Match", "\"0\"")
                .body(consentWithoutPurposes)
                .put(path)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("consentPurposes"))
                .body("errors.field", hasItem("basis"));
        Map<String, Object> unknownTrigger = lastSchoolRecord("P1Y");
        unknownTrigger.put("trigger", "BIRTHDAY");
        as("dpo", school)
                .header("If-Match", "\"0\"")
                .body(unknownTrigger)
                .put(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        Map<String, Object> noReason = lastSchoolRecord("P1Y");
        noReason.remove("reason");
        as("dpo", school)
                .header("If-Match", "\"0\"")
                .body(noReason)
                .put(path)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reason"));
        as("dpo", school)
                .header("If-Match", "\"0\"")
                .body(lastSchoolRecord("P1Y"))
                .put(base(school) + "/retention-schedule/NO_SUCH_CLASS")
                .then()
                .statusCode(404);
        assertThat(count("SELECT count(*) FROM schedule_rule WHERE school_urn = ?", school))
                .isZero();
    }

    @Test
    void onlyTheDpoChangesTheScheduleAndParentsSeeNothing() {
        String school = freshSchool();
        String path = base(school) + "/retention-schedule/SEN_FILES";
        for (String role : List.of("school-admin", "staff", "mis", "auditor")) {
            as(role, school)
                    .header("If-Match", "\"0\"")
                    .body(lastSchoolRecord("P40Y"))
                    .put(path)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        for (String role : List.of("parent", "pupil", "partner")) {
            as(role, school)
                    .get(base(school) + "/retention-schedule")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        as("dpo", freshSchool())
                .get(base(school) + "/retention-schedule")
                .then()
                .statusCode(403);
        assertThat(count("SELECT count(*) FROM schedule_rule WHERE school_urn = ?", school))
                .isZero();
    }
}
