package org.custodian.retention.schedule;

/** What starts a record class's retention period. */
public enum Trigger {
    /** The pupil's date of birth (from the roster). */
    DATE_OF_BIRTH,
    /** The day the pupil left the school (from the roster). */
    LEFT_SCHOOL,
    /** The record's own created date (an entry date, an award date). */
    CREATED,
    /** The day the record (a file) was closed. */
    CLOSED,
    /** The end (31 August) of the academic year in which the record was created. */
    END_OF_ACADEMIC_YEAR,
    /**
     * Consent for a matching purpose stopped counting: withdrawn, refused or expired (the pupil's effective consent
     * status is no longer {@code GRANTED}). The name is kept for the API and the stored schedules; what ends consent is
     * any of the three (UK GDPR Art. 6(1)(a) and 7(3): without current consent there is no basis to keep the record).
     */
    CONSENT_WITHDRAWN;

    /** Whether a holding of a class with this trigger must name a pupil. */
    public boolean needsPupil() {
        return this == DATE_OF_BIRTH || this == LEFT_SCHOOL || this == CONSENT_WITHDRAWN;
    }
}
