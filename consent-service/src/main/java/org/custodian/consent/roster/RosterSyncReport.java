package org.custodian.consent.roster;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What one roster sync did: the counts clients already read, and beside them the report record by record, with
 * warnings the MIS should look at.
 */
@Schema(name = "RosterSyncReport", description = "What a roster sync did, in counts and record by record")
public record RosterSyncReport(
        @Schema(required = true, description = "INCREMENTAL (the default) or FULL")
        SyncMode mode,

        @Schema(required = true, description = "pupils created, updated and unchanged")
        SyncCounts pupils,

        @Schema(required = true, description = "guardians created, updated and unchanged")
        SyncCounts guardians,

        @Schema(required = true, description = "one entry per pupil listed, and in a full sync per pupil marked left")
        List<PupilRecord> pupilRecords,

        @Schema(
                required = true,
                description = "one entry per guardian listed, and in a full sync per guardian unlinked")
        List<GuardianRecord> guardianRecords,

        @Schema(required = true, description = "what the MIS should look at; empty when nothing")
        List<Warning> warnings) {

    /** What the sync did to one record. */
    @Schema(name = "RosterRecordOutcome")
    public enum Outcome {
        /** New to the roster. */
        CREATED,
        /** Listed, and some of its fields changed ({@code changedFields}). */
        UPDATED,
        /** Listed, nothing changed. */
        UNCHANGED,
        /** Full sync: a pupil on roll the feed did not list, now left today. */
        MARKED_LEFT,
        /** Full sync: a guardian the feed did not list, whose links were removed. */
        UNLINKED
    }

    /** One pupil. */
    @Schema(name = "RosterPupilRecord")
    public record PupilRecord(
            @Schema(required = true) String pupilId,
            @Schema(required = true) Outcome outcome,

            @Schema(
                    required = true,
                    description = "the fields that changed (givenName, familyName, dateOfBirth, yearGroup,"
                            + " admissionDate, leavingDate, upn, destinationUrn); empty unless UPDATED or"
                            + " MARKED_LEFT")
            List<String> changedFields) {}

    /** One guardian, with the children linked or unlinked. */
    @Schema(name = "RosterGuardianRecord")
    public record GuardianRecord(
            @Schema(required = true) String guardianId,
            @Schema(required = true) Outcome outcome,

            @Schema(
                    required = true,
                    description =
                            "the fields that changed (name, email, children); empty unless UPDATED or" + " UNLINKED")
            List<String> changedFields,

            @Schema(required = true, description = "pupils whose link to this guardian was added or changed")
            List<String> linked,

            @Schema(required = true, description = "pupils whose link to this guardian was removed")
            List<String> unlinked) {}

    /** Something the MIS should look at; the sync went through. */
    @Schema(name = "RosterSyncWarning")
    public record Warning(
            @Schema(required = true) WarningCode code,

            @Schema(description = "the pupil it is about, if any")
            String pupilId,

            @Schema(description = "the guardian it is about, if any")
            String guardianId,

            @Schema(required = true, description = "what it means, in words")
            String message) {}

    /** The kinds of warning. */
    @Schema(name = "RosterSyncWarningCode")
    public enum WarningCode {
        /** A guardian is linked to no pupil (listed with no children, or unlinked by a full sync). */
        GUARDIAN_WITHOUT_PUPIL,
        /** Full sync: a pupil on roll was not in the feed and is now marked left. */
        PUPIL_MISSING_FROM_FULL_SYNC
    }
}
