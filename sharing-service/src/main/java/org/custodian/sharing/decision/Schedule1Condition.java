package org.custodian.sharing.decision;

/**
 * The DPA 2018 Schedule 1 conditions a school's sharing can rest on (a selection; the school's appropriate policy
 * document, Sch. 1 Part 4, names the one it relies on). Part 1 and Part 2 conditions serve special category data (s.10(2),
 * (3)); any condition of Parts 1, 2 or 3 authorises criminal offence data under UK GDPR Art. 10 (s.10(5)).
 */
public enum Schedule1Condition {
    EMPLOYMENT_SOCIAL_SECURITY(1, Part.ONE, "employment, social security and social protection"),
    HEALTH_OR_SOCIAL_CARE(2, Part.ONE, "health or social care purposes"),
    PUBLIC_HEALTH(3, Part.ONE, "public health"),
    RESEARCH(4, Part.ONE, "research etc"),
    STATUTORY_AND_GOVERNMENT_PURPOSES(6, Part.TWO, "statutory etc and government purposes"),
    EQUALITY_OF_OPPORTUNITY(8, Part.TWO, "equality of opportunity or treatment"),
    PREVENTING_OR_DETECTING_UNLAWFUL_ACTS(10, Part.TWO, "preventing or detecting unlawful acts"),
    SUPPORT_FOR_DISABILITY_OR_MEDICAL_CONDITION(
            16, Part.TWO, "support for individuals with a particular disability or medical condition"),
    COUNSELLING(17, Part.TWO, "counselling etc"),
    /** Sch. 1 para 18: safeguarding of children and of individuals at risk. */
    SAFEGUARDING_CHILDREN_AND_INDIVIDUALS_AT_RISK(18, Part.TWO, "safeguarding of children and of individuals at risk"),
    CONSENT(29, Part.THREE, "consent (criminal offence data only)"),
    VITAL_INTERESTS(30, Part.THREE, "protecting an individual's vital interests (criminal offence data only)"),
    LEGAL_CLAIMS(33, Part.THREE, "legal claims (criminal offence data only)");

    /** Parts of Schedule 1 with conditions. */
    public enum Part {
        ONE,
        TWO,
        THREE
    }

    private final int paragraph;
    private final Part part;
    private final String heading;

    Schedule1Condition(int paragraph, Part part, String heading) {
        this.paragraph = paragraph;
        this.part = part;
        this.heading = heading;
    }

    public int paragraph() {
        return paragraph;
    }

    public Part part() {
        return part;
    }

    /** "DPA 2018 Sch. 1 para 18 (safeguarding of children and of individuals at risk)". */
    public String citation() {
        return "DPA 2018 Sch. 1 para " + paragraph + " (" + heading + ")";
    }
}
