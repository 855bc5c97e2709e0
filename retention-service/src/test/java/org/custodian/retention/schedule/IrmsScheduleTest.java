package org.custodian.retention.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Period;
import java.util.List;
import org.custodian.retention.support.Violation;
import org.junit.jupiter.api.Test;

class IrmsScheduleTest {

    @Test
    void shipsExactlyTheToolkitRowsOfTheLegalRules() {
        assertThat(IrmsSchedule.rules())
                .extracting(
                        RetentionRule::code,
                        RetentionRule::trigger,
                        RetentionRule::period,
                        RetentionRule::action,
                        RetentionRule::basis)
                .containsExactly(
                        tuple(
                                "PUPIL_RECORD_PRIMARY",
                                Trigger.LEFT_SCHOOL,
                                Period.ZERO,
                                DisposalAction.TRANSFER_TO_NEXT_SCHOOL,
                                LegalBasis.LEGAL_OBLIGATION),
                        tuple(
                                "PUPIL_RECORD_LAST_SCHOOL",
                                Trigger.DATE_OF_BIRTH,
                                Period.ofYears(25),
                                DisposalAction.DESTROY,
                                LegalBasis.LEGAL_OBLIGATION),
                        tuple(
                                "SEN_FILES",
                                Trigger.DATE_OF_BIRTH,
                                Period.ofYears(31),
                                DisposalAction.REVIEW,
                                LegalBasis.LEGAL_OBLIGATION),
                        tuple(
                                "CHILD_PROTECTION",
                                Trigger.DATE_OF_BIRTH,
                                Period.ofYears(25),
                                DisposalAction.REVIEW,
                                LegalBasis.LEGAL_OBLIGATION),
                        tuple(
                                "ADMISSION_ATTENDANCE_REGISTERS",
                                Trigger.CREATED,
                                Period.ofYears(6),
                                DisposalAction.DESTROY,
                                LegalBasis.LEGAL_OBLIGATION),
                        tuple(
                                "ABSENCE_CORRESPONDENCE",
                                Trigger.END_OF_ACADEMIC_YEAR,
                                Period.ofYears(2),
                                DisposalAction.DESTROY,
                                LegalBasis.LEGAL_OBLIGATION),
                        tuple(
                                "ACCIDENT_BOOK",
                                Trigger.CREATED,
                                Period.ofYears(6),
                                DisposalAction.DESTROY,
                                LegalBasis.LEGAL_OBLIGATION),
                        tuple(
                                "FREE_SCHOOL_MEALS",
                                Trigger.END_OF_ACADEMIC_YEAR,
                                Period.ofYears(6),
                                DisposalAction.DESTROY,
                                LegalBasis.LEGAL_OBLIGATION),
                        tuple(
                                "PHOTOGRAPHS_AND_RECORDINGS",
                                Trigger.CONSENT_WITHDRAWN,
                                Period.ZERO,
                                DisposalAction.DESTROY,
                                LegalBasis.CONSENT),
                        tuple(
                                "EXCLUSIONS",
                                Trigger.LEFT_SCHOOL,
                                Period.ZERO,
                                DisposalAction.REVIEW,
                                LegalBasis.LEGAL_OBLIGATION),
                        tuple(
                                "MEDICAL_INFORMATION",
                                Trigger.LEFT_SCHOOL,
                                Period.ZERO,
                                DisposalAction.REVIEW,
                                LegalBasis.LEGAL_OBLIGATION),
                        tuple(
                                "ADMISSIONS_AND_APPEALS",
                                Trigger.END_OF_ACADEMIC_YEAR,
                                Period.ofYears(1),
                                DisposalAction.REVIEW,
                                LegalBasis.LEGAL_OBLIGATION),
                        tuple(
                                "ASSESSMENT_RESULTS",
                                Trigger.LEFT_SCHOOL,
                                Period.ZERO,
                                DisposalAction.REVIEW,
                                LegalBasis.LEGAL_OBLIGATION));
    }

