package org.custodian.sharing.decision;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.custodian.platform.security.Roles;

/**
 * Who may make an emergency override, to whom and under which agreements. An override is a disclosure on vital
 * interests (Art. 6(1)(d)), a life-or-death basis. Under a covering agreement it sets aside the refusals of that
 * agreement's own basis (legitimate interests for a public authority, contract with no contract with the pupil), an
 * Art. 18 restriction with no Art. 18(2) ground, an upheld objection, a missing Art. 9/10 condition (Art. 9(2), DPA
 * 2018 Sch. 1) and a transfer abroad without a safeguard ({@link #permits}). Where no agreement allows the disclosure –
 * none covers it, or every covering one is expired, not yet in force or otherwise refuses – it goes ahead with no
 * agreement at all (issue 24; {@link #permitsWithoutAgreement}). Either way:
 * <ul>
 *   <li>only the DPO or the designated safeguarding lead may make one ({@link #AUTHORISED_ROLES});</li>
 *   <li>only to a recipient fit for an emergency: children's services, health, police, emergency services
 *       ({@link #FIT_SECTORS}); never the press, marketing, edtech or anyone else;</li>
 *   <li>never resting on a consent-based agreement: consent refused or withdrawn stays refused; where an agreement
 *       covering the request rests on consent, an emergency goes only under another covering agreement, never without
 *       one.</li>
 * </ul>
 * It never sets aside a suspended recipient or a pupil off the roster (the decision engine's). Pure: the decision
 * engine applies {@link #permits} to every candidate agreement and {@link #permitsWithoutAgreement} where none allows,
 * and the service asks {@link #refusal} before it decides anything, so that a request that cannot be an override is
 * refused whole.
 */
public final class OverrideRules {

    public static final List<String> AUTHORISED_ROLES = List.of(Roles.DPO, Roles.SAFEGUARDING_LEAD);
    public static final Set<Sector> FIT_SECTORS =
            EnumSet.of(Sector.CHILDRENS_SERVICES, Sector.HEALTH, Sector.POLICE, Sector.EMERGENCY_SERVICES);

    /** Why an emergency request cannot be an override at all; {@code status} is the HTTP answer. */
    public enum Refusal {
        ROLE_NOT_AUTHORISED(
                403,
                "an emergency override (emergencyJustification) may be made only by the DPO or the "
                        + "designated safeguarding lead (roles dpo, safeguarding-lead); ask one of them, or send the request "
                        + "without a justification"),
        RECIPIENT_NOT_FIT(
                422,
                "an emergency override goes only to children's services, health, police or emergency "
                        + "services (the recipient's sector); this recipient's sector is "),
        CONSENT_AGREEMENT_ONLY(
                422,
                "an emergency override never rests on a consent-based agreement, and every "
                        + "agreement with this recipient covering the purpose and categories rests on consent");

        private final int status;
        private final String detail;

        Refusal(int status, String detail) {
            this.status = status;
            this.detail = detail;
        }

        public int status() {
            return status;
        }

        public String detail(Sector sector) {
            return this == RECIPIENT_NOT_FIT ? detail + sector : detail;
        }
    }

    private OverrideRules() {}

    /** The role an override is made as: {@code dpo} before {@code safeguarding-lead}; empty when the caller has neither. */
    public static Optional<String> authorisingRole(Collection<String> roles) {
        return AUTHORISED_ROLES.stream().filter(roles::contains).findFirst();
    }

    public static boolean fit(Sector sector) {
        return sector != null && FIT_SECTORS.contains(sector);
    }

    /**
     * Whether an override may turn a refusal under this agreement into a disclosure on vital interests: an authorised
     * caller, a fit recipient, an agreement not resting on consent.
     */
    public static boolean permits(Collection<String> roles, Sector sector, LawfulBasis agreementBasis) {
        return authorisingRole(roles).isPresent() && fit(sector) && agreementBasis != LawfulBasis.CONSENT;
    }

    /**
     * Whether a real emergency may go to this recipient with no agreement at all (issue 24; decision 0014 and 0018):
     * an authorised caller and a recipient fit for an emergency. Vital interests (Art. 6(1)(d)) needs no prior
     * agreement; the disclosure is logged, justified and put before the DPO like every override.
     */
    public static boolean permitsWithoutAgreement(Collection<String> roles, Sector sector) {
        return authorisingRole(roles).isPresent() && fit(sector);
    }

    /**
     * Why an emergency request cannot be carried out, before any pupil is looked at: the caller's role first (403),
     * then the recipient (422), then the agreements covering the request ({@code coveringBases}; when none covers it,
     * each pupil is refused {@code NO_AGREEMENT} instead).
     */
    public static Optional<Refusal> refusal(
            Collection<String> roles, Sector sector, Collection<LawfulBasis> coveringBases) {
        if (authorisingRole(roles).isEmpty()) {
            return Optional.of(Refusal.ROLE_NOT_AUTHORISED);
        }
        if (!fit(sector)) {
            return Optional.of(Refusal.RECIPIENT_NOT_FIT);
        }
        if (!coveringBases.isEmpty() && coveringBases.stream().allMatch(b -> b == LawfulBasis.CONSENT)) {
            return Optional.of(Refusal.CONSENT_AGREEMENT_ONLY);
        }
        return Optional.empty();
    }
}
