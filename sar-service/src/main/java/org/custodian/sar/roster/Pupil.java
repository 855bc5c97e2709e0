package org.custodian.sar.roster;

import java.time.LocalDate;
import org.custodian.platform.events.RosterEvents;

/**
 * A pupil as the roster projection holds it: identifiers and dates, no names. {@code competence}: the DPO's current
 * assessment of the child's competence as consent-service last published it (null: none).
 */
public record Pupil(
        String schoolUrn,
        String pupilId,
        LocalDate dateOfBirth,
        Integer yearGroup,
        LocalDate leavingDate,
        boolean onRoll,
        RosterEvents.CompetenceAssessment competence) {}
