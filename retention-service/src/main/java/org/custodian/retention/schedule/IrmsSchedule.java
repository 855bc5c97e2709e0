package org.custodian.retention.schedule;

import java.time.Period;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The default schedule: the rows of the IRMS Information Management Toolkit for Schools that
 * {@code shared/reference/legal-rules.md} ("Retention") lists, each with its citation, and a class for every other
 * category of data the privacy notice names. A school overrides a row or adds its own classes. Where the toolkit's
 * period is not known, no period is invented, but the data is not left without a rule either (that would keep it for
 * ever, against UK GDPR Art. 5(1)(e)): the class ships with action {@code REVIEW} and a review date, and its citation
 * says that the school must set the period ({@link #SCHOOL_SETS_THE_PERIOD}).
 *
 * <p>Each period was looked for in the toolkit's text (issue 24): the citations say what was found and where, and
 * where the toolkit's own row could not be read, they say so.
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
    public static final String EXCLUSIONS = "EXCLUSIONS";
    public static final String MEDICAL_INFORMATION = "MEDICAL_INFORMATION";
    public static final String ADMISSIONS_AND_APPEALS = "ADMISSIONS_AND_APPEALS";
    public static final String ASSESSMENT_RESULTS = "ASSESSMENT_RESULTS";

    /** What the citation of a class says when the toolkit's period for it is not known. */
    public static final String SCHOOL_SETS_THE_PERIOD =
            "The toolkit's period for this class was not found in the toolkit text available to us (searched for issue"
                    + " 24), so none is invented: the class is reviewed, and the school must set the period from its"
                    + " copy of the toolkit.";

    /**
     * The categories of data the privacy notice names ("The personal data we hold", and "Administer admissions waiting
     * lists" among its purposes), as category codes; each is a category of at least one default class.
     */
    public static final List<String> NOTICE_CATEGORIES = List.of(
            "CONTACT_DETAILS",
            "ASSESSMENT_RESULTS",
            "PUPIL_AND_CURRICULAR_RECORDS",
            "CHARACTERISTICS",
            "FREE_SCHOOL_MEALS",
            "SPECIAL_EDUCATIONAL_NEEDS",
            "EXCLUSIONS",
            "MEDICAL",
            "MEDICINE_RECORDS",
            "ATTENDANCE",
            "SAFEGUARDING",
            "SUPPORT",
            "PHOTOGRAPHS",
            "DIGITAL_RECORDINGS_VIDEOS",
            "ADMISSIONS_AND_APPEALS");

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
                        List.of("PUPIL_AND_CURRICULAR_RECORDS", "ASSESSMENT_RESULTS", "CONTACT_DETAILS"),
                        false,
                        null,
                        "Falls due when the pupil leaves. Approve it as a transfer (naming the next school if known); if no "
                                + "next school is known, keep it with a review date.",
                        false));
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
                        List.of("PUPIL_AND_CURRICULAR_RECORDS", "ASSESSMENT_RESULTS", "CONTACT_DETAILS"),
                        false,
                        null,
                        null,
                        false));
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
                        List.of("SPECIAL_EDUCATIONAL_NEEDS", "SUPPORT", "CHARACTERISTICS"),
                        false,
                        null,
                        "Review before destruction: at approval, decide to destroy or keep with a new review date.",
                        false));
        add(
                rules,
                new RetentionRule(
                        CHILD_PROTECTION,
                        "Child protection / safeguarding file",
                        Trigger.DATE_OF_BIRTH,
                        Period.ofYears(25),
                        DisposalAction.REVIEW,
                        LegalBasis.LEGAL_OBLIGATION,
                        TOOLKIT
                                + ": child protection files — date of birth of the pupil + 25 years, then REVIEW, not"
                                + " automatic destruction (shared/reference/legal-rules.md, as corrected by the legal"
                                + " review; the toolkit's own row text was not found in the sources searched: the 2012"
                                + " edition's contents list \"Child Protection files\" but its period was not legible). On"
                                + " leaving, the designated safeguarding lead transfers the file to the new school"
                                + " separately from the main pupil file, within 5 school days, with confirmation of"
                                + " receipt (Keeping Children Safe in Education; published schools' schedules say the"
                                + " file \"must be copied and sent under separate cover to the new school\"). National"
                                + " inquiries may ask schools not to destroy: a legal hold keeps them.",
                        List.of(),
                        List.of("SAFEGUARDING"),
                        false,
                        null,
                        "Falls due for transfer when the pupil leaves: approve it as a transfer naming the new school"
                                + " (sharing-service tracks the 5-school-day transfer and its receipt); with no next"
                                + " school known, keep it with a review date. At date of birth + 25 years it is reviewed,"
                                + " never destroyed without a decision. For an inquiry, place a RECORD_CLASS legal hold.",
                        true));
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
                        "Register one holding per register entry, created on the entry date.",
                        false));
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
                        null,
                        false));
        add(
                rules,
                new RetentionRule(
                        ACCIDENT_BOOK,
                        "Accident records (about a child: date of birth + 25 years; about an adult: entry + 6 years)",
                        Trigger.CREATED,
                        Period.ofYears(6),
                        DisposalAction.DESTROY,
                        LegalBasis.LEGAL_OBLIGATION,
                        TOOLKIT
                                + ": accident records about a child — date of birth + 25 years; about an adult — date of"
                                + " the entry + 6 years; then secure destruction (shared/reference/legal-rules.md, as"
                                + " corrected by the legal review: the toolkit's own row text was not found in the"
                                + " sources searched, so check the school's copy). Not from the toolkit: the statutory"
                                + " floor of 3 years from the entry (Social Security (Claims and Payments) Regulations"
                                + " 1979, reg. 25: the accident book is kept \"for at least 3 years\"), and age 21,"
                                + " which is the Limitation Act 1980 (ss. 11, 28: three years running from the child's"
                                + " 18th birthday), not the toolkit's period.",
                        List.of(),
                        List.of("MEDICAL", "ACCIDENTS"),
                        false,
                        25,
                        "An entry about a pupil is kept until the pupil is 25 (date of birth + 25 years); an entry about"
                                + " an adult (no pupil) 6 years from the entry date.",
                        false));
        add(
                rules,
                new RetentionRule(
                        FREE_SCHOOL_MEALS,
                        "Free school meals eligibility records",
                        Trigger.END_OF_ACADEMIC_YEAR,
                        Period.ofYears(6),
                        DisposalAction.DESTROY,
                        LegalBasis.LEGAL_OBLIGATION,
                        TOOLKIT
                                + ": free school meals eligibility records — current year + 6 years, counted from the end"
                                + " of the academic year of the award, then secure destruction"
                                + " (shared/reference/legal-rules.md, as corrected by the legal review: the toolkit's"
                                + " own row text was not found in the sources searched, so check the school's copy; a"
                                + " council's published education schedule keeps free school meals applications"
                                + " \"6 years after award\").",
                        List.of(),
                        List.of("FREE_SCHOOL_MEALS", "CHARACTERISTICS"),
                        false,
                        null,
                        "Register each award with the award date as its created date: it is kept to 31 August of the"
                                + " award's academic year + 6 years.",
                        false));
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
                                + ": photographs and recordings held by consent — kept while current consent lasts: until"
                                + " consent is withdrawn, refused or expires; reviewed when the pupil leaves; then secure"
                                + " destruction (shared/reference/legal-rules.md). UK GDPR Art. 6(1)(a) and Art. 7(3).",
                        PHOTO_AND_VIDEO_PURPOSES,
                        List.of("PHOTOGRAPHS", "RECORDINGS", "DIGITAL_RECORDINGS_VIDEOS"),
                        true,
                        null,
                        "Falls due for destruction when consent for its purpose (or, if the holding names none, any photo or "
                                + "video purpose) is refused, withdrawn or expires, and for review when the pupil leaves.",
                        false));
        add(
                rules,
                new RetentionRule(
                        EXCLUSIONS,
                        "Exclusion information (suspensions and permanent exclusions)",
                        Trigger.LEFT_SCHOOL,
                        Period.ZERO,
                        DisposalAction.REVIEW,
                        LegalBasis.LEGAL_OBLIGATION,
                        "Privacy notice: \"Exclusion information\". " + SCHOOL_SETS_THE_PERIOD
                                + " Reviewed when the pupil leaves. Education Act 2002, s.51A and the School Discipline"
                                + " (Pupil Exclusions and Reviews) (England) Regulations 2012 (the exclusion process;"
                                + " the local authority is told).",
                        List.of(),
                        List.of("EXCLUSIONS"),
                        false,
                        null,
                        "No toolkit period is shipped: at the review, destroy, or keep with a new review date, and set"
                                + " the school's period by overriding this class.",
                        false));
        add(
                rules,
                new RetentionRule(
                        MEDICAL_INFORMATION,
                        "Medical information and medicine records (health care plans, medicines administered)",
                        Trigger.LEFT_SCHOOL,
                        Period.ZERO,
                        DisposalAction.REVIEW,
                        LegalBasis.LEGAL_OBLIGATION,
                        "Privacy notice: \"Details of any medical conditions, including physical and mental health\". "
                                + SCHOOL_SETS_THE_PERIOD
                                + " Reviewed when the pupil leaves. Children and Families Act 2014, s.100 (supporting"
                                + " pupils with medical conditions). Special category data (UK GDPR Art. 9).",
                        List.of(),
                        List.of("MEDICAL", "MEDICINE_RECORDS"),
                        false,
                        null,
                        "No toolkit period is shipped: at the review, destroy, or keep with a new review date (a record"
                                + " of medicine given in an incident may be needed as long as the accident record).",
                        false));
        add(
                rules,
                new RetentionRule(
                        ADMISSIONS_AND_APPEALS,
                        "Admissions applications, waiting lists and appeals",
                        Trigger.END_OF_ACADEMIC_YEAR,
                        Period.ofYears(1),
                        DisposalAction.REVIEW,
                        LegalBasis.LEGAL_OBLIGATION,
                        "Privacy notice: \"Administer admissions waiting lists\". " + SCHOOL_SETS_THE_PERIOD
                                + " The toolkit has rows \"Admissions - if the admission is successful\" and"
                                + " \"Admissions - if the appeal is unsuccessful\" (2012 edition's contents list); their"
                                + " periods were not found. Reviewed at the end of the academic year after the one the"
                                + " record was made in. School Admissions Code; School Standards and Framework Act 1998,"
                                + " Part III.",
                        List.of(),
                        List.of("ADMISSIONS_AND_APPEALS", "CONTACT_DETAILS"),
                        false,
                        null,
                        "No toolkit period is shipped: at the review, destroy, or keep with a new review date. Records"
                                + " of applicants who never joined need no pupil on the roster.",
                        false));
        add(
                rules,
                new RetentionRule(
                        ASSESSMENT_RESULTS,
                        "Results of internal assessments and externally set tests",
                        Trigger.LEFT_SCHOOL,
                        Period.ZERO,
                        DisposalAction.REVIEW,
                        LegalBasis.LEGAL_OBLIGATION,
                        "Privacy notice: \"Results of internal assessments and externally set tests\". "
                                + SCHOOL_SETS_THE_PERIOD
                                + " The toolkit has an \"Examination results\" row (2012 edition's contents list); its"
                                + " period was not found. Results kept on the pupil's educational record follow that"
                                + " record's class. Reviewed when the pupil leaves. Education (Pupil Information)"
                                + " (England) Regulations 2005.",
                        List.of(),
                        List.of("ASSESSMENT_RESULTS"),
                        false,
                        null,
                        "No toolkit period is shipped: at the review, destroy, or keep with a new review date.",
                        false));
        return Collections.unmodifiableMap(rules);
    }

    private static void add(Map<String, RetentionRule> rules, RetentionRule rule) {
        if (!rule.violations().isEmpty() || rules.put(rule.code(), rule) != null) {
            throw new IllegalStateException("bad default rule " + rule.code() + ": " + rule.violations());
        }
    }
}
