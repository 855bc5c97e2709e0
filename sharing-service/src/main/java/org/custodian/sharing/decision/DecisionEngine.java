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
 * candidate allows the disclosure when it is in force on the day; the data does not leave the UK without adequacy (for
 * a partial adequacy regulation, the recipient's scheme recorded), a safeguard or a recorded Art. 49 derogation;
 * special category and criminal offence data have their Art. 9(2) and DPA 2018 Sch. 1 conditions recorded
 * ({@link LawfulnessRules}); the basis is open to the school and the recipient (no legitimate interests for a public
 * authority, contract only with a contract with the pupil and never with a processor, vital interests only to an
 * emergency recipient); consent is current where the agreement rests on consent; a restriction is met by a recorded
 * Art. 18(2) ground; and, unless the basis is legal obligation or vital interests, no objection is upheld.
 *
 * <p>An emergency request (a written justification that someone's vital interests are at stake) overrides the
 * candidate's refusals of its own basis and its missing special category conditions, only where
 * {@link OverrideRules} permits it: made by the DPO or the safeguarding lead, to a recipient fit for an emergency,
 * under an agreement that does not rest on consent. It then rests on vital interests (Art. 6(1)(d)), Art. 9(2)(c) and,
 * for criminal offence data, Sch. 1 para 30; a restriction it sets aside is recorded under the Art. 18(2) ground the
 * discloser gives (important public interest when none is given), and a transfer abroad without a safeguard under Art.
 * 49(1)(f) unless another derogation is given. Where no agreement covers the request at all, such an emergency still
 * goes ahead on the same terms, with no agreement, and so it does where every covering agreement refuses and none
 * rests on consent: a real emergency is never blocked by a missing, expired or future agreement. It never overrides a
 * consent-based agreement, a suspended recipient or the roster. A pupil who has left is off the roster for every
 * disclosure except the statutory transfers after leaving, to their destinations ({@link StatutoryTransferRules}). The first allowing candidate wins,
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
        if (!pupil.onRoster() && !StatutoryTransferRules.leavingDoesNotBlock(request, recipient.sector(), pupil)) {
            // leaving never blocks the statutory transfers (reg 9(3), KCSIE), and only them
            common.add(Reason.PUPIL_NOT_ON_ROSTER);
        }
        List<Candidate> candidates = new ArrayList<>();
        for (AgreementTerms agreement : agreements) {
            if (agreement.covers(request.purpose(), request.categories())) {
                candidates.add(evaluate(recipient, agreement, request, pupil));
            }
        }
        candidates.sort(Comparator.comparingInt((Candidate c) -> c.reasons.size())
                .thenComparing(c -> c.override)
                .thenComparingInt(c -> c.basis.preference())
                .thenComparing(c -> c.agreement.id()));
        boolean noneAllows = candidates.isEmpty() || !candidates.get(0).reasons.isEmpty();
        if (noneAllows
                && common.isEmpty()
                && request.emergency()
                && OverrideRules.permitsWithoutAgreement(request.roles(), recipient.sector())
                && candidates.stream().noneMatch(c -> c.agreement.basis() == LawfulBasis.CONSENT)) {
            // no agreement, or only expired, future or otherwise unusable ones, does not block a real emergency;
            // consent refused under a consent-based agreement still stands (decision 0014)
            return emergencyWithoutAgreement(recipient, request, pupil);
        }
        if (candidates.isEmpty()) {
            common.add(Reason.NO_AGREEMENT);
            return new Decision(
                    pupil.pupilId(), Outcome.REFUSED, List.copyOf(common), null, null, false, List.of(), null);
        }
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
                override ? List.copyOf(best.overridden) : List.of(),
                outcome == Outcome.ALLOWED ? best.grounds : null);
    }

    /**
     * A real emergency to a fit recipient with no agreement (Art. 6(1)(d), Art. 9(2)(c), Sch. 1 para 30): recorded as
     * an override of {@link Reason#NO_AGREEMENT}, with whatever else it set aside.
     */
    private static Decision emergencyWithoutAgreement(
            RecipientTerms recipient, SharingRequest request, PupilFacts pupil) {
        Set<Reason> overridden = EnumSet.of(Reason.NO_AGREEMENT);
        RestrictionGround restriction = null;
        if (restricted(request, pupil)) {
            overridden.add(Reason.PROCESSING_RESTRICTED);
            restriction = emergencyRestrictionGround(request);
        }
        TransferDerogation derogation = null;
        if (!Transfers.permitted(recipient.country(), null)) {
            derogation = emergencyDerogation(request);
        }
        AgreementTerms.Conditions conditions =
                LawfulnessRules.emergency(AgreementTerms.Conditions.NONE, request.categories());
        return new Decision(
                pupil.pupilId(),
                Outcome.ALLOWED,
                List.of(),
                null,
                LawfulBasis.VITAL_INTERESTS,
                true,
                List.copyOf(overridden),
                LawfulnessRules.grounds(conditions, request.categories(), restriction, derogation));
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
        AgreementTerms.Conditions conditions = agreement.conditions();
        String destination = agreement.transferCountry() != null ? agreement.transferCountry() : recipient.country();
        boolean transferOk = Transfers.permitted(destination, agreement.safeguard(), conditions.adequacyScheme());
        Set<Reason> transferReasons = EnumSet.noneOf(Reason.class);
        if (!transferOk && request.transferDerogation() == null) {
            transferReasons.add(
                    Transfers.missingScheme(destination, agreement.safeguard(), conditions.adequacyScheme())
                            ? Reason.ADEQUACY_SCHEME_NOT_RECORDED
                            : Reason.TRANSFER_WITHOUT_SAFEGUARD);
        }
        TransferDerogation derogation = transferOk ? null : request.transferDerogation();
        Set<Reason> basisReasons = basisReasons(
                agreement.basis(),
                agreement,
                recipient,
                request,
                pupil,
                request.restrictionGround() != null || conditions.restrictionGround() != null);
        Set<Reason> conditionReasons = LawfulnessRules.conditionReasons(conditions, request.categories());
        LawfulBasis basis = agreement.basis();
        RestrictionGround restriction = restrictionGround(request, pupil, conditions.restrictionGround());
        Set<Reason> overridden = EnumSet.noneOf(Reason.class);
        boolean settable = !basisReasons.isEmpty() || !conditionReasons.isEmpty() || !transferReasons.isEmpty();
        if (settable && request.emergency()) {
            if (OverrideRules.permits(request.roles(), recipient.sector(), agreement.basis())) {
                // a written justification that someone's vital interests are at stake: the disclosure rests on them
                overridden.addAll(basisReasons);
                overridden.addAll(conditionReasons);
                overridden.addAll(transferReasons);
                basis = LawfulBasis.VITAL_INTERESTS;
                conditions = LawfulnessRules.emergency(conditions, request.categories());
                conditionReasons = EnumSet.noneOf(Reason.class);
                if (!transferReasons.isEmpty()) {
                    derogation = emergencyDerogation(request);
                    transferReasons = EnumSet.noneOf(Reason.class);
                }
                if (overridden.contains(Reason.PROCESSING_RESTRICTED)) {
                    restriction = emergencyRestrictionGround(request);
                }
                basisReasons = basisReasons(basis, agreement, recipient, request, pupil, true);
            } else {
                reasons.add(Reason.OVERRIDE_NOT_PERMITTED);
            }
        }
        reasons.addAll(transferReasons);
        reasons.addAll(conditionReasons);
        reasons.addAll(basisReasons);
        return new Candidate(
                agreement,
                basis,
                !overridden.isEmpty(),
                overridden,
                reasons,
                LawfulnessRules.grounds(conditions, request.categories(), restriction, derogation));
    }

    /**
     * What stands in the way of this basis: the basis itself ({@link LawfulnessRules#basisReasons}), missing consent,
     * a restriction without an Art. 18(2) ground, an objection.
     */
    private static Set<Reason> basisReasons(
            LawfulBasis basis,
            AgreementTerms agreement,
            RecipientTerms recipient,
            SharingRequest request,
            PupilFacts pupil,
            boolean restrictionGrounded) {
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        reasons.addAll(LawfulnessRules.basisReasons(
                basis, agreement.conditions(), recipient.sector(), request.publicAuthority()));
        if (basis == LawfulBasis.CONSENT) {
            ConsentStatus consent = pupil.consentFor(agreement.consentPurpose());
            if (consent != ConsentStatus.GRANTED) {
                reasons.add(consent.refusal());
            }
        }
        if (restricted(request, pupil) && !restrictionGrounded) {
            reasons.add(Reason.PROCESSING_RESTRICTED);
        }
        if (!basis.overridesObjection() && pupil.objections().stream().anyMatch(o -> o.covers(request.purpose()))) {
            reasons.add(Reason.OBJECTION_UPHELD);
        }
        return reasons;
    }

    private static boolean restricted(SharingRequest request, PupilFacts pupil) {
        return pupil.restrictions().stream().anyMatch(r -> r.covers(request.categories()));
    }

    /** The Art. 18(2) ground recorded for restricted data: the request's, else the agreement's; null if unrestricted. */
    private static RestrictionGround restrictionGround(
            SharingRequest request, PupilFacts pupil, RestrictionGround agreementGround) {
        if (!restricted(request, pupil)) {
            return null;
        }
        return request.restrictionGround() != null ? request.restrictionGround() : agreementGround;
    }

    /** An emergency sets a restriction aside on the ground given, else important public interest (Art. 18(2)). */
    private static RestrictionGround emergencyRestrictionGround(SharingRequest request) {
        return request.restrictionGround() != null
                ? request.restrictionGround()
                : RestrictionGround.IMPORTANT_PUBLIC_INTEREST;
    }

    /** An emergency transfer abroad rests on the derogation given, else Art. 49(1)(f) (vital interests). */
    private static TransferDerogation emergencyDerogation(SharingRequest request) {
        return request.transferDerogation() != null ? request.transferDerogation() : TransferDerogation.VITAL_INTERESTS;
    }

    private record Candidate(
            AgreementTerms agreement,
            LawfulBasis basis,
            boolean override,
            Set<Reason> overridden,
            Set<Reason> reasons,
            Decision.Grounds grounds) {}
}
