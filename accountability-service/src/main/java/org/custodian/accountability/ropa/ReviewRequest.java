package org.custodian.accountability.ropa;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The DPO's review of the record of processing. */
public record ReviewRequest(
        @Size(max = 2000) @Schema(nullable = true, description = "what was checked")
        String note) {}
