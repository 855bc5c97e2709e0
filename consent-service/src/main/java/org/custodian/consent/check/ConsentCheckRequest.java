package org.custodian.consent.check;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.custodian.consent.roster.RosterIds;

/** Up to 1,000 pupils × 20 purposes. */
public record ConsentCheckRequest(
        @NotEmpty @Size(max = 1000, message = "at most 1000 pupils per check")
        List<@NotNull @Pattern(regexp = RosterIds.PATTERN, message = RosterIds.MESSAGE) String> pupils,

        @NotEmpty @Size(max = 20, message = "at most 20 purposes per check")
        List<@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "a purpose code") String> purposes) {}
