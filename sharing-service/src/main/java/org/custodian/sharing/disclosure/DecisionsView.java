package org.custodian.sharing.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.custodian.sharing.decision.DataCategory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record DecisionsView(
        @Schema(nullable = true) UUID requestId,
        @Schema(nullable = true) UUID recipientId,
        @Schema(nullable = true) String purpose,
        @Schema(nullable = true) Set<DataCategory> dataCategories,
        @Schema(nullable = true) LocalDate decidedOn,
        @Schema(nullable = true) Instant decidedAt,
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
