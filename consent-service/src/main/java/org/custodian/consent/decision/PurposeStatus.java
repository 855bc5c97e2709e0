package org.custodian.consent.decision;

import java.time.LocalDate;
import java.util.List;
import org.custodian.consent.purpose.PurposeKind;

/** One purpose's status for the pupil, with which decisions count and why. */
public record PurposeStatus(
        String purpose,
        String title,
        PurposeKind kind,
        ConsentStatus status,
        boolean permitted,
        Integer effectiveVersion,
        int currentVersion,
        LocalDate validUntil,
        List<String> countingDecisions,
        List<String> explanation) {}