    @Test
    void everyRowCitesTheToolkitOrSaysTheSchoolMustSetThePeriodAndIsSound() {
        assertThat(IrmsSchedule.rules()).allSatisfy(rule -> {
            assertThat(rule.citation().startsWith(IrmsSchedule.TOOLKIT)
                            || (rule.citation().contains(IrmsSchedule.SCHOOL_SETS_THE_PERIOD)
                                    && rule.action() == DisposalAction.REVIEW))
                    .as(rule.code())
                    .isTrue();
            assertThat(rule.violations()).isEmpty();
        });
        // issue 24: 25 from the toolkit; 21 (Limitation Act 1980) is no longer attributed to the toolkit
        RetentionRule accidents = IrmsSchedule.rule("ACCIDENT_BOOK").orElseThrow();
        assertThat(accidents.untilPupilAge()).isEqualTo(25);
        assertThat(accidents.citation())
                .contains("date of birth + 25 years")
                .contains("Limitation Act 1980")
                .contains("not the toolkit's period")
                .contains("not found");
        RetentionRule safeguarding = IrmsSchedule.rule("CHILD_PROTECTION").orElseThrow();
        assertThat(safeguarding.transferOnLeaving()).isTrue();
        assertThat(safeguarding.citation()).contains("REVIEW").contains("5 school days");
        assertThat(IrmsSchedule.rule("PHOTOGRAPHS_AND_RECORDINGS").orElseThrow().consentPurposes())
                .containsExactly(
                        "PHOTO_DISPLAY", "PHOTO_WEBSITE", "PHOTO_SOCIAL_MEDIA", "PHOTO_PRESS", "VIDEO_PERFORMANCES");
        assertThat(IrmsSchedule.rule("PHOTOGRAPHS_AND_RECORDINGS").orElseThrow().reviewOnLeaving())
                .isTrue();
        assertThat(IrmsSchedule.rule("CHILD_PROTECTION").orElseThrow().note()).contains("legal hold");
    }

    @Test
    void everyCategoryOfDataTheNoticeNamesHasAClass() {
        // issue 24: exclusions, medical information and medicine records, admissions and appeals, assessment and test
        // results had no class, so nothing said how long they are kept
        assertThat(IrmsSchedule.NOTICE_CATEGORIES)
                .allSatisfy(category -> assertThat(IrmsSchedule.rules())
                        .as(category)
                        .anySatisfy(rule -> assertThat(rule.categories()).contains(category)));
        assertThat(IrmsSchedule.rules())
                .extracting(RetentionRule::code)
                .contains("EXCLUSIONS", "MEDICAL_INFORMATION", "ADMISSIONS_AND_APPEALS", "ASSESSMENT_RESULTS");
    }

    @Test
    void aRuleSaysWhatIsWrongWithIt() {
        RetentionRule bad = new RetentionRule(
                "lower",
                "x",
                Trigger.CONSENT_WITHDRAWN,
                Period.ofYears(-1),
                DisposalAction.DESTROY,
                LegalBasis.LEGAL_OBLIGATION,
                "c",
                List.of(),
                List.of(" "),
                false,
                200,
                null,
                false);
        assertThat(bad.violations())
                .extracting(Violation::field)
                .containsExactlyInAnyOrder(
                        "code", "period", "consentPurposes", "basis", "categories[0]", "untilPupilAge");
        RetentionRule reviewOnLeavingWithoutPupil = new RetentionRule(
                "OWN",
                "x",
                Trigger.CREATED,
                Period.ofYears(250),
                DisposalAction.DESTROY,
                LegalBasis.LEGAL_OBLIGATION,
                "c",
                List.of(),
                List.of(),
                true,
                null,
                null,
                false);
        assertThat(reviewOnLeavingWithoutPupil.violations())
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("period", "reviewOnLeaving");
        RetentionRule transferWithoutPupil = new RetentionRule(
                "OWN",
                "x",
                Trigger.CREATED,
                Period.ofYears(1),
                DisposalAction.REVIEW,
                LegalBasis.LEGAL_OBLIGATION,
                "c",
                List.of(),
                List.of(),
                false,
                null,
                null,
                true);
        assertThat(transferWithoutPupil.violations())
                .extracting(Violation::field)
                .containsExactly("transferOnLeaving");
    }

    @Test
    void categoriesMatchIgnoringCaseAndPunctuation() {
        RetentionRule photos = IrmsSchedule.rule("PHOTOGRAPHS_AND_RECORDINGS").orElseThrow();
        assertThat(photos.matchesAnyCategory(List.of())).isTrue();
        assertThat(photos.matchesAnyCategory(List.of("Digital recordings/videos")))
                .isTrue();
        assertThat(photos.matchesAnyCategory(List.of("photographs_and_recordings")))
                .isTrue();
        assertThat(photos.matchesAnyCategory(List.of("Attendance"))).isFalse();
    }
}
