package org.custodian.sharing.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.custodian.sharing.support.Api.agreementBody;
import static org.custodian.sharing.support.Api.as;
import static org.custodian.sharing.support.Api.base;
import static org.custodian.sharing.support.Api.dpo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.time.LegalTime;
import org.custodian.sharing.decision.StatutoryTransferRules;
import org.custodian.sharing.decision.TransferKind;
import org.custodian.sharing.projection.ProjectionConsumers;
import org.custodian.sharing.support.Api;
import org.custodian.sharing.support.Events;
import org.custodian.sharing.support.SharingTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, statutory transfers after leaving, through the API: leaving opens the due transfers (to the local
 * authority while the new school is unknown), the school records them sent (and the safeguarding file received, or
 * not held), and the pupil's educational record still goes to the new school after leaving.
 */
@SharingTest
class DueTransfersApiTest {

    static final String URN = "240124";

    @Inject
    DataSource dataSource;

    String child;
    LocalDate leftOn;

    @BeforeEach
    void aChildWhoLeft() {
        child = "P-" + UUID.randomUUID();
        leftOn = LegalTime.today(Clock.systemUTC()).minusDays(2);
        Events.publish(Events.enrolled(URN, child));
        Events.publish(Events.left(URN, child, leftOn));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> transfers().getList("kind").size() == 3);
    }

    private JsonPath transfers() {
        return dpo(URN).get(base(URN) + "/due-transfers?pupilId=" + child)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private String id(String kind) {
        return transfers().getString("find { it.kind == '" + kind + "' }.id");
    }

    private static String recipient(String name, String kind, String sector) {
        return dpo(URN).body(
                        Map.of("name", name + " " + UUID.randomUUID(), "kind", kind, "sector", sector, "country", "GB"))
                .post(base(URN) + "/recipients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private long count(String sql, Object... params) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Waits until the roster consumer has consumed {@code event} (applied or not: its id is in the inbox). */
    private void awaitConsumed(CloudEvent event) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(
                                "SELECT count(*) FROM inbox_event WHERE consumer = ? AND event_id = ?",
                                ProjectionConsumers.ROSTER,
                                event.id())
                        == 1);
    }

    @Test
    void aStalePupilLeftDeliveredOutOfOrderOpensAndMovesNothing() throws Exception {
        // written an hour before the pupil.left already applied, with another leaving date: the roster ignores it,
        // and so must the due transfers
        CloudEvent stale = Events.writtenAt(
                Events.left(URN, child, leftOn.minusDays(7)),
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(1));
        Events.publish(stale);
        awaitConsumed(stale);
        JsonPath t = transfers();
        assertThat(t.getList("kind")).hasSize(3);
        assertThat(t.getList("leftOn")).containsOnly(leftOn.toString());
        assertThat(count(
                        "SELECT count(*) FROM roster_pupil WHERE school_urn = ? AND pupil_id = ? AND leaving_date = ?",
                        URN,
                        child,
                        leftOn))
                .isEqualTo(1);
    }

    @Test
    void leavingOpensTheTransfersWithTheirStatutoryDates() {
        JsonPath t = transfers();
        assertThat(t.getString("find { it.kind == 'COMMON_TRANSFER_FILE' }.dueOn"))
                .isEqualTo(StatutoryTransferRules.dueOn(TransferKind.COMMON_TRANSFER_FILE, leftOn)
                        .toString());
        assertThat(t.getString("find { it.kind == 'SAFEGUARDING_FILE' }.dueOn"))
                .isEqualTo(StatutoryTransferRules.dueOn(TransferKind.SAFEGUARDING_FILE, leftOn)
                        .toString());
        assertThat(t.getInt("find { it.kind == 'EDUCATIONAL_RECORD' }.days")).isEqualTo(15);
        assertThat(t.getBoolean("find { it.kind == 'EDUCATIONAL_RECORD' }.schoolDays"))
                .isTrue();
        // the roster does not name the new school: the file and record go to the local authority until it is known
        assertThat(t.getString("find { it.kind == 'EDUCATIONAL_RECORD' }.destination"))
                .isEqualTo("LOCAL_AUTHORITY");
        assertThat(t.getBoolean("find { it.kind == 'SAFEGUARDING_FILE' }.onlyIfHeld"))
                .isTrue();
        assertThat(t.getList("status")).containsOnly("DUE");
        assertThat(t.getList("overdue")).containsOnly(false);
        // the same event again opens nothing more
        Events.publish(Events.left(URN, child, leftOn));
        assertThat(transfers().getList("kind")).hasSize(3);
        // opening them is audited, once, by the service itself
        List<Map<String, Object>> opened = audit().stream()
                .filter(e -> "due-transfer.opened".equals(e.get("action")))
                .toList();
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).get("actor")).isEqualTo("sharing-service");
        assertThat((String) opened.get(0).get("detail"))
                .contains("COMMON_TRANSFER_FILE", "EDUCATIONAL_RECORD", "SAFEGUARDING_FILE", "LOCAL_AUTHORITY");
    }

    private List<Map<String, Object>> audit() {
        return dpo(URN).get(base(URN) + "/audit/sharing?limit=500&subject=pupils/" + child)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }

    private List<String> auditActions() {
        return audit().stream().map(e -> (String) e.get("action")).toList();
    }

    @Test
    void aPupilWhoLeftForANamedSchoolHasEveryTransferAddressedToIt() {
        String pupil = "P-" + UUID.randomUUID();
        Events.publish(Events.enrolled(URN, pupil), Events.left(URN, pupil, leftOn, "100042"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> dpo(URN).get(base(URN) + "/due-transfers?pupilId=" + pupil)
                                .then()
                                .extract()
                                .jsonPath()
                                .getList("kind")
                                .size()
                        == 3);
        JsonPath t = dpo(URN).get(base(URN) + "/due-transfers?pupilId=" + pupil)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(t.getList("destination")).containsOnly("NEW_SCHOOL");
        assertThat(t.getList("destinationUrn")).containsOnly("100042");
    }

    @Test
    void aLaterPupilLeftNamingTheNewSchoolReaddressesTheTransfersStillDue() {
        String today = LegalTime.today(Clock.systemUTC()).toString();
        // the common transfer file already went to the local authority while the new school was unknown
        dpo(URN).body(Map.of("sentOn", today))
                .post(base(URN) + "/due-transfers/" + id("COMMON_TRANSFER_FILE") + "/sent")
                .then()
                .statusCode(200);
        Events.publish(Events.left(URN, child, leftOn, "100042"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "100042"
                        .equals(transfers().getString("find { it.kind == 'EDUCATIONAL_RECORD' }.destinationUrn")));
        JsonPath t = transfers();
        assertThat(t.getList("kind")).hasSize(3);
        assertThat(t.getString("find { it.kind == 'EDUCATIONAL_RECORD' }.destination"))
                .isEqualTo("NEW_SCHOOL");
        assertThat(t.getString("find { it.kind == 'SAFEGUARDING_FILE' }.destinationUrn"))
                .isEqualTo("100042");
        // what was sent stays as it was sent
        assertThat(t.getString("find { it.kind == 'COMMON_TRANSFER_FILE' }.destination"))
                .isEqualTo("LOCAL_AUTHORITY");
        assertThat(t.getString("find { it.kind == 'COMMON_TRANSFER_FILE' }.destinationUrn"))
                .isNull();
        assertThat(auditActions()).contains("due-transfer.readdressed");
        // recorded sent without naming the school: the one the roster named
        dpo(URN).body(Map.of("sentOn", today))
                .post(base(URN) + "/due-transfers/" + id("EDUCATIONAL_RECORD") + "/sent")
                .then()
                .statusCode(200)
                .body("destination", is("NEW_SCHOOL"))
                .body("destinationUrn", is("100042"));
        // the roster no longer knows the school: what is still due goes back to where the law sends it then
        Events.publish(Events.left(URN, child, leftOn, null));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> transfers().getString("find { it.kind == 'SAFEGUARDING_FILE' }.destinationUrn") == null);
        assertThat(transfers().getString("find { it.kind == 'SAFEGUARDING_FILE' }.destination"))
                .isEqualTo("NEW_SCHOOL");
        assertThat(transfers().getString("find { it.kind == 'EDUCATIONAL_RECORD' }.destinationUrn"))
                .isEqualTo("100042");
    }

    @Test
    void aCorrectedLeavingDateMovesTheTransfersStillDue_notThoseDone() {
        String today = LegalTime.today(Clock.systemUTC()).toString();
        dpo(URN).body(Map.of("sentOn", today))
                .post(base(URN) + "/due-transfers/" + id("EDUCATIONAL_RECORD") + "/sent")
                .then()
                .statusCode(200);
        dpo(URN).body(Map.of("note", "No child protection file: no concerns were ever recorded."))
                .post(base(URN) + "/due-transfers/" + id("SAFEGUARDING_FILE") + "/not-held")
                .then()
                .statusCode(200);
        LocalDate corrected = leftOn.minusDays(1);
        Events.publish(Events.left(URN, child, corrected));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> corrected
                        .toString()
                        .equals(transfers().getString("find { it.kind == 'COMMON_TRANSFER_FILE' }.leftOn")));
        JsonPath t = transfers();
        assertThat(t.getList("kind")).as("nothing opened again").hasSize(3);
        assertThat(t.getString("find { it.kind == 'COMMON_TRANSFER_FILE' }.dueOn"))
                .isEqualTo(StatutoryTransferRules.dueOn(TransferKind.COMMON_TRANSFER_FILE, corrected)
                        .toString());
        assertThat(t.getString("find { it.kind == 'COMMON_TRANSFER_FILE' }.status"))
                .isEqualTo("DUE");
        // the record sent and the file not held stay as they were
        assertThat(t.getString("find { it.kind == 'EDUCATIONAL_RECORD' }.leftOn"))
                .isEqualTo(leftOn.toString());
        assertThat(t.getString("find { it.kind == 'EDUCATIONAL_RECORD' }.dueOn"))
                .isEqualTo(StatutoryTransferRules.dueOn(TransferKind.EDUCATIONAL_RECORD, leftOn)
                        .toString());
        assertThat(t.getString("find { it.kind == 'SAFEGUARDING_FILE' }.leftOn"))
                .isEqualTo(leftOn.toString());
        assertThat(t.getString("find { it.kind == 'SAFEGUARDING_FILE' }.status"))
                .isEqualTo("NOT_HELD");
        assertThat(auditActions()).contains("due-transfer.redated");
    }

    @Test
    void aTokenForAnotherSchoolIsRefusedEveryDueTransferOperationAndChangesNothing() {
        String today = LegalTime.today(Clock.systemUTC()).toString();
        String other = "999999";
        String record = id("EDUCATIONAL_RECORD");
        String safeguarding = id("SAFEGUARDING_FILE");
        dpo(other).get(base(URN) + "/due-transfers").then().statusCode(403).contentType("application/problem+json");
        dpo(other)
                .body(Map.of("sentOn", today, "destination", "NEW_SCHOOL", "destinationUrn", "123456"))
                .post(base(URN) + "/due-transfers/" + record + "/sent")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        dpo(other)
                .body(Map.of("confirmedOn", today))
                .post(base(URN) + "/due-transfers/" + safeguarding + "/receipt")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        dpo(other)
                .body(Map.of("note", "No child protection file: no concerns were ever recorded."))
                .post(base(URN) + "/due-transfers/" + safeguarding + "/not-held")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        // and from its own school's path, the other school does not see this school's transfers at all
        dpo(other)
                .body(Map.of("note", "No child protection file: no concerns were ever recorded."))
                .post(base(other) + "/due-transfers/" + safeguarding + "/not-held")
                .then()
                .statusCode(404);
        JsonPath t = transfers();
        assertThat(t.getList("status")).containsOnly("DUE");
        assertThat(t.getList("sentOn")).containsOnly((Object) null);
        assertThat(t.getList("note")).containsOnly((Object) null);
    }

    @Test
    void aLeftPupilsEducationalRecordGoesToTheNewSchool_anythingElseIsStillRefused() {
        String newSchool = recipient("Hillside Academy", "CONTROLLER", "EDUCATION");
        Api.agreement(
                URN,
                agreementBody(
                        newSchool,
                        "LEGAL_OBLIGATION",
                        "educational-record-transfer",
                        "legalReference",
                        "Education (Pupil Information) (England) Regulations 2005 reg 9(3)"));
        assertThat(Api.outcome(URN, newSchool, child, "educational-record-transfer"))
                .isEqualTo("ALLOWED");
        Api.agreement(URN, agreementBody(newSchool, "PUBLIC_TASK", "sports-fixtures"));
        assertThat(Api.reasons(URN, newSchool, child, "sports-fixtures")).contains("PUPIL_NOT_ON_ROSTER");
    }

    @Test
    void theSchoolRecordsTheTransfersSent_theSafeguardingFileReceivedOrNotHeld() {
        String today = LegalTime.today(Clock.systemUTC()).toString();
        String record = id("EDUCATIONAL_RECORD");
        String path = base(URN) + "/due-transfers/" + record + "/sent";
        dpo(URN).body(Map.of("sentOn", today, "destination", "NEW_SCHOOL"))
                .post(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("destinationUrn"));
        dpo(URN).body(Map.of("sentOn", "2999-01-01"))
                .post(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("sentOn"));
        dpo(URN).body(Map.of("sentOn", today, "destination", "SOMEWHERE"))
                .post(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as("school-admin", URN)
                .body(Map.of("sentOn", today, "destination", "NEW_SCHOOL", "destinationUrn", "123456"))
                .post(path)
                .then()
                .statusCode(200)
                .body("status", is("SENT"))
                .body("destinationUrn", is("123456"))
                .body("late", is(false));
        dpo(URN).body(Map.of("sentOn", today))
                .post(path)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        // the common transfer file to the local authority, the new school unknown
        dpo(URN).body(Map.of("sentOn", today))
                .post(base(URN) + "/due-transfers/" + id("COMMON_TRANSFER_FILE") + "/sent")
                .then()
                .statusCode(200)
                .body("destination", is("LOCAL_AUTHORITY"));
        // the educational record has no receipt to confirm, and only the safeguarding file can be not held
        dpo(URN).body(Map.of("confirmedOn", today))
                .post(base(URN) + "/due-transfers/" + record + "/receipt")
                .then()
                .statusCode(422);

        String safeguarding = id("SAFEGUARDING_FILE");
        dpo(URN).body(Map.of("confirmedOn", today))
                .post(base(URN) + "/due-transfers/" + safeguarding + "/receipt")
                .then()
                .statusCode(409)
                .body("detail", containsString("after the file was sent"));
        dpo(URN).body(Map.of("sentOn", today))
                .post(base(URN) + "/due-transfers/" + safeguarding + "/sent")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("destinationUrn"));
        dpo(URN).body(Map.of("sentOn", today, "destination", "LOCAL_AUTHORITY"))
                .post(base(URN) + "/due-transfers/" + safeguarding + "/sent")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("destination"));
        dpo(URN).body(Map.of("sentOn", today, "destinationUrn", "123456"))
                .post(base(URN) + "/due-transfers/" + safeguarding + "/sent")
                .then()
                .statusCode(200)
                .body("status", is("SENT"))
                .body("receiptRequired", is(true));
        dpo(URN).body(Map.of("confirmedOn", today, "note", "DSL at Hillside confirmed by phone"))
                .post(base(URN) + "/due-transfers/" + safeguarding + "/receipt")
                .then()
                .statusCode(200)
                .body("status", is("RECEIPT_CONFIRMED"));
        assertThat(transfers().getList("overdue")).containsOnly(false);
    }

    @Test
    void onlyTheDpoClosesTheSafeguardingFileAsNotHeld() {
        String safeguarding = id("SAFEGUARDING_FILE");
        String path = base(URN) + "/due-transfers/" + safeguarding + "/not-held";
        Map<String, String> body = Map.of("note", "No child protection file: no concerns were ever recorded.");
        as("school-admin", URN).body(body).post(path).then().statusCode(403);
        dpo(URN).body(Map.of("note", "none")).post(path).then().statusCode(400);
        dpo(URN).body(body).post(path).then().statusCode(200).body("status", is("NOT_HELD"));
        dpo(URN).body(body)
                .post(base(URN) + "/due-transfers/" + id("EDUCATIONAL_RECORD") + "/not-held")
                .then()
                .statusCode(422);
        dpo(URN).body(body)
                .post(base(URN) + "/due-transfers/" + UUID.randomUUID() + "/not-held")
                .then()
                .statusCode(404);
        dpo(URN).body(body)
                .post(base(URN) + "/due-transfers/not-a-uuid/not-held")
                .then()
                .statusCode(400);
        as("staff", URN).get(base(URN) + "/due-transfers").then().statusCode(403);
        dpo(URN).get(base(URN) + "/due-transfers?status=LOST").then().statusCode(400);
        assertThat(dpo(URN).get(base(URN) + "/due-transfers?status=NOT_HELD&pupilId=" + child)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("kind"))
                .isEqualTo(List.of("SAFEGUARDING_FILE"));
    }
}
