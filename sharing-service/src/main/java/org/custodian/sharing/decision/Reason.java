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
    /** Processing of the pupil's data is restricted (Art. 18); only legal obligation or vital interests proceed. */
    PROCESSING_RESTRICTED("processing of this pupil's data is restricted"),
    /** An objection was upheld (Art. 21); only legal obligation or vital interests proceed. */
    OBJECTION_UPHELD("an objection to this processing was upheld for this pupil"),
    /** The data would leave the UK without adequacy or an appropriate safeguard. */
    TRANSFER_WITHOUT_SAFEGUARD("the data would leave the UK without adequacy or an appropriate safeguard"),
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
