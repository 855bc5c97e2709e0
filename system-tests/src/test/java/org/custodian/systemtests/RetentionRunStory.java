package org.custodian.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.custodian.systemtests.support.Api.object;
import static org.custodian.systemtests.support.Api.texts;
import static org.custodian.systemtests.support.School.holding;
import static org.custodian.systemtests.support.School.parentOf;
import static org.custodian.systemtests.support.Stack.LONDON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodian.systemtests.support.EventLog;
import org.custodian.systemtests.support.School;
import org.junit.jupiter.api.Test;

/**
 * Story 7. Records kept no longer than the schedule allows, and proof of it: a pupil who left seven years ago has
 * attendance register entries (six years from entry) and a primary-school record (transferred when the pupil leaves);
 * another leaver's records are under a legal hold. The disposal batch proposes what is due and unheld, the DPO
 * approves, the MIS confirms, and the destruction certificate lists exactly those records and names no pupil.
 */
class RetentionRunStory {

    static final String OLD = "P-OLD", HELD = "P-HELD";

    @Test
    void aDisposalBatchProposesWhatIsDueSkipsWhatIsHeldAndEndsInACertificate() {
        School school = School.fresh();
        LocalDate today = LocalDate.now(LONDON), left = today.minusYears(7);
        school.syncRoster(
                List.of(leaver(OLD, "Olive", left), leaver(HELD, "Harry", left)),
                List.of(parentOf("G-OLD", "MOTHER", OLD), parentOf("G-HELD", "FATHER", HELD)));

        // the MIS registers what it still holds about them
        LocalDate entry1 = left.minusYears(1), entry2 = left.minusMonths(3), recent = today.minusYears(2);
        school.registerHoldings(List.of(
                holding("ADMISSION_ATTENDANCE_REGISTERS", OLD, "ATT-OLD-1", entry1, null),
                holding("ADMISSION_ATTENDANCE_REGISTERS", OLD, "ATT-OLD-2", entry2, null),
                holding("PUPIL_RECORD_PRIMARY", OLD, "PRI-OLD", left.minusYears(6), null),
                holding("ADMISSION_ATTENDANCE_REGISTERS", HELD, "ATT-HELD-1", entry1, null),
                holding("ADMISSION_ATTENDANCE_REGISTERS", null, "ATT-REGISTER-" + recent.getYear(), recent, null)));

        // retention-service learns the leaving date from the roster (Kafka): the primary record falls due that day
        org.custodian.systemtests.support.Effects.of("the leaver's roster sync (story 7)")
                .expect(
                        "retention-service dates the primary record from the leaving day",
                        () -> school.holdingOf(OLD, "PRI-OLD")
                                .path("dueOn")
                                .asText()
                                .equals(left.toString()))
                .await(Duration.ofSeconds(120));
        assertThat(school.holdingOf(OLD, "PRI-OLD").path("dueAction").asText()).isEqualTo("TRANSFER_TO_NEXT_SCHOOL");
        assertThat(school.holdingOf(OLD, "ATT-OLD-1").path("dueOn").asText())
                .isEqualTo(entry1.plusYears(6).toString());

        // Harry's family has a claim against the school: his records are held
        ObjectNode hold = object().put("scope", "PUPIL")
                .put("pupilId", HELD)
                .put("reason", "Personal injury claim notified by solicitors")
                .put("reference", "CLAIM-2026-07");
        String holdId = school.dpo
                .post(school.path("/legal-holds"), hold)
                .json(201)
                .path("id")
                .asText();

        try (EventLog retention = new EventLog("custodian.retention.v1", school.urn)) {
            // the proposal: what is due and not held, nothing else
            JsonNode batch =
                    school.dpo.post(school.path("/disposal-batches"), object()).json(201);
            String batchId =
                    batch.path("batch").path("id").asText(batch.path("id").asText());
            JsonNode review = school.dpo
                    .get(school.path("/disposal-batches/" + batchId + "?limit=500"))
                    .json(200);
            List<String> proposed = texts(review.path("items").path("items"), "reference");
            assertThat(proposed).containsExactlyInAnyOrder("ATT-OLD-1", "ATT-OLD-2", "PRI-OLD");
            assertThat(review.path("items").path("items"))
                    .noneMatch(item -> item.path("underLegalHold").asBoolean());
            assertThat(review.path("itemsByAction").path("DESTROY").asInt()).isEqualTo(2);
            assertThat(review.path("itemsByAction")
                            .path("TRANSFER_TO_NEXT_SCHOOL")
                            .asInt())
                    .isEqualTo(1);
            JsonNode held = school.holdingOf(HELD, "ATT-HELD-1");
            assertThat(held.path("onLegalHold").asBoolean()).isTrue();
            assertThat(held.path("status").asText()).isEqualTo("ACTIVE");

            // the DPO approves: the attendance entries destroyed, the primary record sent on to Olive's secondary
            // school
            Map<String, String> ids = new java.util.HashMap<>();
            review.path("items")
                    .path("items")
                    .forEach(item -> ids.put(
                            item.path("reference").asText(),
                            item.path("holdingId").asText()));
            ObjectNode approval = object().put("note", "Reviewed with the head teacher");
            approval.putArray("decisions")
                    .addObject()
                    .put("holdingId", ids.get("PRI-OLD"))
                    .put("decision", "TRANSFER")
                    .put("nextSchoolUrn", "117000");
            school.dpo
                    .post(school.path("/disposal-batches/" + batchId + "/approval"), approval)
                    .expect(200);
            // only the DPO approves; a second approval is refused
            assertThat(school.admin
                            .post(school.path("/disposal-batches/" + batchId + "/approval"), object())
                            .status())
                    .isEqualTo(403);
            assertThat(school.dpo
                            .post(school.path("/disposal-batches/" + batchId + "/approval"), object())
                            .status())
                    .isEqualTo(409);
            await("disposal.approved published per record")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> retention.ofType("disposal.approved").size() >= 3);
            assertThat(retention.ofType("disposal.approved")).hasSize(3);
            assertThat(retention.ofType("disposal.approved"))
                    .allMatch(e -> OLD.equals(e.path("data").path("pupilId").asText()));

            // the MIS confirms: shredded, and sent on
            for (String reference : List.of("ATT-OLD-1", "ATT-OLD-2", "PRI-OLD")) {
                ObjectNode confirmation = object().put("disposedOn", today.toString())
                        .put("by", "Office manager")
                        .put(
                                "method",
                                reference.startsWith("PRI")
                                        ? "sent to the secondary school by secure transfer"
                                        : "cross-cut shredding");
                school.mis
                        .post(
                                school.path("/holdings/" + ids.get(reference) + "/destruction-confirmation"),
                                confirmation)
                        .expect(200);
            }
            assertThat(school.mis
                            .post(
                                    school.path("/holdings/" + ids.get("ATT-OLD-1") + "/destruction-confirmation"),
                                    object().put("disposedOn", today.toString())
                                            .put("by", "x")
                                            .put("method", "again"))
                            .status())
                    .isEqualTo(409);

            // the certificate: exactly those records, how and by whom, and no pupil named
            JsonNode certificate = school.dpo
                    .get(school.path("/disposal-batches/" + batchId + "/certificate"))
                    .json(200);
            assertThat(certificate.path("complete").asBoolean()).isTrue();
            assertThat(certificate.path("approvedBy").asText()).isEqualTo("dpo-" + school.urn);
            List<String> lines = new ArrayList<>();
            certificate
                    .path("records")
                    .forEach(r -> lines.add(r.path("reference").asText() + " "
                            + r.path("status").asText() + " "
                            + r.path("disposedOn").asText()));
            assertThat(lines)
                    .containsExactlyInAnyOrder(
                            "ATT-OLD-1 DESTROYED " + today,
                            "ATT-OLD-2 DESTROYED " + today,
                            "PRI-OLD TRANSFERRED " + today);
            assertThat(certificate.toString()).doesNotContain(OLD, HELD, "Olive", "Harry");
            await("record.disposed published per record")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> retention.ofType("record.disposed").size() >= 3);
            assertThat(retention.ofType("record.disposed")).hasSize(3);
        }

        // Harry's record waits for the hold to be released; the recent register entry is not due
        assertThat(school.holdingOf(HELD, "ATT-HELD-1").path("status").asText()).isEqualTo("ACTIVE");
        assertThat(school.dpo
                        .get(school.path("/legal-holds/" + holdId))
                        .json(200)
                        .path("status")
                        .asText())
                .isEqualTo("ACTIVE");
        assertThat(school.dpo
                        .get(school.path("/holdings?limit=500&status=ACTIVE"))
                        .json(200)
                        .path("items")
                        .toString())
                .contains("ATT-REGISTER-" + recent.getYear(), "ATT-HELD-1")
                .doesNotContain("ATT-OLD-1");
    }

    /** A pupil who left on {@code left}, aged 11 then (end of Year 6). */
    private static ObjectNode leaver(String id, String name, LocalDate left) {
        LocalDate born = left.minusYears(11).minusMonths(2);
        return object().put("pupilId", id)
                .put("givenName", name)
                .put("familyName", "Test")
                .put("dateOfBirth", born.toString())
                .put("yearGroup", 6)
                .put(
                        "admissionDate",
                        born.plusYears(4).withMonth(9).withDayOfMonth(1).toString())
                .put("leavingDate", left.toString());
    }
}
