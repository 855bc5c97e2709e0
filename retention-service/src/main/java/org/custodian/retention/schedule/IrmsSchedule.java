package org.custodian.retention.schedule;

import java.time.Period;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The default schedule: exactly the rows of the IRMS Information Management Toolkit for Schools that
 * {@code shared/reference/legal-rules.md} ("Retention") lists, each with its citation. A school overrides a row or adds
 * its own classes; rows whose toolkit period is not known are left out rather than invented.
 */
public final class IrmsSchedule {

    public static final String TOOLKIT =
            "IRMS Information Management Toolkit for Schools (2019 GDPR edition and later revisions)";

    public static final String PUPIL_RECORD_PRIMARY = "PUPIL_RECORD_PRIMARY";
    public static final String PUPIL_RECORD_LAST_SCHOOL = "PUPIL_RECORD_LAST_SCHOOL";
    public static final String SEN_FILES = "SEN_FILES";
    public static final String CHILD_PROTECTION = "CHILD_PROTECTION";
    public static final String ADMISSION_ATTENDANCE_REGISTERS = "ADMISSION_ATTENDANCE_REGISTERS";
    public static final String ABSENCE_CORRESPONDENCE = "ABSENCE_CORRESPONDENCE";
    public static final String ACCIDENT_BOOK = "ACCIDENT_BOOK";
    public static final String FREE_SCHOOL_MEALS = "FREE_SCHOOL_MEALS";
    public static final String PHOTOGRAPHS_AND_RECORDINGS = "PHOTOGRAPHS_AND_RECORDINGS";

    /** The photo and video purposes consent-service seeds. */
    public static final List<String> PHOTO_AND_VIDEO_PURPOSES =
            List.of("PHOTO_DISPLAY", "PHOTO_WEBSITE", "PHOTO_SOCIAL_MEDIA", "PHOTO_PRESS", "VIDEO_PERFORMANCES");

    private static final Map<String, RetentionRule> RULES = build();

    private IrmsSchedule() {}

    /** Every default class, in the order of the toolkit rows. */
    public static List<RetentionRule> rules() {
        return List.copyOf(RULES.values());
    }

    public static Optional<RetentionRule> rule(String code) {
        return Optional.ofNullable(RULES.get(code));
    }

