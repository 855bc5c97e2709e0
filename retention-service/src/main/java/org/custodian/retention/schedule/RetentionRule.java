package org.custodian.retention.schedule;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.custodian.retention.support.Violation;

/**
 * One record class of a retention schedule: how long its records are kept, from what, and what happens then.
 *
 * @param code            upper-case code, e.g. {@code PUPIL_RECORD_LAST_SCHOOL}
 * @param trigger         what starts the period
 * @param period          how long from the trigger (ISO-8601, e.g. {@code P25Y}; {@code P0D} for "until the trigger")
 * @param basis           consent or legal obligation: an approved erasure brings forward only consent-based classes
 * @param citation        where the row comes from (toolkit row, legislation)
 * @param consentPurposes consent purpose codes whose withdrawal ends a {@link Trigger#CONSENT_WITHDRAWN} class
 * @param categories      data categories (as the privacy notice names them) an erasure request may name
 * @param reviewOnLeaving a pupil's holdings fall due for review when the pupil leaves, if nothing else made them due
 * @param untilPupilAge   for a holding about a pupil: kept at least until the pupil reaches this age (null: no floor)
 * @param note            guidance for the DPO
 * @param transferOnLeaving a pupil's holding falls due for transfer to the next school on the day the pupil leaves,
 *                        before its scheduled date (the safeguarding file, KCSIE); once the DPO keeps it on review
 *                        (no next school known), the scheduled date and the review date decide again
 */
public record RetentionRule(
        String code,
        String description,
        Trigger trigger,
        Period period,
        DisposalAction action,
        LegalBasis basis,
        String citation,
        List<String> consentPurposes,
        List<String> categories,
        boolean reviewOnLeaving,
        Integer untilPupilAge,
        String note,
        boolean transferOnLeaving) {

    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");
    public static final Pattern PURPOSE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    /** Longer than any retention period a school needs; guards against typing P250Y for P25Y. */
    public static final Period LONGEST = Period.ofYears(150);

    public RetentionRule {
        consentPurposes = consentPurposes == null ? List.of() : List.copyOf(consentPurposes);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** Everything that makes this rule unusable; empty when it is sound. */
    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            found.add(new Violation(
                    "code", "2 to 64 upper-case letters, digits and underscores, starting with a letter"));
        }
        if (period != null) {
            if (period.isNegative()) {
                found.add(new Violation("period", "must not be negative"));
            } else if (period.toTotalMonths() * 31 + period.getDays() > LONGEST.getYears() * 372L) {
                found.add(new Violation("period", "must not be longer than " + LONGEST));
            }
        }
        if (trigger == Trigger.CONSENT_WITHDRAWN) {
            if (consentPurposes.isEmpty()) {
                found.add(new Violation(
                        "consentPurposes",
                        "a CONSENT_WITHDRAWN class names the consent purposes whose withdrawal ends it"));
            }
            if (basis == LegalBasis.LEGAL_OBLIGATION) {
                found.add(new Violation("basis", "a CONSENT_WITHDRAWN class rests on consent"));
            }
        }
        for (int i = 0; i < consentPurposes.size(); i++) {
            String purpose = consentPurposes.get(i);
            if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
                found.add(new Violation("consentPurposes[" + i + "]", "a consent purpose code, e.g. PHOTO_WEBSITE"));
            }
        }
        for (int i = 0; i < categories.size(); i++) {
            if (categories.get(i) == null || categories.get(i).isBlank()) {
                found.add(new Violation("categories[" + i + "]", "must not be blank"));
            }
        }
        if (reviewOnLeaving && trigger != null && !trigger.needsPupil()) {
            found.add(
                    new Violation(
                            "reviewOnLeaving",
                            "only a class about pupils (trigger DATE_OF_BIRTH, LEFT_SCHOOL or CONSENT_WITHDRAWN) can be reviewed when the pupil leaves"));
        }
        if (transferOnLeaving && trigger != null && !trigger.needsPupil()) {
            found.add(
                    new Violation(
                            "transferOnLeaving",
                            "only a class about pupils (trigger DATE_OF_BIRTH, LEFT_SCHOOL or CONSENT_WITHDRAWN) can be transferred when the pupil leaves"));
        }
        if (untilPupilAge != null && (untilPupilAge < 1 || untilPupilAge > 120)) {
            found.add(new Violation("untilPupilAge", "an age from 1 to 120"));
        }
        return found;
    }

    /**
     * Whether an erasure naming these categories reaches this class: no categories means everything; otherwise a
     * category matches the class code or one of the class's categories, ignoring case and punctuation.
     */
    public boolean matchesAnyCategory(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return true;
        }
        for (String wanted : requested) {
            String key = normalise(wanted);
            if (key.equals(code)
                    || categories.stream().map(RetentionRule::normalise).anyMatch(key::equals)) {
                return true;
            }
        }
        return false;
    }

    /** {@code "Digital recordings"} → {@code DIGITAL_RECORDINGS}. */
    public static String normalise(String category) {
        if (category == null) {
            return "";
        }
        String upper = category.trim().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        return upper.replaceAll("^_+|_+$", "");
    }
}
