package org.custodian.retention.due;

import java.time.LocalDate;

/** What the roster told us about a pupil that due dates depend on; either date may be unknown (null). */
public record PupilFacts(LocalDate dateOfBirth, LocalDate leavingDate) {}
