package org.custodian.retention.holding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.retention.testing.RetentionSchool.as;
import static org.custodian.retention.testing.RetentionSchool.auditRows;
import static org.custodian.retention.testing.RetentionSchool.base;
import static org.custodian.retention.testing.RetentionSchool.execute;
import static org.custodian.retention.testing.RetentionSchool.freshSchool;
import static org.custodian.retention.testing.RetentionSchool.holding;
import static org.custodian.retention.testing.RetentionSchool.pupil;
import static org.custodian.retention.testing.RetentionSchool.register;
import static org.custodian.retention.testing.RetentionSchool.rows;
import static org.hamcrest.Matchers.contains;

import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import org.custodian.retention.RetentionTest;
import org.junit.jupiter.api.Test;

/**
 * Existing schools get the corrected rows (issue 24): the defaults live in code, and the holdings an existing school
 * registered under the old rule are re-dated once under the revised one (V3's {@code schedule_default_revision}).
 */
@RetentionTest
class DefaultRevisionTest {

    @Inject
    DefaultRevisionService revisions;

    static String dueOn(String school, String reference) {
        Object due = rows("SELECT due_on FROM holding WHERE school_urn = ? AND reference = ?", school, reference)
                .get(0)
                .get(0);
        return due == null ? null : due.toString();
    }

    @Test
    void holdingsDatedUnderTheOldDefaultsAreReDatedOnceUnderTheRevisedOnes() {
        String school = freshSchool();
        pupil(school, "P-9", LocalDate.parse("2010-01-10"), null);
        register(
                        school,
                        List.of(
                                holding("ACCIDENT_BOOK", "P-9", "ACC-CHILD", "2015-05-01"),
                                holding("ACCIDENT_BOOK", null, "ACC-ADULT", "2024-05-01"),
                                holding("FREE_SCHOOL_MEALS", "P-9", "FSM-9", "2020-10-01")))
                .statusCode(200);
        assertThat(dueOn(school, "ACC-CHILD")).isEqualTo("2035-01-10");

        // as the service stored them before issue 24: the 21st birthday, entry + 3 years, the award + 6 years
        execute("UPDATE holding SET due_on = '2031-01-10' WHERE school_urn = ? AND reference = 'ACC-CHILD'", school);
        execute("UPDATE holding SET due_on = '2027-05-01' WHERE school_urn = ? AND reference = 'ACC-ADULT'", school);
        execute("UPDATE holding SET due_on = '2026-10-01' WHERE school_urn = ? AND reference = 'FSM-9'", school);
        execute("DELETE FROM schedule_default_applied WHERE school_urn = ?", school);

        assertThat(revisions.applyPending()).isGreaterThanOrEqualTo(2);
        assertThat(dueOn(school, "ACC-CHILD")).isEqualTo("2035-01-10");
        assertThat(dueOn(school, "ACC-ADULT")).isEqualTo("2030-05-01");
        assertThat(dueOn(school, "FSM-9")).isEqualTo("2027-08-31");
        assertThat(rows(
                        "SELECT class_code, examined, changed FROM schedule_default_applied WHERE school_urn = ?"
                                + " ORDER BY class_code",
                        school))
                .extracting(r -> r.get(0) + " " + r.get(1) + " " + r.get(2))
                .containsExactly("ACCIDENT_BOOK 2 2", "FREE_SCHOOL_MEALS 1 1");
        assertThat(auditRows(school, "schedule.default-revised")).isEqualTo(2);

        // once only: a school's own later changes are not undone by a second run
        execute("UPDATE holding SET due_on = '2040-01-01' WHERE school_urn = ? AND reference = 'FSM-9'", school);
        revisions.applyPending();
        assertThat(dueOn(school, "FSM-9")).isEqualTo("2040-01-01");
    }

    @Test
    void aManualProposalFirstReDatesTheSchoolsHoldingsUnderARevisedDefaultWithoutTheDailyJob() {
        String school = freshSchool();
        LocalDate entered = LocalDate.now().minusYears(4);
        pupil(school, "P-7", LocalDate.parse("2010-01-10"), LocalDate.parse("2026-07-20"));
        register(
                        school,
                        List.of(
                                holding("ACCIDENT_BOOK", null, "ACC-ADULT", entered.toString()),
                                holding("CHILD_PROTECTION", "P-7", "CP-7", "2015-01-01")))
                .statusCode(200);
        assertThat(dueOn(school, "ACC-ADULT")).isEqualTo(entered.plusYears(6).toString());
        assertThat(dueOn(school, "CP-7")).isEqualTo("2026-07-20");

        // as stored before issue 24: the adult's accident entry + 3 years (due a year ago), the safeguarding file at
        // date of birth + 25 years (not yet); and no daily job has run since the revision
        execute(
                "UPDATE holding SET due_on = ? WHERE school_urn = ? AND reference = 'ACC-ADULT'",
                entered.plusYears(3),
                school);
        execute("UPDATE holding SET due_on = '2035-01-10' WHERE school_urn = ? AND reference = 'CP-7'", school);
        execute("DELETE FROM schedule_default_applied WHERE school_urn = ?", school);

        String batch = as("dpo", school)
                .body("{}")
                .post(base(school) + "/disposal-batches")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        // the proposal saw the revised dates: the file that falls due for transfer, not the entry kept 6 years now
        as("auditor", school)
                .get(base(school) + "/disposal-batches/" + batch)
                .then()
                .statusCode(200)
                .body("items.items.reference", contains("CP-7"));
        assertThat(dueOn(school, "ACC-ADULT")).isEqualTo(entered.plusYears(6).toString());
        assertThat(rows(
                        "SELECT class_code FROM schedule_default_applied WHERE school_urn = ? ORDER BY class_code",
                        school))
                .extracting(r -> r.get(0))
                .containsExactly("ACCIDENT_BOOK", "CHILD_PROTECTION");
        assertThat(auditRows(school, "schedule.default-revised")).isEqualTo(2);
    }
}
