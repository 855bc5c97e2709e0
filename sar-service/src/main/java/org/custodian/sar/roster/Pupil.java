package org.custodian.sar.roster;

import java.time.LocalDate;

/** A pupil as the roster projection holds it: identifiers and dates, no names. */
public record Pupil(
        String schoolUrn,
        String pupilId,
        LocalDate dateOfBirth,
        Integer yearGroup,
        LocalDate leavingDate,
        boolean onRoll) {}
