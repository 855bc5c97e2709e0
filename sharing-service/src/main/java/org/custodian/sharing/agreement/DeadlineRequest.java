package org.custodian.sharing.agreement;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.custodian.sharing.actionkind.ActionDeadline;

/** How long partners have to act on one kind of action under this agreement. */
public record DeadlineRequest(
        @NotNull @Min(1) @Max(366) Integer amount, @NotNull ActionDeadline.Unit unit) {}
