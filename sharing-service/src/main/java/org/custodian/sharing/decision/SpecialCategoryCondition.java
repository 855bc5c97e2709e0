package org.custodian.sharing.decision;

/**
 * The UK GDPR Art. 9(2) condition that lifts the prohibition on processing special category data, as recorded on an
 * agreement. DPA 2018 s.10(2) and (3): points (b), (h), (i) and (j) are met only with a condition in Part 1 of Sch. 1,
 * point (g) only with a condition in Part 2 of Sch. 1; the others need no Sch. 1 condition.
 */
public enum SpecialCategoryCondition {
    /** Art. 9(2)(a): explicit consent. */
    EXPLICIT_CONSENT("Art. 9(2)(a)", null),
    /** Art. 9(2)(b): employment, social security and social protection law. */
    EMPLOYMENT_SOCIAL_SECURITY("Art. 9(2)(b)", Schedule1Condition.Part.ONE),
    /** Art. 9(2)(c): vital interests, the data subject physically or legally incapable of giving consent. */
    VITAL_INTERESTS("Art. 9(2)(c)", null),
    /** Art. 9(2)(d): a not-for-profit body's members. */
    NOT_FOR_PROFIT_BODY("Art. 9(2)(d)", null),
    /** Art. 9(2)(e): manifestly made public by the data subject. */
    MADE_PUBLIC("Art. 9(2)(e)", null),
    /** Art. 9(2)(f): legal claims, courts acting in their judicial capacity. */
    LEGAL_CLAIMS("Art. 9(2)(f)", null),
    /** Art. 9(2)(g): substantial public interest (with a Sch. 1 Part 2 condition). */
    SUBSTANTIAL_PUBLIC_INTEREST("Art. 9(2)(g)", Schedule1Condition.Part.TWO),
    /** Art. 9(2)(h): health or social care (with a Sch. 1 Part 1 condition). */
    HEALTH_OR_SOCIAL_CARE("Art. 9(2)(h)", Schedule1Condition.Part.ONE),
    /** Art. 9(2)(i): public health (with a Sch. 1 Part 1 condition). */
    PUBLIC_HEALTH("Art. 9(2)(i)", Schedule1Condition.Part.ONE),
    /** Art. 9(2)(j): archiving, research or statistics (with a Sch. 1 Part 1 condition). */
    ARCHIVING_RESEARCH_STATISTICS("Art. 9(2)(j)", Schedule1Condition.Part.ONE);

    private final String citation;
    private final Schedule1Condition.Part schedule1Part;

    SpecialCategoryCondition(String citation, Schedule1Condition.Part schedule1Part) {
        this.citation = citation;
        this.schedule1Part = schedule1Part;
    }

    public String citation() {
        return citation;
    }

    /** The part of DPA 2018 Sch. 1 a condition must come from (s.10(2), (3)); null when none is needed. */
    public Schedule1Condition.Part schedule1Part() {
        return schedule1Part;
    }

    /** Whether {@code condition} satisfies DPA 2018 s.10 for this Art. 9(2) condition. */
    public boolean satisfiedBy(Schedule1Condition condition) {
        return schedule1Part == null || (condition != null && condition.part() == schedule1Part);
    }
}
