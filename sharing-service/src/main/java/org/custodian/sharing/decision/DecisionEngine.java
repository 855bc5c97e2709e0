package org.custodian.sharing.decision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.custodian.sharing.decision.Decision.Outcome;

/**
 * "We do not share information about pupils with any third party without consent unless the law and our policies
 * allow us to do so": decides, for one pupil, whether a disclosure may go ahead. Pure: everything it needs is passed
 * in, so the same inputs always give the same answer.
 *
 * <p>Every agreement with the recipient that covers the purpose and all requested categories is a candidate. A
 * candidate allows the disclosure when it is in force on the day, the data does not leave the UK without a safeguard,
 * consent is current where the agreement rests on consent, and, unless the basis is legal obligation or vital
 * interests, the pupil's processing is not restricted and no objection is upheld. An emergency request (a written
 * justification that someone's vital interests are at stake, e.g. safeguarding) overrides a restriction or an
 * objection, and with them any other refusal of the agreement's own basis, only where {@link OverrideRules} permits it:
 * made by the DPO or the safeguarding lead, to a recipient fit for an emergency, under an agreement that does not rest
 * on consent. The disclosure then rests on vital interests and is marked as an override, naming what it overrode;
 * where the rules do not permit it, the candidate is refused with {@link Reason#OVERRIDE_NOT_PERMITTED} as well. It
 * never overrides a missing or expired agreement, a missing transfer safeguard, a suspended recipient or the roster.
 * The recipient must be active and the pupil on the roster whatever the agreement. The first allowing candidate wins,
 * preferring bases that need no consent and no override; when none allows, the reasons are those of the recipient and
 * pupil plus those of the closest candidate.
 */
public final class DecisionEngine {

    private DecisionEngine() {}

    public static Decision decide(
            RecipientTerms recipient, List<AgreementTerms> agreements, SharingRequest request, PupilFacts pupil) {
        Set<Reason> common = EnumSet.noneOf(Reason.class);
        if (!recipient.active()) {
            common.add(Reason.RECIPIENT_SUSPENDED);
        }
        if (!pupil.onRoster()) {
            common.add(Reason.PUPIL_NOT_ON_ROSTER);
        }
        List<Candidate> candidates = new ArrayList<>();
        for (AgreementTerms agreement : agreements) {
            if (agreement.covers(request.purpose(), request.categories())) {
                candidates.add(evaluate(recipient, agreement, request, pupil));
            }
        }
        if (candidates.isEmpty()) {
            common.add(Reason.NO_AGREEMENT);
            return new Decision(pupil.pupilId(), Outcome.REFUSED, List.copyOf(common), null, null, false, List.of());
        }
        candidates.sort(Comparator.comparingInt((Candidate c) -> c.reasons.size())
                .thenComparing(c -> c.override)
                .thenComparingInt(c -> c.basis.preference())
                .thenComparing(c -> c.agreement.id()));
        Candidate best = candidates.get(0);
        Set<Reason> reasons = EnumSet.copyOf(common);
        reasons.addAll(best.reasons);
        Outcome outcome = reasons.isEmpty() ? Outcome.ALLOWED : Outcome.REFUSED;
        boolean override = outcome == Outcome.ALLOWED && best.override;
        return new Decision(
                pupil.pupilId(),
                outcome,
                List.copyOf(reasons),
                best.agreement,
                best.basis,
                override,
                override ? List.copyOf(best.overridden) : List.of());
    }

    private static Candidate evaluate(
            RecipientTerms recipient, AgreementTerms agreement, SharingRequest request, PupilFacts pupil) {
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        if (request.on().isBefore(agreement.validFrom())) {
            reasons.add(Reason.AGREEMENT_NOT_YET_VALID);
        }
        if (agreement.validTo() != null && request.on().isAfter(agreement.validTo())) {
            reasons.add(Reason.AGREEMENT_EXPIRED);
        }
        String destination = agreement.transferCountry() != null ? agreement.transferCountry() : recipient.country();
        if (!Transfers.permitted(destination, agreement.safeguard())) {
            reasons.add(Reason.TRANSFER_WITHOUT_SAFEGUARD);
        }
        Set<Reason> basisReasons = basisReasons(agreement.basis(), agreement, request, pupil);
        LawfulBasis basis = agreement.basis();
        Set<Reason> overridden = EnumSet.noneOf(Reason.class);
        if (!basisReasons.isEmpty() && request.emergency()) {
            if (OverrideRules.permits(request.roles(), recipient.sector(), agreement.basis())) {
                // a written justification that someone's vital interests are at stake: the disclosure rests on them
                overridden = basisReasons;
                basis = LawfulBasis.VITAL_INTERESTS;
                basisReasons = basisReasons(basis, agreement, request, pupil);
            } else {
                reasons.add(Reason.OVERRIDE_NOT_PERMITTED);
            }
        }
        reasons.addAll(basisReasons);
        return new Candidate(agreement, basis, !overridden.isEmpty(), overridden, reasons);
    }

    /** What stands in the way of this basis: missing consent, a restriction, an objection. */
    private static Set<Reason> basisReasons(
            LawfulBasis basis, AgreementTerms agreement, SharingRequest request, PupilFacts pupil) {
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        if (basis == LawfulBasis.CONSENT) {
            ConsentStatus consent = pupil.consentFor(agreement.consentPurpose());
            if (consent != ConsentStatus.GRANTED) {
                reasons.add(consent.refusal());
            }
        }
        if (!basis.overridesRestrictionAndObjection()) {
            if (pupil.restrictions().stream().anyMatch(r -> r.covers(request.categories()))) {
                reasons.add(Reason.PROCESSING_RESTRICTED);
            }
            if (pupil.objections().stream().anyMatch(o -> o.covers(request.purpose()))) {
                reasons.add(Reason.OBJECTION_UPHELD);
            }
        }
        return reasons;
    }

    private record Candidate(
            AgreementTerms agreement,
            LawfulBasis basis,
            boolean override,
            Set<Reason> overridden,
            Set<Reason> reasons) {}
}
