package org.custodian.retention.disposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.retention.testing.RetentionSchool.as;
import static org.custodian.retention.testing.RetentionSchool.auditRows;
import static org.custodian.retention.testing.RetentionSchool.base;
import static org.custodian.retention.testing.RetentionSchool.freshSchool;
import static org.custodian.retention.testing.RetentionSchool.holding;
import static org.custodian.retention.testing.RetentionSchool.legalHold;
import static org.custodian.retention.testing.RetentionSchool.pupil;
import static org.custodian.retention.testing.RetentionSchool.register;
import static org.custodian.testing.SchoolFixture.count;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

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
class DisposalWorkflowTest {

    static final String TODAY = LocalDate.now().toString();

    /** Registers the scenario's holdings and returns holding id by reference. */
    static Map<String, String> scenario(String school) {
        pupil(school, "P-A", LocalDate.parse("1990-01-01"), LocalDate.parse("2008-07-18"));
        pupil(school, "P-B", LocalDate.parse("1995-05-05"), LocalDate.parse("2011-07-20"));
        pupil(school, "P-C", LocalDate.parse("1990-03-03"), LocalDate.parse("2008-07-18"));
        pupil(school, "P-D", LocalDate.parse("2004-04-04"), null);
        Response registered = as("mis", school)
                .body(Map.of(
                        "holdings",
                        List.of(
                                holding("PUPIL_RECORD_LAST_SCHOOL", "P-A", "EDU-A", "2001-09-04"), // due 2015: destroy
                                holding("SEN_FILES", "P-A", "SEN-A", "2003-01-10"), // due 2021: review
                                holding("PUPIL_RECORD_PRIMARY", "P-B", "PRI-B", "1999-09-06"), // due 2011: transfer
                                holding(
                                        "ADMISSION_ATTENDANCE_REGISTERS",
                                        null,
                                        "ADM-2010",
                                        "2010-09-01"), // due 2016: destroy
                                holding(
                                        "ABSENCE_CORRESPONDENCE",
                                        "P-D",
                                        "ABS-D",
                                        "2015-03-10"), // due 2017: destroy (held later)
                                holding(
                                        "PUPIL_RECORD_LAST_SCHOOL",
                                        "P-C",
                                        "EDU-C",
                                        "2001-09-04"), // due, but the pupil is held
                                holding("CHILD_PROTECTION", "P-A", "CP-A", "2004-02-02"), // due, but the class is held
                                holding(
                                        "ADMISSION_ATTENDANCE_REGISTERS",
                                        null,
                                        "ADM-NEW",
                                        LocalDate.now().minusYears(1).toString()))))
                .post(base(school) + "/holdings");
        registered.then().statusCode(200).body("created", is(8));
        Map<String, String> ids = new HashMap<>();
        List<Map<String, Object>> items = registered.path("items");
        items.forEach(i -> ids.put((String) i.get("reference"), (String) i.get("id")));
        return ids;
    }

    static Map<String, Object> hold(String scope, String pupilId, String recordClass) {
        return legalHold(scope, pupilId, recordClass, "litigation", "CLAIM-1");
    }

    static Map<String, Object> confirmation(String on) {
        return Map.of("disposedOn", on, "method", "cross-cut shredding", "by", "Office manager");
    }

