package org.custodian.accountability.fact;

/** What a fact is about, and the event record its data has the shape of. */
public enum FactKind {
    /** The school's profile ({@code RosterEvents.SchoolUpdated}), one per school. */
    SCHOOL,
    /** A consent purpose ({@code ConsentEvents.PurposeDefined}), keyed by its code. */
    PURPOSE,
    /** A recipient ({@code SharingEvents.RecipientChanged}), keyed by its id. */
    RECIPIENT,
    /** A sharing agreement ({@code SharingEvents.AgreementChanged}), keyed by its id. */
    AGREEMENT,
    /** A record class of the retention schedule ({@code RetentionEvents.RetentionRuleChanged}), keyed by its code. */
    RETENTION_RULE,
    /** Which systems hold the school's records of each class ({@code RetentionEvents.HoldingSystemsChanged}), one. */
    HOLDING_SYSTEMS
}
