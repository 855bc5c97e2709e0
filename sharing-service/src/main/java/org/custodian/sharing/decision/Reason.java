package org.custodian.sharing.decision;

/** Why a disclosure of one pupil's data is refused: machine-readable, stable codes. */
public enum Reason {
    /** No agreement with this recipient covers the purpose and every requested data category. */
    NO_AGREEMENT("no agreement with this recipient covers this purpose and these data categories"),
    /** The covering agreement has not started yet. */
    AGREEMENT_NOT_YET_VALID("the agreement is not in force yet"),
    /** The covering agreement has ended. */
    AGREEMENT_EXPIRED("the agreement has expired"),
    /** The recipient is suspended. */
    RECIPIENT_SUSPENDED("the recipient is suspended"),
    CONSENT_NOT_ASKED("the agreement rests on consent and none has been given"),
    CONSENT_REFUSED("the agreement rests on consent and it was refused"),
    CONSENT_WITHDRAWN("the agreement rests on consent and it was withdrawn"),
    CONSENT_EXPIRED("the agreement rests on consent and it has expired"),
    CONSENT_RENEWAL_NEEDED("the agreement rests on consent given to older wording; it must be renewed"),
    /**
     * Processing of the pupil's data is restricted (Art. 18) and no Art. 18(2) ground (consent, legal claims, another
     * person's rights, important public interest) is recorded on the agreement or the request.
     */
    PROCESSING_RESTRICTED(
            "processing of this pupil's data is restricted and no Art. 18(2) ground (consent, legal claims, "
                    + "protection of another person's rights, important public interest) is recorded"),
    /** An objection was upheld (Art. 21); only legal obligation or vital interests proceed. */
    OBJECTION_UPHELD("an objection to this processing was upheld for this pupil"),
    /** The data would leave the UK without adequacy or an appropriate safeguard. */
    TRANSFER_WITHOUT_SAFEGUARD("the data would leave the UK without adequacy or an appropriate safeguard"),
    /**
     * Special category data (Art. 9(1)) is asked for and the agreement records no Art. 9(2) condition.
     */
    SPECIAL_CATEGORY_CONDITION_MISSING(
            "special category data (health, ethnicity, SEN, biometrics, safeguarding) needs an Art. 9(2) "
                    + "condition recorded on the agreement"),
    /** The Art. 9(2) condition recorded needs a DPA 2018 Sch. 1 condition of the right Part (s.10) and has none. */
    SCHEDULE_1_CONDITION_MISSING(
            "the agreement's Art. 9(2) condition needs a DPA 2018 Schedule 1 condition (s.10): Part 1 for "
                    + "Art. 9(2)(b), (h), (i), (j), Part 2 for Art. 9(2)(g)"),
    /** Criminal offence data (Art. 10) is asked for and the agreement records no Sch. 1 condition (s.10(5)). */
    CRIMINAL_OFFENCE_CONDITION_MISSING(
            "criminal offence data (Art. 10) needs a DPA 2018 Schedule 1 condition recorded on the agreement "
                    + "(s.10(5))"),
    /** Legitimate interests is not available to a public authority for its tasks (Art. 6(1), last sentence). */
    LEGITIMATE_INTERESTS_NOT_FOR_PUBLIC_AUTHORITY(
            "legitimate interests is not available to a public authority (a maintained school or an academy) "
                    + "performing its tasks (UK GDPR Art. 6(1)); use public task"),
    /** Contract (Art. 6(1)(b)) without a contract with the data subject recorded. */
    CONTRACT_WITHOUT_DATA_SUBJECT_CONTRACT(
            "the contract basis needs a contract with the pupil (Art. 6(1)(b)); a supplier's contract with the "
                    + "school is not one"),
    /** Contract basis with a processor recipient: the processor acts under the school's own basis. */
    CONTRACT_WITH_PROCESSOR(
            "a processor acts under the school's own basis, normally public task (Art. 28); contract is not it"),
    /** Vital interests for a recipient that is not emergency services, health or children's services. */
    VITAL_INTERESTS_RECIPIENT_NOT_FIT(
            "vital interests is only for emergencies: children's services, health, police or emergency services"),
    /** A partial adequacy regulation covers the destination and the agreement records no scheme under it. */
    ADEQUACY_SCHEME_NOT_RECORDED(
            "UK adequacy for this country is partial (US: UK Extension to the DPF; Canada: PIPEDA; Japan: "
                    + "private sector; Korea: PIPA): record the recipient's scheme, or use IDTA or the UK Addendum"),
    /** The pupil is not on the school's roster (unknown, or has left). */
    PUPIL_NOT_ON_ROSTER("the pupil is not on the school's roster"),
    /**
     * An emergency justification was given but cannot set this agreement's refusal aside ({@link OverrideRules}): not
     * the DPO or the safeguarding lead, a recipient not fit for an emergency, or a consent-based agreement.
     */
    OVERRIDE_NOT_PERMITTED(
            "an emergency override is not permitted here: only the DPO or the designated safeguarding "
                    + "lead, only to children's services, health, police or emergency services, never under a consent-based agreement");

    private final String description;

    Reason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public boolean isConsent() {
        return name().startsWith("CONSENT_");
    }
}