    @Test
    void aBatchGoesFromProposalThroughApprovalToACompleteCertificate() {
        String school = freshSchool();
        Map<String, String> ids = scenario(school);
        as("dpo", school)
                .body(hold("PUPIL", "P-C", null))
                .post(base(school) + "/legal-holds")
                .then()
                .statusCode(201);
        as("dpo", school)
                .body(hold("RECORD_CLASS", null, "CHILD_PROTECTION"))
                .post(base(school) + "/legal-holds")
                .then()
                .statusCode(201);

        try (Events events = new Events()) {
            Response proposed = as("dpo", school).body("{}").post(base(school) + "/disposal-batches");
            proposed.then()
                    .statusCode(201)
                    .body("status", is("PROPOSED"))
                    .body("itemCount", is(5))
                    .body("dueOnOrBefore", is(TODAY));
            String batch = proposed.path("id");
            String path = base(school) + "/disposal-batches/" + batch;
            CloudEvent event = events.await(
                            EventTypes.DISPOSAL_PROPOSED,
                            school,
                            d -> d.path("batchId").asText().equals(batch))
                    .orElseThrow();
            assertThat(event.data().path("itemCount").asInt()).isEqualTo(5);
            assertThat(event.subject()).isEqualTo("schools/" + school);

            // held records never enter a batch, nor do records not yet due
            as("auditor", school)
                    .get(path)
                    .then()
                    .statusCode(200)
                    .body("items.items.reference", containsInAnyOrder("EDU-A", "SEN-A", "PRI-B", "ADM-2010", "ABS-D"))
                    .body("itemsByAction.REVIEW", is(1))
                    .body("itemsByAction.TRANSFER_TO_NEXT_SCHOOL", is(1))
                    .body("itemsByAction.DESTROY", is(3));
            as("mis", school)
                    .get(base(school) + "/holdings/" + ids.get("EDU-A"))
                    .then()
                    .body("status", is("PROPOSED"))
                    .body("batchId", is(batch));
            as("dpo", school)
                    .body("{}")
                    .post(base(school) + "/disposal-batches")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json");

            // a REVIEW item needs a decision
            as("dpo", school)
                    .body("{}")
                    .post(path + "/approval")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.message", hasItem(containsString(ids.get("SEN-A"))));
            // only the DPO approves
            as("school-admin", school)
                    .body("{}")
                    .post(path + "/approval")
                    .then()
                    .statusCode(403);
            // a hold placed after the proposal stops approval until the record is excluded
            as("dpo", school)
                    .body(hold("PUPIL", "P-D", null))
                    .post(base(school) + "/legal-holds")
                    .then()
                    .statusCode(201);
            Map<String, Object> decisions = Map.of(
                    "decisions",
                    List.of(
                            Map.of(
                                    "holdingId",
                                    ids.get("SEN-A"),
                                    "decision",
                                    "KEEP",
                                    "reviewOn",
                                    LocalDate.now().plusYears(1).toString(),
                                    "reason",
                                    "tribunal pending"),
                            Map.of("holdingId", ids.get("PRI-B"), "decision", "TRANSFER", "nextSchoolUrn", "123456")));
            as("dpo", school)
                    .body(decisions)
                    .post(path + "/approval")
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("errors.message", hasItem(containsString(ids.get("ABS-D"))));
            as("dpo", school).get(path).then().body("batch.status", is("PROPOSED"));

            Map<String, Object> approval = new HashMap<>(decisions);
            approval.put(
                    "exclusions", List.of(Map.of("holdingId", ids.get("ABS-D"), "reason", "under legal hold CLAIM-1")));
            approval.put("note", "reviewed with the head");
            as("dpo", school)
                    .body(approval)
                    .post(path + "/approval")
                    .then()
                    .statusCode(200)
                    .body("batch.status", is("APPROVED"))
                    .body("batch.approvedBy", is("dpo-1"))
                    .body("outcomes.DESTROY", is(2))
                    .body("outcomes.TRANSFER", is(1))
                    .body("outcomes.KEEP", is(1))
                    .body("outcomes.EXCLUDED", is(1));
            as("dpo", school)
                    .body(approval)
                    .post(path + "/approval")
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json");
            CloudEvent transfer = events.await(
                            EventTypes.DISPOSAL_APPROVED,
                            school,
                            d -> d.path("holdingId").asText().equals(ids.get("PRI-B")))
                    .orElseThrow();
            assertThat(transfer.data().path("action").asText()).isEqualTo("TRANSFER");
            assertThat(transfer.data().path("nextSchoolUrn").asText()).isEqualTo("123456");
            assertThat(transfer.data().path("reference").asText()).isEqualTo("PRI-B");
            assertThat(transfer.subject()).isEqualTo("schools/" + school + "/pupils/P-B");
            assertThat(events.await(
                            EventTypes.DISPOSAL_APPROVED,
                            school,
                            d -> d.path("holdingId").asText().equals(ids.get("ADM-2010"))))
                    .isPresent();
            assertThat(events.count(EventTypes.DISPOSAL_APPROVED, school, d -> true, Duration.ofSeconds(1)))
                    .isEqualTo(3);

            // kept and excluded records are back in the register
            as("mis", school)
                    .get(base(school) + "/holdings/" + ids.get("SEN-A"))
                    .then()
                    .body("status", is("ACTIVE"))
                    .body("dueAction", is("REVIEW"))
                    .body("reviewOn", is(LocalDate.now().plusYears(1).toString()))
                    .body("dueOn", is(LocalDate.now().plusYears(1).toString()));
            as("mis", school)
                    .get(base(school) + "/holdings/" + ids.get("ABS-D"))
                    .then()
                    .body("status", is("ACTIVE"))
                    .body("onLegalHold", is(true))
                    .body("batchId", nullValue());

            as("dpo", school)
                    .get(path + "/certificate")
                    .then()
                    .statusCode(200)
                    .body("complete", is(false))
                    .body("records", hasSize(3))
                    .body("records.status", everyItem(is("AWAITING_CONFIRMATION")))
                    .body("notDisposed.KEEP", is(1))
                    .body("notDisposed.EXCLUDED", is(1));

            // the owning systems confirm
            as("staff", school)
                    .body(confirmation(TODAY))
                    .post(base(school) + "/holdings/" + ids.get("EDU-A") + "/destruction-confirmation")
                    .then()
                    .statusCode(403);
            as("mis", school)
                    .body(confirmation(LocalDate.now().plusDays(1).toString()))
                    .post(base(school) + "/holdings/" + ids.get("EDU-A") + "/destruction-confirmation")
                    .then()
                    .statusCode(400)
                    .body("errors.field", hasItem("disposedOn"));
            as("mis", school)
                    .body(confirmation(TODAY))
                    .post(base(school) + "/holdings/" + ids.get("SEN-A") + "/destruction-confirmation")
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json");
            as("mis", school)
                    .body(confirmation(TODAY))
                    .post(base(school) + "/holdings/" + ids.get("EDU-A") + "/destruction-confirmation")
                    .then()
                    .statusCode(200)
                    .body("status", is("DISPOSED"))
                    .body("disposedOn", is(TODAY))
                    .body("pupilId", nullValue());
            as("mis", school)
                    .body(confirmation(TODAY))
                    .post(base(school) + "/holdings/" + ids.get("EDU-A") + "/destruction-confirmation")
                    .then()
                    .statusCode(409)
                    .body("detail", containsString("cannot be destroyed twice"));
            CloudEvent disposed = events.await(
                            EventTypes.RECORD_DISPOSED,
                            school,
                            d -> d.path("holdingId").asText().equals(ids.get("EDU-A")))
                    .orElseThrow();
            assertThat(disposed.data().path("outcome").asText()).isEqualTo("DESTROYED");
            assertThat(disposed.subject()).isEqualTo("schools/" + school + "/pupils/P-A");
            as("mis", school)
                    .body(confirmation(TODAY))
                    .post(base(school) + "/holdings/" + ids.get("ADM-2010") + "/destruction-confirmation")
                    .then()
                    .statusCode(200);
            as("mis", school)
                    .body(Map.of("disposedOn", TODAY, "method", "secure transfer (S2S)", "by", "Admissions officer"))
                    .post(base(school) + "/holdings/" + ids.get("PRI-B") + "/destruction-confirmation")
                    .then()
                    .statusCode(200)
                    .body("status", is("TRANSFERRED"));
        }

        String path = base(school) + "/disposal-batches/";
        String batch = as("dpo", school)
                .get(base(school) + "/disposal-batches")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].status", is("COMPLETED"))
                .extract()
                .path("items[0].id");
        Response certificate = as("auditor", school).get(path + batch + "/certificate");
        certificate
                .then()
                .statusCode(200)
                .body("complete", is(true))
                .body("approvedBy", is("dpo-1"))
                .body("records.status", containsInAnyOrder("DESTROYED", "DESTROYED", "TRANSFERRED"))
                .body("records.confirmedBy", everyItem(is(notNullValue())))
                .body("records.find { it.reference == 'EDU-A' }.classDescription", containsString("last school"))
                .body("records.find { it.reference == 'EDU-A' }.method", is("cross-cut shredding"))
                .body("records.find { it.reference == 'PRI-B' }.nextSchoolUrn", is("123456"))
                .body("records[0]", not(hasKey("pupilId")));
        assertThat(certificate.asString()).doesNotContain("P-A").doesNotContain("P-B");
        assertThat(count(
                        "SELECT count(*) FROM holding WHERE school_urn = ? AND status IN ('DISPOSED','TRANSFERRED') "
                                + "AND pupil_id IS NULL",
                        school))
                .as("no link to the pupil is kept")
                .isEqualTo(3);
        assertThat(auditRows(school, "disposal.proposed")).isEqualTo(1);
        assertThat(auditRows(school, "disposal.approved")).isEqualTo(1);
        assertThat(auditRows(school, "record.disposed")).isEqualTo(3);
    }

    @Test
    void aSchoolWideHoldStopsEveryBatchUntilItIsReleased() {
        String school = freshSchool();
        register(school, List.of(holding("ADMISSION_ATTENDANCE_REGISTERS", null, "ADM-1", "2010-09-01")))
                .statusCode(200);
        String hold = as("dpo", school)
                .body(hold("SCHOOL", null, null))
                .post(base(school) + "/legal-holds")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("dpo", school)
                .body("{}")
                .post(base(school) + "/disposal-batches")
                .then()
                .statusCode(422);
        as("dpo", school).delete(base(school) + "/legal-holds/" + hold).then().statusCode(200);
        as("school-admin", school)
                .body(Map.of("recordClasses", List.of("ADMISSION_ATTENDANCE_REGISTERS")))
                .post(base(school) + "/disposal-batches")
                .then()
                .statusCode(201)
                .body("itemCount", is(1));
    }

    @Test
    void badProposalsAndCertificatesOfUnapprovedBatchesAreProblems() {
        String school = freshSchool();
        register(school, List.of(holding("ADMISSION_ATTENDANCE_REGISTERS", null, "ADM-1", "2010-09-01")))
                .statusCode(200);
        as("dpo", school)
                .body(Map.of("dueOnOrBefore", LocalDate.now().plusDays(1).toString()))
                .post(base(school) + "/disposal-batches")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("dueOnOrBefore"));
        as("dpo", school)
                .body(Map.of("recordClasses", List.of("NOPE")))
                .post(base(school) + "/disposal-batches")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("recordClasses[0]"));
        as("dpo", school)
                .body(Map.of("maxItems", 0))
                .post(base(school) + "/disposal-batches")
                .then()
                .statusCode(400);
        for (String role : List.of("mis", "staff", "auditor", "parent")) {
            as(role, school)
                    .body("{}")
                    .post(base(school) + "/disposal-batches")
                    .then()
                    .statusCode(403);
        }
        assertThat(count("SELECT count(*) FROM disposal_batch WHERE school_urn = ?", school))
                .isZero();

        String batch = as("dpo", school)
                .body("{}")
                .post(base(school) + "/disposal-batches")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("dpo", school)
                .get(base(school) + "/disposal-batches/" + batch + "/certificate")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        as("dpo", school)
                .body(Map.of(
                        "exclusions",
                        List.of(Map.of("holdingId", java.util.UUID.randomUUID().toString(), "reason", "x"))))
                .post(base(school) + "/disposal-batches/" + batch + "/approval")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("exclusions[0].holdingId"));
        String other = freshSchool();
        as("dpo", other).get(base(other) + "/disposal-batches/" + batch).then().statusCode(404);
        as("dpo", other)
                .body("{}")
                .post(base(other) + "/disposal-batches/" + batch + "/approval")
                .then()
                .statusCode(404);
        as("parent", school)
                .get(base(school) + "/disposal-batches/" + batch)
                .then()
                .statusCode(403);
    }

    @Test
    void aRecordThatIsNoLongerDueAtApprovalGoesBackToTheRegister() {
        String school = freshSchool();
        String id = register(school, List.of(holding("ADMISSION_ATTENDANCE_REGISTERS", null, "ADM-1", "2010-09-01")))
                .statusCode(200)
                .extract()
                .path("items[0].id");
        String batch = as("dpo", school)
                .body("{}")
                .post(base(school) + "/disposal-batches")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> longer = new HashMap<>();
        longer.put("description", "Admission register, attendance register entries");
        longer.put("trigger", "CREATED");
        longer.put("period", "P100Y");
        longer.put("action", "DESTROY");
        longer.put("basis", "LEGAL_OBLIGATION");
        longer.put("citation", "school policy");
        longer.put("reason", "archive the registers");
        as("dpo", school)
                .header("If-Match", "\"0\"")
                .body(longer)
                .put(base(school) + "/retention-schedule/ADMISSION_ATTENDANCE_REGISTERS")
                .then()
                .statusCode(200)
                .body("holdingsRedated", is(1));
        as("dpo", school)
                .body("{}")
                .post(base(school) + "/disposal-batches/" + batch + "/approval")
                .then()
                .statusCode(200)
                .body("outcomes.NO_LONGER_DUE", is(1))
                .body("batch.status", is("COMPLETED"));
        as("mis", school)
                .get(base(school) + "/holdings/" + id)
                .then()
                .body("status", is("ACTIVE"))
                .body("dueOn", is("2110-09-01"));
    }
}
