package org.custodian.sharing.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.custodian.sharing.decision.OverrideRules.Refusal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who may override, to whom, under what: worked examples and properties. */
class OverrideRulesTest {

    @ParameterizedTest(name = "{0} to {1} under {2}: {3}")
    @CsvSource({
        // roles (space-separated), recipient sector, bases of the covering agreements, refusal (NONE: allowed)
        "safeguarding-lead, CHILDRENS_SERVICES, PUBLIC_TASK,             NONE",
        "dpo,               HEALTH,             LEGAL_OBLIGATION,        NONE",
        "dpo,               POLICE,             CONSENT PUBLIC_TASK,     NONE",
        "staff safeguarding-lead, EMERGENCY_SERVICES, CONTRACT,          NONE",
        "safeguarding-lead, CHILDRENS_SERVICES, '',                      NONE",
        "staff,             CHILDRENS_SERVICES, PUBLIC_TASK,             ROLE_NOT_AUTHORISED",
        "mis,               PRESS,              CONSENT,                 ROLE_NOT_AUTHORISED",
        "school-admin,      HEALTH,             PUBLIC_TASK,             ROLE_NOT_AUTHORISED",
        "auditor,           POLICE,             PUBLIC_TASK,             ROLE_NOT_AUTHORISED",
        "'',                POLICE,             PUBLIC_TASK,             ROLE_NOT_AUTHORISED",
        "dpo,               PRESS,              PUBLIC_TASK,             RECIPIENT_NOT_FIT",
        "safeguarding-lead, MARKETING,          LEGITIMATE_INTERESTS,    RECIPIENT_NOT_FIT",
        "dpo,               EDTECH,             CONTRACT,                RECIPIENT_NOT_FIT",
        "dpo,               LOCAL_AUTHORITY,    LEGAL_OBLIGATION,        RECIPIENT_NOT_FIT",
        "dpo,               OTHER,              PUBLIC_TASK,             RECIPIENT_NOT_FIT",
        "safeguarding-lead, CHILDRENS_SERVICES, CONSENT,                 CONSENT_AGREEMENT_ONLY",
        "dpo,               HEALTH,             CONSENT CONSENT,         CONSENT_AGREEMENT_ONLY"
    })
    void workedExample(String roles, Sector sector, String bases, String refusal) {
        Optional<Refusal> expected = refusal.equals("NONE") ? Optional.empty() : Optional.of(Refusal.valueOf(refusal));
        assertThat(OverrideRules.refusal(
                        words(roles),
                        sector,
                        words(bases).stream().map(LawfulBasis::valueOf).toList()))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"ROLE_NOT_AUTHORISED, 403", "RECIPIENT_NOT_FIT, 422", "CONSENT_AGREEMENT_ONLY, 422"})
    void aRoleThatMayNotOverrideIsForbiddenAndTheRestCannotBeCarriedOut(Refusal refusal, int status) {
        assertThat(refusal.status()).isEqualTo(status);
        assertThat(refusal.detail(Sector.PRESS)).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource({
        "dpo, dpo",
        "safeguarding-lead, safeguarding-lead",
        "safeguarding-lead dpo, dpo",
        "staff safeguarding-lead, safeguarding-lead"
    })
    void theAuthorisingRoleIsTheDpoBeforeTheSafeguardingLead(String roles, String role) {
        assertThat(OverrideRules.authorisingRole(words(roles))).contains(role);
    }

    @Property
    void permitsExactlyAnAuthorisedCallerAFitRecipientAndAnAgreementNotOnConsent(
            @ForAll("roles") Set<String> roles, @ForAll Sector sector, @ForAll LawfulBasis basis) {
        boolean permitted = OverrideRules.permits(roles, sector, basis);
        boolean authorised = roles.contains("dpo") || roles.contains("safeguarding-lead");
        boolean fit = Set.of(Sector.CHILDRENS_SERVICES, Sector.HEALTH, Sector.POLICE, Sector.EMERGENCY_SERVICES)
                .contains(sector);
        assertThat(permitted).isEqualTo(authorised && fit && basis != LawfulBasis.CONSENT);
        if (sector == Sector.PRESS
                || sector == Sector.MARKETING
                || sector == Sector.EDTECH
                || basis == LawfulBasis.CONSENT) {
            assertThat(permitted).isFalse();
        }
    }

    @Property
    void noRefusalMeansTheRulesPermitAnOverrideUnderSomeCoveringAgreement(
            @ForAll("roles") Set<String> roles, @ForAll Sector sector, @ForAll("bases") List<LawfulBasis> bases) {
        if (OverrideRules.refusal(roles, sector, bases).isEmpty() && !bases.isEmpty()) {
            assertThat(bases).anyMatch(basis -> OverrideRules.permits(roles, sector, basis));
        }
    }

    @ParameterizedTest(name = "{0} to {1}: {2}")
    @CsvSource({
        // roles (space-separated), recipient sector, may go without an agreement
        "safeguarding-lead,       CHILDRENS_SERVICES, true",
        "dpo,                     EMERGENCY_SERVICES, true",
        "staff safeguarding-lead, HEALTH,             true",
        "dpo,                     POLICE,             true",
        "staff,                   CHILDRENS_SERVICES, false",
        "mis,                     HEALTH,             false",
        "'',                      POLICE,             false",
        "dpo,                     PRESS,              false",
        "safeguarding-lead,       LOCAL_AUTHORITY,    false",
        "dpo,                     OTHER,              false"
    })
    void anEmergencyGoesWithoutAnAgreementOnlyFromTheDpoOrTheSafeguardingLeadToAFitRecipient(
            String roles, Sector sector, boolean permitted) {
        assertThat(OverrideRules.permitsWithoutAgreement(words(roles), sector)).isEqualTo(permitted);
    }

    @Provide
    Arbitrary<Set<String>> roles() {
        return Arbitraries.subsetOf(
                "dpo", "safeguarding-lead", "school-admin", "staff", "mis", "partner", "auditor", "parent", "pupil");
    }

    @Provide
    Arbitrary<List<LawfulBasis>> bases() {
        return Arbitraries.of(LawfulBasis.class).list().ofMaxSize(4);
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank()
                ? List.of()
                : Arrays.asList(text.trim().split("\\s+"));
    }
}
