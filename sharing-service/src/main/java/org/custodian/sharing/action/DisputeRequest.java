package org.custodian.sharing.action;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record DisputeRequest(
        @NotBlank @Size(min = 10, max = 4000) String reason,
        @Size(max = 500) String legalReference) {}
