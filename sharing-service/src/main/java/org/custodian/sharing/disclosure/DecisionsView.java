package org.custodian.sharing.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.custodian.sharing.decision.DataCategory;

public record DecisionsView(
        UUID requestId,
        UUID recipientId,
        String purpose,
        Set<DataCategory> dataCategories,
        LocalDate decidedOn,
        Instant decidedAt,
        long allowed,
        long refused,
        List<DecisionView> decisions) {
    public static DecisionsView of(DisclosureRequest request, DisclosureService.Outcome outcome) {
        List<DecisionView> views = outcome.decisions().stream()
                .map(d -> new DecisionView(
                        d.pupilId(),
                        d.outcome(),
                        d.reasons(),
                        d.agreement() == null ? null : d.agreement().id(),
                        d.allowed() ? d.basis() : null,
                        d.override(),
                        d.overridden(),
                        outcome.disclosureIds().get(d.pupilId()),
                        d.allowed() ? d.grounds() : null))
                .toList();
        long allowed = outcome.allowed();
        return new DecisionsView(
                outcome.requestId(),
                outcome.recipient().id(),
                request.purpose(),
                EnumSet.copyOf(request.dataCategories()),
                outcome.decidedOn(),
                outcome.decidedAt(),
                allowed,
                views.size() - allowed,
                views);
    }
}
