package org.custodian.accountability.notice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The categories of pupil data a notice lists, in the order of the DfE model notice, and the codes each service uses
 * for them (consent-service's purposes, sharing-service's agreements and retention-service's classes name data in
 * their own words: {@code CONTACT_DETAILS}, {@code CONTACT}, {@code IDENTITY} are one category to a parent).
 */
public final class DataCategories {

    /**
     * A category as a parent reads it.
     *
     * @param specialCategory UK GDPR Art. 9(1) data (ethnicity and SEN among characteristics, health, biometrics,
     *                        safeguarding records)
     * @param criminalOffence Art. 10 data
     */
    public record Category(String code, String title, boolean specialCategory, boolean criminalOffence) {}

    private static final Map<String, Category> BY_CODE = new LinkedHashMap<>();
    private static final Map<String, String> ALIASES = new LinkedHashMap<>();

    static {
        add(
                "CONTACT",
                "Contact details, contact preferences, date of birth, identification documents",
                false,
                false,
                "CONTACT_DETAILS",
                "IDENTITY");
        add(
                "ASSESSMENT",
                "Results of internal assessments and externally set tests",
                false,
                false,
                "ASSESSMENT_RESULTS");
        add("CURRICULAR_RECORDS", "Pupil and curricular records", false, false, "PUPIL_AND_CURRICULAR_RECORDS");
        add(
                "CHARACTERISTICS",
                "Characteristics, such as ethnic background, eligibility for free school meals, or special educational"
                        + " needs",
                true,
                false,
                "FREE_SCHOOL_MEALS",
                "SPECIAL_EDUCATIONAL_NEEDS");
        add("ADMISSIONS", "Admissions and appeals", false, false, "ADMISSIONS_AND_APPEALS");
        add("EXCLUSIONS", "Exclusion information", false, false);
        add(
                "MEDICAL",
                "Details of any medical conditions, including physical and mental health",
                true,
                false,
                "MEDICINE_RECORDS",
                "ACCIDENTS");
        add("ATTENDANCE", "Attendance information", false, false);
        add("SAFEGUARDING", "Safeguarding information", true, false);
        add(
                "SUPPORT",
                "Details of any support received, including care packages, plans and support providers",
                true,
                false);
        add("PHOTOGRAPHS", "Photographs", false, false);
        add("RECORDINGS", "Digital recordings/videos", false, false, "DIGITAL_RECORDINGS_VIDEOS", "VIDEOS");
        add(
                "BIOMETRICS",
                "Biometric data used to recognise a pupil (such as a fingerprint template)",
                true,
                false,
                "BIOMETRIC");
        add("CRIMINAL_OFFENCES", "Criminal convictions and offences, and allegations of them", false, true);
    }

    private DataCategories() {}

    private static void add(String code, String title, boolean special, boolean criminal, String... aliases) {
        BY_CODE.put(code, new Category(code, title, special, criminal));
        ALIASES.put(code, code);
        for (String alias : aliases) {
            ALIASES.put(alias, code);
        }
    }

    /** The category a service's code names; a code no one has described reads as itself, in words. */
    public static Category of(String code) {
        String upper = code.trim().toUpperCase(Locale.ROOT);
        return Optional.ofNullable(ALIASES.get(upper))
                .map(BY_CODE::get)
                .orElseGet(() -> new Category(upper, words(upper), false, false));
    }

    /** Where a category comes in the notice: the model notice's order, then the others by code. */
    public static int rank(Category category) {
        int i = List.copyOf(BY_CODE.keySet()).indexOf(category.code());
        return i < 0 ? BY_CODE.size() : i;
    }

    static String words(String code) {
        String lower = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
