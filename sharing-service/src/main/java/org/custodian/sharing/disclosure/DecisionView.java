package org.custodian.sharing.disclosure;

import java.util.List;
import java.util.UUID;
import org.custodian.sharing.decision.Decision;
import org.custodian.sharing.decision.LawfulBasis;
import org.custodian.sharing.decision.Reason;

/** @param overridden what an emergency override set aside (empty unless {@code override}) */
public record DecisionView(
        String pupilId,
        Decision.Outcome outcome,
        List<Reason> reasons,
        UUID agreementId,
        LawfulBasis lawfulBasis,
        boolean override,
        List<Reason> overridden,
        UUID disclosureId) {}
