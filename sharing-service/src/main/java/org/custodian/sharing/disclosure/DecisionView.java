package org.custodian.sharing.disclosure;

import java.util.List;
import java.util.UUID;
import org.custodian.sharing.decision.Decision;
import org.custodian.sharing.decision.LawfulBasis;
import org.custodian.sharing.decision.Reason;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * @param agreementId null when no agreement covers the request, or for an emergency that needed none
 * @param overridden  what an emergency override set aside (empty unless {@code override}; {@code NO_AGREEMENT} for
 *                    an emergency without an agreement)
 * @param grounds     what else an allowed disclosure rests on: Art. 9(2), DPA 2018 Sch. 1, Art. 18(2), Art. 49(1)
 */
public record DecisionView(
        String pupilId,
        Decision.Outcome outcome,
        @Schema(nullable = true) List<Reason> reasons,
        @Schema(nullable = true) UUID agreementId,
        @Schema(nullable = true) LawfulBasis lawfulBasis,
        boolean override,
        List<Reason> overridden,
        @Schema(nullable = true) UUID disclosureId,
        @Schema(nullable = true) Decision.Grounds grounds) {}
