package org.custodian.sharing.decision;

/**
 * The role the recipient has for the data shared under an agreement. A processor (UK GDPR Art. 28) acts on the school's
 * instructions under the school's own basis, normally its public task; it is never a party to a contract with the
 * pupil, so the contract basis (Art. 6(1)(b)) cannot be the school's basis for sharing with it.
 */
public enum RecipientRole {
    CONTROLLER,
    PROCESSOR
}
