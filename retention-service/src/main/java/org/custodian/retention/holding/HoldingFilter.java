package org.custodian.retention.holding;

import java.time.LocalDate;

/** What a list of the register asks for; a null field does not filter. */
public record HoldingFilter(String pupilId, String classCode, LocalDate dueBefore, HoldingStatus status) {}