    private static Map<String, RetentionRule> build() {
        Map<String, RetentionRule> rules = new LinkedHashMap<>();
        add(
                rules,
                new RetentionRule(
                        PUPIL_RECORD_PRIMARY,
                        "Pupil educational record (primary school)",
                        Trigger.LEFT_SCHOOL,
                        Period.ZERO,
                        DisposalAction.TRANSFER_TO_NEXT_SCHOOL,
                        LegalBasis.LEGAL_OBLIGATION,
                        TOOLKIT
                                + ": pupil educational record, primary school — kept while the pupil attends, then transferred "
                                + "to the next school; if none is known, reviewed. Education (Pupil Information) (England) "
                                + "Regulations 2005 (transfer of the educational record).",
                        List.of(),
                        List.of("PUPIL_AND_CURRICULAR_RECORDS", "ASSESSMENT_RESULTS"),
                        false,
                        null,
                        "Falls due when the pupil leaves. Approve it as a transfer (naming the next school if known); if no "
                                + "next school is known, keep it with a review date."));
        add(
                rules,
                new RetentionRule(
                        PUPIL_RECORD_LAST_SCHOOL,
                        "Pupil educational record (last school attended, e.g. secondary)",
                        Trigger.DATE_OF_BIRTH,
                        Period.ofYears(25),
                        DisposalAction.DESTROY,
                        LegalBasis.LEGAL_OBLIGATION,
                        TOOLKIT
                                + ": pupil educational record, last school attended (e.g. secondary school) — date of birth "
                                + "of the pupil + 25 years, then secure destruction.",
                        List.of(),
                        List.of("PUPIL_AND_CURRICULAR_RECORDS", "ASSESSMENT_RESULTS"),
                        false,
                        null,
                        null));
        add(
                rules,
                new RetentionRule(
                        SEN_FILES,
                        "Special educational needs files, EHC plans",
                        Trigger.DATE_OF_BIRTH,
                        Period.ofYears(31),
                        DisposalAction.REVIEW,
                        LegalBasis.LEGAL_OBLIGATION,
                        TOOLKIT
                                + ": special educational needs files, reviews and Education, Health and Care plans — date of "
                                + "birth of the pupil + 31 years, reviewed, then secure destruction. Children and Families Act 2014.",
                        List.of(),
                        List.of("SPECIAL_EDUCATIONAL_NEEDS", "SUPPORT"),
                        false,
                        null,
                        "Review before destruction: at approval, decide to destroy or keep with a new review date."));
        add(
                rules,
                new RetentionRule(
                        CHILD_PROTECTION,
                        "Child protection / safeguarding file",
                        Trigger.DATE_OF_BIRTH,
                        Period.ofYears(25),
                        DisposalAction.DESTROY,
                        LegalBasis.LEGAL_OBLIGATION,
                        TOOLKIT
                                + ": child protection information held on the pupil's file — date of birth of the pupil + 25 "
                                + "years, then secure destruction.",
                        List.of(),
                        List.of("SAFEGUARDING"),
                        false,
                        null,
                        "Many schools hold these longer while national inquiries ask them not to destroy: place a legal hold "
                                + "on this record class (scope RECORD_CLASS) rather than changing the period."));
        add(
                rules,
                new RetentionRule(
                        ADMISSION_ATTENDANCE_REGISTERS,
                        "Admission register, attendance register entries",
                        Trigger.CREATED,
                        Period.ofYears(6),
                        DisposalAction.DESTROY,
                        LegalBasis.LEGAL_OBLIGATION,
                        TOOLKIT
                                + ": admission register and attendance register entries — 6 years from the date of the entry "
                                + "(older editions said 3), then secure destruction. The School Attendance (Pupil Registration) "
                                + "(England) Regulations 2024.",
                        List.of(),
                        List.of("ATTENDANCE"),
                        false,
                        null,
                        "Register one holding per register entry, created on the entry date."));
        add(
                rules,
                new RetentionRule(
                        ABSENCE_CORRESPONDENCE,
                        "Absence correspondence / notes from parents",
                        Trigger.END_OF_ACADEMIC_YEAR,
                        Period.ofYears(2),
                        DisposalAction.DESTROY,
                        LegalBasis.LEGAL_OBLIGATION,
                        TOOLKIT
                                + ": correspondence relating to absence (notes from parents) — current academic year + 2 years, "
                                + "then secure destruction.",
                        List.of(),
                        List.of("ATTENDANCE"),
                        false,
                        null,
                        null));
        add(
                rules,
                new RetentionRule(
                        ACCIDENT_BOOK,
                        "Accident book (statutory minimum; for a child, until the age of 21)",
                        Trigger.CREATED,
                        Period.ofYears(3),
                        DisposalAction.DESTROY,
                        LegalBasis.LEGAL_OBLIGATION,
                        TOOLKIT
                                + ": accident reporting — 3 years from the date of the entry (statutory minimum); for a child, "
                                + "date of birth + 21 years, the limitation period for a child's claim (Limitation Act 1980), "
                                + "then secure destruction.",
                        List.of(),
                        List.of("MEDICAL", "ACCIDENTS"),
                        false,
                        21,
                        "An entry about a pupil is kept at least until the pupil is 21."));
        add(
                rules,
                new RetentionRule(
                        FREE_SCHOOL_MEALS,
                        "Free school meals eligibility records",
                        Trigger.CREATED,
                        Period.ofYears(6),
                        DisposalAction.DESTROY,
                        LegalBasis.LEGAL_OBLIGATION,
                        TOOLKIT
                                + ": free school meals eligibility records — 6 years from the award, then secure destruction.",
                        List.of(),
                        List.of("FREE_SCHOOL_MEALS", "CHARACTERISTICS"),
                        false,
                        null,
                        "Register each award with the award date as its created date."));
        add(
                rules,
                new RetentionRule(
                        PHOTOGRAPHS_AND_RECORDINGS,
                        "Photographs and recordings held by consent",
                        Trigger.CONSENT_WITHDRAWN,
                        Period.ZERO,
                        DisposalAction.DESTROY,
                        LegalBasis.CONSENT,
                        TOOLKIT
                                + ": photographs and recordings used with consent — kept until consent is withdrawn, reviewed "
                                + "when the pupil leaves, then secure destruction. UK GDPR Art. 7(3).",
                        PHOTO_AND_VIDEO_PURPOSES,
                        List.of("PHOTOGRAPHS", "RECORDINGS", "DIGITAL_RECORDINGS_VIDEOS"),
                        true,
                        null,
                        "Falls due for destruction when consent for its purpose (or, if the holding names none, any photo or "
                                + "video purpose) is withdrawn, and for review when the pupil leaves."));
        return Collections.unmodifiableMap(rules);
    }

    private static void add(Map<String, RetentionRule> rules, RetentionRule rule) {
        if (!rule.violations().isEmpty() || rules.put(rule.code(), rule) != null) {
            throw new IllegalStateException("bad default rule " + rule.code() + ": " + rule.violations());
        }
    }
}
