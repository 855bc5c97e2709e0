package org.custodian.sharing.transfer;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.custodian.sharing.decision.StatutoryTransferRules.Destination;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A transfer recorded as sent: when, and where it went. */
public record SentRequest(
        @NotNull @Schema(description = "the day it was sent (not in the future)")
        LocalDate sentOn,

        @Schema(
                description = "NEW_SCHOOL (then a destinationUrn is needed) or LOCAL_AUTHORITY; default: where the"
                        + " transfer is addressed now (the new school once the roster names it)")
        Destination destination,

        @Pattern(regexp = "[0-9]{6}", message = "a school URN is six digits")
        @Schema(description = "the new school's URN; for NEW_SCHOOL, default: the one the roster named")
        String destinationUrn,

        @Size(max = 2000) String note) {}
