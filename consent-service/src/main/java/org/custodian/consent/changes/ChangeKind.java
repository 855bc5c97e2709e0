package org.custodian.consent.changes;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an entry of the MIS changes feed is about. */
@Schema(name = "RosterChangeKind")
public enum ChangeKind {
    /** A consent decision was recorded (a parent granted or withdrew, say), with the effective status after it. */
    CONSENT_DECISION,
    /** A pupil was created or changed in the suite (not by the MIS). */
    PUPIL,
    /** A guardian or their links was created or changed in the suite (not by the MIS). */
    GUARDIAN
}
