package org.custodian.sharing.action;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record ClosureRequest(
        @NotBlank @Size(min = 5, max = 4000) String note) {}
