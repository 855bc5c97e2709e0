package org.custodian.consent.roster;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a sync did to one kind of roster entry. */
@Schema(
        name = "RosterSyncCounts",
        description = "How many entries of one kind the sync created, updated and left as they were")
public record SyncCounts(
        @Schema(required = true, description = "entries new to the roster")
        int created,

        @Schema(
                required = true,
                description = "entries that really changed (in a full sync also the pupils marked left and the"
                        + " guardians unlinked because the feed did not list them)")
        int updated,

        @Schema(required = true, description = "entries listed with nothing changed")
        int unchanged) {

    public static final SyncCounts NONE = new SyncCounts(0, 0, 0);
}
