package org.custodian.retention.due;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.custodian.retention.schedule.DisposalAction;
import org.custodian.retention.schedule.IrmsSchedule;
import org.custodian.retention.schedule.LegalBasis;
import org.custodian.retention.schedule.RetentionRule;
import org.custodian.retention.schedule.Trigger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Worked examples of the due-date rules, one per situation the README describes. */
class DueDatesTest {

    static RetentionRule irms(String code) {
        return IrmsSchedule.rule(code).orElseThrow();
    }

    static HoldingFacts about(String pupil, LocalDate created) {
        return new HoldingFacts(pupil, created, null, null, null);
    }

    static SubjectFacts pupil(LocalDate born, LocalDate left) {
        return new SubjectFacts(new PupilFacts(born, left), Map.of(), List.of());
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Nested
    class DateOfBirth {
        @Test
        void lastSchoolRecordIsDueOnThe25thBirthday() {
            Due due = DueDates.compute(
                    irms(IrmsSchedule.PUPIL_RECORD_LAST_SCHOOL),
                    about("P1", d("2015-09-03")),
                    pupil(d("2004-06-15"), d("2022-07-20")));
            assertThat(due.dueOn()).isEqualTo(d("2029-06-15"));
            assertThat(due.action()).isEqualTo(DisposalAction.DESTROY);
            assertThat(due.because()).isEqualTo("the pupil's date of birth + P25Y");
        }

        @Test
        void bornOn29FebruaryIsDueOn1MarchWhenThe25thYearHasNo29February() {
            // 25 years from 29 Feb 2008 end with 28 Feb 2033 (2033 is a common year): never destroy before they have
            // run
            Due due = DueDates.compute(
                    irms(IrmsSchedule.PUPIL_RECORD_LAST_SCHOOL),
                    about("P1", d("2019-09-04")),
                    pupil(d("2008-02-29"), null));
            assertThat(due.dueOn()).isEqualTo(d("2033-03-01"));
            Due childProtection = DueDates.compute(
                    irms(IrmsSchedule.CHILD_PROTECTION), about("P1", d("2019-09-04")), pupil(d("2008-02-29"), null));
            assertThat(childProtection.dueOn()).isEqualTo(d("2033-03-01"));
            assertThat(childProtection.action()).isEqualTo(DisposalAction.REVIEW);
        }

        @Test
        void bornOn29FebruaryStaysOn29FebruaryWhenTheYearHasOne() {
            RetentionRule rule = custom(Trigger.DATE_OF_BIRTH, Period.ofYears(24), LegalBasis.LEGAL_OBLIGATION);
            assertThat(DueDates.compute(rule, about("P1", d("2019-09-04")), pupil(d("2004-02-29"), null))
                            .dueOn())
                    .isEqualTo(d("2028-02-29"));
        }

        @Test
        void senFilesAreDueForReviewAt31AndAKeepDecisionMovesTheReview() {
            RetentionRule sen = irms(IrmsSchedule.SEN_FILES);
            Due due = DueDates.compute(sen, about("P1", d("2012-01-10")), pupil(d("2000-06-15"), d("2016-07-22")));
            assertThat(due.dueOn()).isEqualTo(d("2031-06-15"));
            assertThat(due.action()).isEqualTo(DisposalAction.REVIEW);

            Due kept = DueDates.compute(
                    sen,
                    new HoldingFacts("P1", d("2012-01-10"), null, null, d("2032-06-15")),
                    pupil(d("2000-06-15"), d("2016-07-22")));
            assertThat(kept.dueOn()).isEqualTo(d("2032-06-15"));
            assertThat(kept.action()).isEqualTo(DisposalAction.REVIEW);
            assertThat(kept.because()).contains("kept on review");
        }

        @Test
        void waitsForTheRosterWhenThePupilIsNotKnownYet() {
            Due due = DueDates.compute(
                    irms(IrmsSchedule.PUPIL_RECORD_LAST_SCHOOL), about("P-404", d("2019-09-04")), SubjectFacts.NONE);
            assertThat(due.hasDate()).isFalse();
            assertThat(due.waitingFor()).contains("P-404").contains("date of birth");
        }
    }

    @Nested
    class LeavingSchool {
        @Test
        void primaryRecordIsDueForTransferOnTheDayAPupilLeavesMidYear() {
            RetentionRule primary = irms(IrmsSchedule.PUPIL_RECORD_PRIMARY);
            Due attending = DueDates.compute(primary, about("P1", d("2019-09-04")), pupil(d("2015-03-02"), null));
            assertThat(attending.hasDate()).isFalse();
            assertThat(attending.waitingFor()).isEqualTo("the pupil to leave");

            Due left = DueDates.compute(primary, about("P1", d("2019-09-04")), pupil(d("2015-03-02"), d("2025-02-14")));
            assertThat(left.dueOn()).isEqualTo(d("2025-02-14"));
            assertThat(left.action()).isEqualTo(DisposalAction.TRANSFER_TO_NEXT_SCHOOL);
        }

        @Test
        void photographsAreDueForReviewWhenThePupilLeaves() {
            RetentionRule photos = irms(IrmsSchedule.PHOTOGRAPHS_AND_RECORDINGS);
            Due attending = DueDates.compute(photos, about("P1", d("2023-06-01")), pupil(d("2015-03-02"), null));
            assertThat(attending.hasDate()).isFalse();
            assertThat(attending.waitingFor()).contains("consent to end (refused, withdrawn or expired)");

            Due left = DueDates.compute(photos, about("P1", d("2023-06-01")), pupil(d("2015-03-02"), d("2025-02-14")));
            assertThat(left.dueOn()).isEqualTo(d("2025-02-14"));
            assertThat(left.action()).isEqualTo(DisposalAction.REVIEW);
        }

        @Test
        void theSafeguardingFileIsTransferredWhenThePupilLeavesAndReviewedNotDestroyedAt25() {
            RetentionRule safeguarding = irms(IrmsSchedule.CHILD_PROTECTION);
            // issue 24: while the pupil attends, the file is reviewed at date of birth + 25 (was destroyed)
            Due attending = DueDates.compute(safeguarding, about("P1", d("2019-09-04")), pupil(d("2012-05-06"), null));
            assertThat(attending.dueOn()).isEqualTo(d("2037-05-06"));
            assertThat(attending.action()).isEqualTo(DisposalAction.REVIEW);
            // issue 24: on leaving it falls due for transfer to the new school (KCSIE: within 5 school days)
            Due left = DueDates.compute(
                    safeguarding, about("P1", d("2019-09-04")), pupil(d("2012-05-06"), d("2023-07-21")));
            assertThat(left.dueOn()).isEqualTo(d("2023-07-21"));
            assertThat(left.action()).isEqualTo(DisposalAction.TRANSFER_TO_NEXT_SCHOOL);
            assertThat(left.because()).isEqualTo("the pupil left: the file is transferred to the next school");
            // no next school known: the DPO kept it on review to 2030; the 25th birthday review stands after that
            Due kept = DueDates.compute(
                    safeguarding,
                    new HoldingFacts("P1", d("2019-09-04"), null, null, d("2030-01-01")),
                    pupil(d("2012-05-06"), d("2023-07-21")));
            assertThat(kept.dueOn()).isEqualTo(d("2037-05-06"));
            assertThat(kept.action()).isEqualTo(DisposalAction.REVIEW);
        }

        @Test
        void aPeriodAfterLeavingCountsFromTheLeavingDay() {
            RetentionRule rule = custom(Trigger.LEFT_SCHOOL, Period.ofYears(1), LegalBasis.LEGAL_OBLIGATION);
            assertThat(DueDates.compute(rule, about("P1", d("2019-09-04")), pupil(d("2012-01-01"), d("2024-01-31")))
                            .dueOn())
                    .isEqualTo(d("2025-01-31"));
        }
    }

    @Nested
    class EndOfAcademicYear {
        @Test
        void absenceNoteIsKeptForTheCurrentYearAndTwoMore() {
            RetentionRule absence = irms(IrmsSchedule.ABSENCE_CORRESPONDENCE);
            // a note of March 2025 belongs to 2024/25, which ends 31 August 2025
            Due march = DueDates.compute(absence, about("P1", d("2025-03-15")), SubjectFacts.NONE);
            assertThat(march.dueOn()).isEqualTo(d("2027-08-31"));
            assertThat(march.because()).isEqualTo("end of academic year 2024/25 + P2Y");
            // the last day of a year and the first day of the next are a year apart
            assertThat(DueDates.compute(absence, about("P1", d("2025-08-31")), SubjectFacts.NONE)
                            .dueOn())
                    .isEqualTo(d("2027-08-31"));
            assertThat(DueDates.compute(absence, about("P1", d("2025-09-01")), SubjectFacts.NONE)
                            .dueOn())
                    .isEqualTo(d("2028-08-31"));
        }
    }

    @Nested
    class CreatedAndClosed {
        @Test
        void registerEntriesAreKeptSixYearsFromTheEntry() {
            assertThat(DueDates.compute(
                                    irms(IrmsSchedule.ADMISSION_ATTENDANCE_REGISTERS),
                                    about("P1", d("2019-09-04")),
                                    SubjectFacts.NONE)
                            .dueOn())
                    .isEqualTo(d("2025-09-04"));
        }

        @Test
        void freeSchoolMealsAreKeptToTheEndOfTheAwardsAcademicYearPlusSix() {
            // issue 24: an award of 1 October 2020 belongs to 2020/21, which ends 31 August 2021: + 6 years
            // (was 1 October 2026, six years from the award date: the toolkit counts "current year + 6")
            Due october = DueDates.compute(
                    irms(IrmsSchedule.FREE_SCHOOL_MEALS), about("P1", d("2020-10-01")), SubjectFacts.NONE);
            assertThat(october.dueOn()).isEqualTo(d("2027-08-31"));
            assertThat(october.because()).isEqualTo("end of academic year 2020/21 + P6Y");
            // an award in the summer term belongs to the year ending that August
            assertThat(DueDates.compute(
                                    irms(IrmsSchedule.FREE_SCHOOL_MEALS),
                                    about("P1", d("2021-06-15")),
                                    SubjectFacts.NONE)
                            .dueOn())
                    .isEqualTo(d("2027-08-31"));
        }

        @Test
        void accidentRecordsAboutAChildAreKeptToDateOfBirthPlus25AndAboutAnAdultSixYears() {
            RetentionRule accidents = irms(IrmsSchedule.ACCIDENT_BOOK);
            // issue 24: about an adult, 6 years from the entry (was 3, the statutory floor)
            assertThat(DueDates.compute(accidents, about(null, d("2020-05-01")), SubjectFacts.NONE)
                            .dueOn())
                    .isEqualTo(d("2026-05-01"));
            // issue 24: about a child, date of birth + 25 years (was the 21st birthday, 10 January 2036)
            Due child = DueDates.compute(accidents, about("P1", d("2020-05-01")), pupil(d("2015-01-10"), null));
            assertThat(child.dueOn()).isEqualTo(d("2040-01-10"));
            assertThat(child.because()).isEqualTo("kept until the pupil is 25");
            // a sixth-former of 19, an adult at the entry: six years from the entry is later than the 25th birthday
            assertThat(DueDates.compute(accidents, about("P1", d("2020-05-01")), pupil(d("2001-01-01"), null))
                            .dueOn())
                    .isEqualTo(d("2026-05-01"));
            // about a pupil whose date of birth is unknown: wait rather than risk destroying early
            assertThat(DueDates.compute(accidents, about("P1", d("2020-05-01")), SubjectFacts.NONE)
                            .waitingFor())
                    .contains("until the pupil is 25");
        }

        @Test
        void aClosedClassWaitsForTheRecordToBeClosed() {
            RetentionRule rule = custom(Trigger.CLOSED, Period.ofYears(7), LegalBasis.LEGAL_OBLIGATION);
            assertThat(DueDates.compute(rule, about(null, d("2018-01-01")), SubjectFacts.NONE)
                            .waitingFor())
                    .isEqualTo("the record to be closed");
            assertThat(DueDates.compute(
                                    rule,
                                    new HoldingFacts(null, d("2018-01-01"), d("2019-03-31"), null, null),
                                    SubjectFacts.NONE)
                            .dueOn())
                    .isEqualTo(d("2026-03-31"));
        }
    }

    @Nested
    class ConsentWithdrawn {
        final RetentionRule photos = irms(IrmsSchedule.PHOTOGRAPHS_AND_RECORDINGS);

        @Test
        void photographsFallDueOnTheDayConsentForAPhotoPurposeIsWithdrawn() {
            SubjectFacts withdrawn = new SubjectFacts(
                    new PupilFacts(d("2015-03-02"), null), Map.of("PHOTO_WEBSITE", d("2025-11-03")), List.of());
            Due due = DueDates.compute(photos, about("P1", d("2023-06-01")), withdrawn);
            assertThat(due.dueOn()).isEqualTo(d("2025-11-03"));
            assertThat(due.action()).isEqualTo(DisposalAction.DESTROY);
            assertThat(due.because()).isEqualTo("consent for PHOTO_WEBSITE withdrawn");
        }

        @Test
        void photographsFallDueWhenConsentIsRefusedOrExpiresNotOnlyWithdrawn() {
            // issue 24: a refusal or an expiry ends consent as a withdrawal does; the workings say which
            SubjectFacts refused = new SubjectFacts(
                    new PupilFacts(d("2015-03-02"), null),
                    Map.of("PHOTO_PRESS", d("2025-09-10")),
                    List.of(),
                    Map.of("PHOTO_PRESS", "REFUSED"));
            Due press = DueDates.compute(
                    photos, new HoldingFacts("P1", d("2025-06-01"), null, "PHOTO_PRESS", null), refused);
            assertThat(press.dueOn()).isEqualTo(d("2025-09-10"));
            assertThat(press.action()).isEqualTo(DisposalAction.DESTROY);
            assertThat(press.because()).isEqualTo("consent for PHOTO_PRESS refused");

            SubjectFacts expired = new SubjectFacts(
                    new PupilFacts(d("2015-03-02"), null),
                    Map.of("PHOTO_WEBSITE", d("2026-09-01")),
                    List.of(),
                    Map.of("PHOTO_WEBSITE", "EXPIRED"));
            Due website = DueDates.compute(photos, about("P1", d("2024-06-01")), expired);
            assertThat(website.dueOn()).isEqualTo(d("2026-09-01"));
            assertThat(website.because()).isEqualTo("consent for PHOTO_WEBSITE expired");
        }

        @Test
        void aHoldingHeldForOnePurposeIgnoresWithdrawalsOfOthers() {
            SubjectFacts withdrawn = new SubjectFacts(
                    new PupilFacts(d("2015-03-02"), null),
                    Map.of("PHOTO_WEBSITE", d("2025-11-03"), "BIOMETRIC_CATERING", d("2025-01-01")),
                    List.of());
            Due press = DueDates.compute(
                    photos, new HoldingFacts("P1", d("2023-06-01"), null, "PHOTO_PRESS", null), withdrawn);
            assertThat(press.hasDate()).isFalse();
            Due website = DueDates.compute(
                    photos, new HoldingFacts("P1", d("2023-06-01"), null, "PHOTO_WEBSITE", null), withdrawn);
            assertThat(website.dueOn()).isEqualTo(d("2025-11-03"));
        }

        @Test
        void aWithdrawalAfterLeavingTurnsTheReviewIntoDestructionIfEarlierThanAKeepDate() {
            SubjectFacts facts = new SubjectFacts(
                    new PupilFacts(d("2015-03-02"), d("2024-07-19")),
                    Map.of("VIDEO_PERFORMANCES", d("2025-01-20")),
                    List.of());
            Due due = DueDates.compute(
                    photos, new HoldingFacts("P1", d("2023-06-01"), null, null, d("2026-07-19")), facts);
            assertThat(due.dueOn()).isEqualTo(d("2025-01-20"));
            assertThat(due.action()).isEqualTo(DisposalAction.DESTROY);
        }
    }

    @Nested
    class ErasureApproved {
        final SubjectFacts erased = new SubjectFacts(
                new PupilFacts(d("2015-03-02"), null),
                Map.of(),
                List.of(new Erasure("R-9", d("2025-10-01"), List.of())));

        @Test
        void bringsForwardAConsentBasedClassToTheDayOfApproval() {
            Due due = DueDates.compute(
                    irms(IrmsSchedule.PHOTOGRAPHS_AND_RECORDINGS), about("P1", d("2023-06-01")), erased);
            assertThat(due.dueOn()).isEqualTo(d("2025-10-01"));
            assertThat(due.action()).isEqualTo(DisposalAction.DESTROY);
            assertThat(due.because()).contains("R-9");
        }

        @Test
        void leavesALegalObligationClassInPlaceWithTheReason() {
            RetentionRule record = irms(IrmsSchedule.PUPIL_RECORD_LAST_SCHOOL);
            Due without = DueDates.compute(record, about("P1", d("2019-09-04")), pupil(d("2015-03-02"), null));
            Due with = DueDates.compute(record, about("P1", d("2019-09-04")), erased);
            assertThat(with.dueOn()).isEqualTo(without.dueOn()).isEqualTo(d("2040-03-02"));
            assertThat(with.erasureNote()).contains("R-9").contains("legal obligation");
        }

        @Test
        void reachesOnlyTheCategoriesItNames() {
            SubjectFacts recordingsOnly = new SubjectFacts(
                    null, Map.of(), List.of(new Erasure("R-10", d("2025-10-01"), List.of("Safeguarding"))));
            assertThat(DueDates.compute(
                                    irms(IrmsSchedule.PHOTOGRAPHS_AND_RECORDINGS),
                                    about("P1", d("2023-06-01")),
                                    recordingsOnly)
                            .hasDate())
                    .isFalse();
            SubjectFacts photographs = new SubjectFacts(
                    null, Map.of(), List.of(new Erasure("R-11", d("2025-10-01"), List.of("photographs"))));
            assertThat(DueDates.compute(
                                    irms(IrmsSchedule.PHOTOGRAPHS_AND_RECORDINGS),
                                    about("P1", d("2023-06-01")),
                                    photographs)
                            .dueOn())
                    .isEqualTo(d("2025-10-01"));
        }
    }

    static RetentionRule custom(Trigger trigger, Period period, LegalBasis basis) {
        return new RetentionRule(
                "CUSTOM",
                "a school's own class",
                trigger,
                period,
                DisposalAction.DESTROY,
                basis,
                "school policy",
                trigger == Trigger.CONSENT_WITHDRAWN ? List.of("PHOTO_DISPLAY") : List.of(),
                List.of(),
                false,
                null,
                null,
                false);
    }
}
