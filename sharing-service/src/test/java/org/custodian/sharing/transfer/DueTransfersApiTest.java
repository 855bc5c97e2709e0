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
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.platform.time.LegalTime;
import org.custodian.sharing.decision.StatutoryTransferRules;
import org.custodian.sharing.decision.TransferKind;
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
