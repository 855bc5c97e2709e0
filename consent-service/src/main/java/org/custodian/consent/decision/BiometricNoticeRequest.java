package org.custodian.consent.decision;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.custodian.consent.decision.BiometricRules.NoticeOutcome;
import org.custodian.consent.roster.RosterIds;

/**
 * That a parent was notified in writing of the intention to process the child's biometric information and of their
 * right to object (Protection of Freedoms Act 2012, s.26(2)), or the s.27(1) exception that excuses it: the parent
 * cannot be found, lacks capacity, the child's welfare requires they are not contacted, or it is otherwise not
 * reasonably practicable. {@code date} (default today) is when the letter went or the school was satisfied.
 */
public record BiometricNoticeRequest(
        @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "a purpose code")
        String purpose,

        @NotNull @Pattern(regexp = RosterIds.PATTERN, message = RosterIds.MESSAGE)
        String guardianId,

        @NotNull NoticeOutcome outcome,
        LocalDate date,
        @Size(max = 200) String evidenceRef) {}
