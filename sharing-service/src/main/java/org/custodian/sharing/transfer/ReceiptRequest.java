package org.custodian.sharing.transfer;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The new school's safeguarding lead confirmed receipt of the safeguarding file (KCSIE). */
public record ReceiptRequest(
        @NotNull @Schema(description = "the day receipt was confirmed (not in the future)")
        LocalDate confirmedOn,

        @Size(max = 2000) @Schema(description = "who confirmed it, and how")
        String note) {}
