package org.custodian.sharing.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.custodian.platform.calendar.Region;
import org.custodian.platform.calendar.WorkingDays;
import org.custodian.sharing.decision.Decision.Outcome;
import org.custodian.sharing.decision.StatutoryTransferRules.Destination;
import org.custodian.sharing.decision.StatutoryTransferRules.Due;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Statutory transfers after leaving (issue 24): reg 9(3) of the Education (Pupil Information) (England) Regulations
 * 2005 and Keeping Children Safe in Education; leaving does not block them, and only them.
 */
class StatutoryTransferRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @Nested
    class DueDates {

        @Test
        void theCommonTransferFileAndEducationalRecordAreDue15SchoolDaysAfterLeaving() {
            // left on Friday 20 November 2026: 15 working days later is Friday 11 December
            assertThat(StatutoryTransferRules.dueOn(TransferKind.COMMON_TRANSFER_FILE, LocalDate.of(2026, 11, 20)))
                    .isEqualTo(LocalDate.of(2026, 12, 11));
            assertThat(StatutoryTransferRules.dueOn(TransferKind.EDUCATIONAL_RECORD, LocalDate.of(2026, 11, 20)))
                    .isEqualTo(LocalDate.of(2026, 12, 11));
        }

        @Test
        void theSafeguardingFileIsDue5DaysAfterLeaving() {
            // KCSIE: "within 5 days"; counted as calendar days, never later than 5 school days (Friday 27 November)
            assertThat(StatutoryTransferRules.dueOn(TransferKind.SAFEGUARDING_FILE, LocalDate.of(2026, 11, 20)))
                    .isEqualTo(LocalDate.of(2026, 11, 25));
        }

        @Test
        void bankHolidaysAreNotCounted() {
            // left Friday 18 December 2026: Christmas Day, the substitute Boxing Day (Monday 28) and New Year's Day
            // are not counted, so the 15th working day is Wednesday 13 January 2027
            assertThat(StatutoryTransferRules.dueOn(TransferKind.COMMON_TRANSFER_FILE, LocalDate.of(2026, 12, 18)))
                    .isEqualTo(LocalDate.of(2027, 1, 13));
        }

        @Test
        void theNewSchoolUnknownTheFileAndRecordGoToTheLocalAuthority_theSafeguardingFileToTheNewSchoolIfHeld() {
            List<Due> due = StatutoryTransferRules.onLeaving(LocalDate.of(2026, 11, 20), null);
            assertThat(due)
                    .containsExactly(
                            new Due(
                                    TransferKind.COMMON_TRANSFER_FILE,
                                    Destination.LOCAL_AUTHORITY,
                                    null,
                                    LocalDate.of(2026, 12, 11)),
                            new Due(
                                    TransferKind.EDUCATIONAL_RECORD,
                                    Destination.LOCAL_AUTHORITY,
                                    null,
                                    LocalDate.of(2026, 12, 11)),
                            new Due(
                                    TransferKind.SAFEGUARDING_FILE,
                                    Destination.NEW_SCHOOL,
                                    null,
                                    LocalDate.of(2026, 11, 25)));
            assertThat(TransferKind.SAFEGUARDING_FILE.onlyIfHeld()).isTrue();
            assertThat(TransferKind.SAFEGUARDING_FILE.needsReceipt()).isTrue();
        }

        @Test
        void theNewSchoolNamedEveryTransferGoesToIt() {
            // left Friday 20 November 2026 for the school with URN 100042
            assertThat(StatutoryTransferRules.onLeaving(LocalDate.of(2026, 11, 20), "100042"))
                    .containsExactly(
                            new Due(
                                    TransferKind.COMMON_TRANSFER_FILE,
                                    Destination.NEW_SCHOOL,
                                    "100042",
                                    LocalDate.of(2026, 12, 11)),
                            new Due(
                                    TransferKind.EDUCATIONAL_RECORD,
                                    Destination.NEW_SCHOOL,
                                    "100042",
                                    LocalDate.of(2026, 12, 11)),
                            new Due(
                                    TransferKind.SAFEGUARDING_FILE,
                                    Destination.NEW_SCHOOL,
                                    "100042",
                                    LocalDate.of(2026, 11, 25)));
        }

        @Test
        void theSafeguardingFileNeverGoesToTheLocalAuthority() {
            for (String destination : java.util.Arrays.asList(null, "100042")) {
                assertThat(StatutoryTransferRules.destination(TransferKind.SAFEGUARDING_FILE, destination))
                        .isEqualTo(Destination.NEW_SCHOOL);
            }
        }

        @Test
        void aCorrectedLeavingDateMovesTheLastDay() {
            // the leaving date corrected from Friday 20 to Monday 23 November 2026: the record is due one working day
            // later than before, Monday 14 December; the safeguarding file on Saturday 28 November
            assertThat(StatutoryTransferRules.dueOn(TransferKind.EDUCATIONAL_RECORD, LocalDate.of(2026, 11, 23)))
                    .isEqualTo(LocalDate.of(2026, 12, 14));
            assertThat(StatutoryTransferRules.dueOn(TransferKind.SAFEGUARDING_FILE, LocalDate.of(2026, 11, 23)))
                    .isEqualTo(LocalDate.of(2026, 11, 28));
        }

        @Test
        void overdueFromTheDayAfterTheLastDayUntilDone() {
            LocalDate due = LocalDate.of(2026, 12, 11);
            assertThat(StatutoryTransferRules.overdue(due, false, due)).isFalse();
            assertThat(StatutoryTransferRules.overdue(due, false, due.plusDays(1)))
                    .isTrue();
            assertThat(StatutoryTransferRules.overdue(due, true, due.plusDays(1)))
                    .isFalse();
        }
    }

    @Nested
    class LeavingDoesNotBlockTheStatutoryTransfers {

        final LocalDate leftOn = TODAY.minusDays(3);
        final PupilFacts left = PupilFacts.left("P-1", leftOn);

        RecipientTerms recipient(Sector sector) {
            return new RecipientTerms(UUID.randomUUID(), true, "GB", sector);
        }

        AgreementTerms legalObligation(String purpose, DataCategory... categories) {
            return new AgreementTerms(
                    UUID.randomUUID(),
                    Set.of(purpose),
                    EnumSet.of(categories[0], categories),
                    LawfulBasis.LEGAL_OBLIGATION,
                    null,
                    TODAY.minusYears(1),
                    null,
                    "GB",
                    null);
        }

        Decision decide(Sector sector, String purpose, PupilFacts pupil, DataCategory... categories) {
            return DecisionEngine.decide(
                    recipient(sector),
                    List.of(legalObligation(purpose, categories)),
                    new SharingRequest(purpose, EnumSet.of(categories[0], categories), TODAY),
                    pupil);
        }

        @Test
        void aLeftPupilsEducationalRecordToTheNewSchoolIsAllowed() {
            Decision d = decide(
                    Sector.EDUCATION,
                    "educational-record-transfer",
                    left,
                    DataCategory.IDENTITY,
                    DataCategory.CURRICULAR_RECORDS,
                    DataCategory.ASSESSMENT);
            assertThat(d.reasons()).isEmpty();
            assertThat(d.outcome()).isEqualTo(Outcome.ALLOWED);
        }

        @Test
        void theCommonTransferFileToTheLocalAuthorityWhenTheNewSchoolIsUnknownIsAllowed() {
            assertThat(decide(Sector.LOCAL_AUTHORITY, "common-transfer-file", left, DataCategory.IDENTITY)
                            .outcome())
                    .isEqualTo(Outcome.ALLOWED);
            assertThat(decide(Sector.CHILDRENS_SERVICES, "common-transfer-file", left, DataCategory.IDENTITY)
                            .outcome())
                    .isEqualTo(Outcome.ALLOWED);
        }

        @Test
        void anythingElseAboutAPupilWhoLeftIsStillRefused() {
            // another purpose to the same school
            assertThat(decide(Sector.EDUCATION, "newsletter", left, DataCategory.IDENTITY)
                            .reasons())
                    .contains(Reason.PUPIL_NOT_ON_ROSTER);
            // the statutory purpose to a recipient it does not go to
            assertThat(decide(Sector.EDTECH, "educational-record-transfer", left, DataCategory.IDENTITY)
                            .reasons())
                    .contains(Reason.PUPIL_NOT_ON_ROSTER);
            // the safeguarding file goes to the new school's safeguarding lead, not the local authority
            assertThat(decide(Sector.LOCAL_AUTHORITY, "safeguarding-file-transfer", left, DataCategory.IDENTITY)
                            .reasons())
                    .contains(Reason.PUPIL_NOT_ON_ROSTER);
            // data the transfer does not carry
            assertThat(decide(
                                    Sector.EDUCATION,
                                    "educational-record-transfer",
                                    left,
                                    DataCategory.IDENTITY,
                                    DataCategory.PHOTOGRAPHS)
                            .reasons())
                    .contains(Reason.PUPIL_NOT_ON_ROSTER);
            // a pupil the roster never knew has not left
            assertThat(decide(
                                    Sector.EDUCATION,
                                    "educational-record-transfer",
                                    new PupilFacts("P-2", false, java.util.Map.of(), List.of(), List.of()),
                                    DataCategory.IDENTITY)
                            .reasons())
                    .contains(Reason.PUPIL_NOT_ON_ROSTER);
            // before the leaving day
            assertThat(decide(
                                    Sector.EDUCATION,
                                    "educational-record-transfer",
                                    PupilFacts.left("P-3", TODAY.plusDays(1)),
                                    DataCategory.IDENTITY)
                            .reasons())
                    .contains(Reason.PUPIL_NOT_ON_ROSTER);
        }

        @Test
        void theSafeguardingFileStillNeedsItsConditionsOnTheAgreement() {
            Decision d = decide(
                    Sector.EDUCATION,
                    "safeguarding-file-transfer",
                    left,
                    DataCategory.IDENTITY,
                    DataCategory.SAFEGUARDING);
            assertThat(d.reasons())
                    .doesNotContain(Reason.PUPIL_NOT_ON_ROSTER)
                    .contains(Reason.SPECIAL_CATEGORY_CONDITION_MISSING);
        }
    }

    /**
     * A due transfer is never later than the statutory date: whatever the school's term calendar (any closure days on
     * top of weekends and bank holidays), the Nth school day after leaving is never before the due date, whether the
     * limit counts school days (reg 9(3)) or days (KCSIE: then no later than the Nth day either).
     */
    @Property(tries = 300)
    void aDueTransferIsNeverLaterThanTheStatutoryDate(
            @ForAll("leavingDays") LocalDate leftOn,
            @ForAll TransferKind kind,
            @ForAll("closures") Set<Integer> closedOffsets) {
        WorkingDays working = WorkingDays.in(Region.ENGLAND_AND_WALES);
        LocalDate schoolDay = leftOn;
        int counted = 0;
        while (counted < kind.days()) {
            schoolDay = schoolDay.plusDays(1);
            boolean closed = closedOffsets.contains((int) (schoolDay.toEpochDay() - leftOn.toEpochDay()));
            if (working.isWorkingDay(schoolDay) && !closed) {
                counted++;
            }
        }
        LocalDate due = StatutoryTransferRules.dueOn(kind, leftOn);
        assertThat(due).isAfter(leftOn).isBeforeOrEqualTo(schoolDay);
        if (!kind.schoolDays()) {
            assertThat(due).isBeforeOrEqualTo(leftOn.plusDays(kind.days()));
        }
    }

    @Provide
    Arbitrary<LocalDate> leavingDays() {
        return Arbitraries.longs()
                .between(
                        LocalDate.of(2019, 1, 1).toEpochDay(),
                        LocalDate.of(2030, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    /** Days the school is closed (holidays, INSET), as offsets from the leaving day. */
    @Provide
    Arbitrary<Set<Integer>> closures() {
        return Arbitraries.integers().between(1, 120).set().ofMaxSize(60);
    }
}
