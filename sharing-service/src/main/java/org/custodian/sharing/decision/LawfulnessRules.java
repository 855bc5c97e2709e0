package org.custodian.sharing.decision;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the law needs recorded beside an agreement's Art. 6 basis before data goes under it. Pure.
 * <ul>
 *   <li>Special category data (UK GDPR Art. 9(1)) needs an Art. 9(2) condition and, for Art. 9(2)(b), (h), (i), (j) a
 *       DPA 2018 Sch. 1 Part 1 condition, for Art. 9(2)(g) a Part 2 condition (DPA 2018 s.10(2), (3)).</li>
 *   <li>Criminal offence data (Art. 10) needs a Sch. 1 condition of Part 1, 2 or 3 (s.10(5)).</li>
 *   <li>Legitimate interests "shall not apply to processing carried out by public authorities in the performance of
 *       their tasks" (Art. 6(1), last sentence); a maintained school and an academy are public authorities (DPA 2018
 *       s.7, FOIA 2000 Sch. 1 Part IV).</li>
 *   <li>Contract (Art. 6(1)(b)) needs a contract "to which the data subject is party"; a processor (Art. 28) works
 *       under the school's own basis, not a contract with the pupil.</li>
 *   <li>Vital interests (Art. 6(1)(d)) is for life-or-death emergencies: only to children's services, health, police
 *       or emergency services ({@link OverrideRules#FIT_SECTORS}).</li>
 * </ul>
 * The decision engine refuses under an agreement with these reasons; {@link AgreementRules#checkConditions} turns the
 * same reasons into violations when an agreement is written, so the two cannot disagree.
 */
public final class LawfulnessRules {

    private LawfulnessRules() {}

    public static boolean special(Set<DataCategory> categories) {
        return categories.stream().anyMatch(DataCategory::special);
    }

    public static boolean criminalOffence(Set<DataCategory> categories) {
        return categories.stream().anyMatch(DataCategory::criminalOffence);
    }

    /** What stands in the way of special category or criminal offence data going under these conditions. */
    public static Set<Reason> conditionReasons(AgreementTerms.Conditions c, Set<DataCategory> requested) {
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        if (special(requested)) {
            if (c.specialCategory() == null) {
                reasons.add(Reason.SPECIAL_CATEGORY_CONDITION_MISSING);
            } else if (!c.specialCategory().satisfiedBy(c.schedule1())) {
                reasons.add(Reason.SCHEDULE_1_CONDITION_MISSING);
            }
        }
        if (criminalOffence(requested) && c.schedule1() == null) {
            reasons.add(Reason.CRIMINAL_OFFENCE_CONDITION_MISSING);
        }
        return reasons;
    }

    /** What stands in the way of this basis whoever the pupil is: public authority, contract, processor, recipient. */
    public static Set<Reason> basisReasons(
            LawfulBasis basis, AgreementTerms.Conditions c, Sector sector, boolean publicAuthority) {
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        switch (basis) {
            case LEGITIMATE_INTERESTS -> {
                if (publicAuthority) {
                    reasons.add(Reason.LEGITIMATE_INTERESTS_NOT_FOR_PUBLIC_AUTHORITY);
                }
            }
            case CONTRACT -> {
                if (c.recipientRole() == RecipientRole.PROCESSOR) {
                    reasons.add(Reason.CONTRACT_WITH_PROCESSOR);
                }
                if (c.dataSubjectContract() == null || c.dataSubjectContract().isBlank()) {
                    reasons.add(Reason.CONTRACT_WITHOUT_DATA_SUBJECT_CONTRACT);
                }
            }
            case VITAL_INTERESTS -> {
                if (!OverrideRules.fit(sector)) {
                    reasons.add(Reason.VITAL_INTERESTS_RECIPIENT_NOT_FIT);
                }
            }
            default -> {
                // legal obligation, public task and consent need nothing further here
            }
        }
        return reasons;
    }

    /**
     * The conditions an emergency (vital interests) disclosure rests on where the agreement records none: Art. 9(2)(c)
     * (the data subject physically or legally incapable of giving consent) and Sch. 1 para 30 for criminal offence
     * data; what the agreement records is kept.
     */
    public static AgreementTerms.Conditions emergency(AgreementTerms.Conditions c, Set<DataCategory> requested) {
        if (conditionReasons(c, requested).isEmpty()) {
            return c;
        }
        return new AgreementTerms.Conditions(
                SpecialCategoryCondition.VITAL_INTERESTS,
                Schedule1Condition.VITAL_INTERESTS,
                c.recipientRole(),
                c.dataSubjectContract(),
                c.adequacyScheme(),
                c.restrictionGround());
    }

    /** The grounds recorded for an allowed disclosure of these categories under these conditions. */
    static Decision.Grounds grounds(
            AgreementTerms.Conditions c,
            Set<DataCategory> requested,
            RestrictionGround restriction,
            TransferDerogation derogation) {
        boolean special = special(requested);
        boolean criminal = criminalOffence(requested);
        return new Decision.Grounds(
                special ? c.specialCategory() : null,
                special || criminal ? c.schedule1() : null,
                restriction,
                derogation);
    }
}
