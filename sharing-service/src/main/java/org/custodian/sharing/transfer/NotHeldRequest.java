package org.custodian.sharing.transfer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The DPO closes a safeguarding file transfer: the school holds no safeguarding file for the pupil. */
public record NotHeldRequest(
        @NotBlank @Size(min = 10, max = 2000, message = "say why, in 10 to 2000 characters")
        String note) {}
