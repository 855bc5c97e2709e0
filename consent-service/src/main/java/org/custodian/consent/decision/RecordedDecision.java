package org.custodian.consent.decision;

import java.time.Instant;
import java.time.LocalDate;

/** One decision as the resolution rules see it. {@code validUntil} is set on grants of purposes that expire. */
public record RecordedDecision(
        String id, Giver giver, Decision decision, int purposeVersion, Instant recordedAt, LocalDate validUntil) {}
