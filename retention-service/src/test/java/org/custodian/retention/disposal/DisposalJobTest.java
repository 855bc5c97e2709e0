package org.custodian.retention.disposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.retention.testing.RetentionSchool.as;
import static org.custodian.retention.testing.RetentionSchool.base;
import static org.custodian.retention.testing.RetentionSchool.execute;
import static org.custodian.retention.testing.RetentionSchool.freshSchool;
import static org.custodian.retention.testing.RetentionSchool.holding;
import static org.custodian.retention.testing.RetentionSchool.register;
import static org.custodian.testing.SchoolFixture.count;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.custodian.platform.events.EventTypes;
import org.custodian.retention.Events;
import org.custodian.retention.RetentionTest;
import org.custodian.testing.PostgresResource;
import org.junit.jupiter.api.Test;

@RetentionTest
class DisposalJobTest {

    @Inject
    DisposalJob job;

    @Test
    void theDailyRunProposesABatchPerSchoolOnceAndEndsHoldsWhoseEndPassed() {
        String school = freshSchool();
        register(
                        school,
                        List.of(
                                holding("ADMISSION_ATTENDANCE_REGISTERS", null, "ADM-1", "2010-09-01"),
                                holding("FREE_SCHOOL_MEALS", "P-1", "FSM-1", "2012-10-01")))
                .statusCode(200);
        UUID ended = UUID.randomUUID();
        execute(
                "INSERT INTO legal_hold (school_urn, id, scope, pupil_id, reason, reference, placed_by, placed_at, ends_on) "
                        + "VALUES (?, ?, 'PUPIL', 'P-1', 'claim', 'C-1', 'dpo-1', now() - interval '30 days', ?)",
                school,
                ended,
                LocalDate.now().minusDays(1));

        try (Events events = new Events()) {
            DisposalJob.Run run = job.runNow();
            assertThat(run.ran()).isTrue();
            assertThat(events.await(
                            EventTypes.LEGAL_HOLD_RELEASED,
                            school,
                            d -> d.path("holdId").asText().equals(ended.toString())
                                    && d.path("how").asText().equals("ENDED")))
                    .isPresent();
            assertThat(events.await(
                            EventTypes.DISPOSAL_PROPOSED,
                            school,
                            d -> d.path("proposedBy").asText().equals("retention-service (daily job)")))
                    .isPresent();
        }
        as("dpo", school)
                .get(base(school) + "/disposal-batches")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].itemCount", is(2));
        as("dpo", school).get(base(school) + "/legal-holds/" + ended).then().body("status", is("ENDED"));

        job.runNow();
        assertThat(count("SELECT count(*) FROM disposal_batch WHERE school_urn = ?", school))
                .as("nothing new is due: no second batch")
                .isEqualTo(1);
    }

    @Test
    void onlyOneReplicaRunsIt() throws Exception {
        try (Connection other = PostgresResource.connect();
                Statement lock = other.createStatement()) {
            lock.execute("SELECT pg_advisory_lock(hashtext('custodian.job." + DisposalJob.NAME + "'))");
            assertThat(job.runNow().ran()).isFalse();
            lock.execute("SELECT pg_advisory_unlock(hashtext('custodian.job." + DisposalJob.NAME + "'))");
        }
        assertThat(job.runNow().ran()).isTrue();
    }
}
