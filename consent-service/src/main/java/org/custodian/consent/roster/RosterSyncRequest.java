package org.custodian.consent.roster;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The MIS's bulk upsert: up to 5,000 pupils and 10,000 guardians, applied in one transaction. */
public record RosterSyncRequest(
        @Size(max = MAX_PUPILS, message = "at most " + MAX_PUPILS + " pupils per sync")
        List<@Valid @NotNull PupilInput> pupils,

        @Size(max = MAX_GUARDIANS, message = "at most " + MAX_GUARDIANS + " guardians per sync")
        List<@Valid @NotNull GuardianInput> guardians) {

    public static final int MAX_PUPILS = 5000;
    public static final int MAX_GUARDIANS = 10000;

    public List<PupilInput> pupilsOrEmpty() {
        return pupils == null ? List.of() : pupils;
    }

    public List<GuardianInput> guardiansOrEmpty() {
        return guardians == null ? List.of() : guardians;
    }
}
