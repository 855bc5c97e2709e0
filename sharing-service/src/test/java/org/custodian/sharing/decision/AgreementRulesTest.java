package org.custodian.sharing.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.custodian.sharing.decision.AgreementRules.Violation;
import org.junit.jupiter.api.Test;

class AgreementRulesTest {

    static final LocalDate FROM = LocalDate.of(2026, 9, 1);

    static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }

    @Test
    void consentPurposeIsRequiredExactlyWhenTheBasisIsConsent() {
        assertThat(fields(AgreementRules.check(LawfulBasis.CONSENT, null, null, FROM, null, "GB", null, null)))
                .containsExactly("consentPurpose");
        assertThat(fields(AgreementRules.check(LawfulBasis.PUBLIC_TASK, "photos", null, FROM, null, "GB", null, null)))
                .containsExactly("consentPurpose");
        assertThat(AgreementRules.check(LawfulBasis.CONSENT, "photos", null, FROM, null, "GB", null, null))
                .isEmpty();
    }

    @Test
    void aLegalObligationNamesItsLaw() {
        assertThat(fields(AgreementRules.check(LawfulBasis.LEGAL_OBLIGATION, null, " ", FROM, null, "GB", null, null)))
                .containsExactly("legalReference");
    }

    @Test
    void validityRunsForwards() {
        assertThat(fields(AgreementRules.check(
                        LawfulBasis.PUBLIC_TASK, null, null, FROM, FROM.minusDays(1), "GB", null, null)))
                .containsExactly("validTo");
        assertThat(AgreementRules.check(LawfulBasis.PUBLIC_TASK, null, null, FROM, FROM, "GB", null, null))
                .isEmpty();
        assertThat(fields(AgreementRules.check(
                        LawfulBasis.PUBLIC_TASK,
                        null,
                        null,
                        LocalDate.of(1899, 12, 31),
                        LocalDate.of(10000, 1, 1),
                        "GB",
                        null,
                        null)))
                .containsExactly("validFrom", "validTo");
    }

    @Test
    void transfersOutsideTheUkNeedAFittingSafeguard() {
        assertThat(fields(AgreementRules.check(LawfulBasis.CONTRACT, null, null, FROM, null, "GB", "IN", null)))
                .containsExactly("transferSafeguard");
        assertThat(fields(AgreementRules.check(
                        LawfulBasis.CONTRACT, null, null, FROM, null, "GB", "IN", TransferSafeguard.ADEQUACY)))
                .containsExactly("transferSafeguard");
        assertThat(AgreementRules.check(
                        LawfulBasis.CONTRACT, null, null, FROM, null, "GB", "IN", TransferSafeguard.IDTA))
                .isEmpty();
        assertThat(AgreementRules.check(
                        LawfulBasis.CONTRACT, null, null, FROM, null, "IE", null, TransferSafeguard.ADEQUACY))
                .isEmpty();
        assertThat(fields(AgreementRules.check(LawfulBasis.CONTRACT, null, null, FROM, null, "US", null, null)))
                .containsExactly("transferSafeguard");
        assertThat(fields(AgreementRules.check(LawfulBasis.CONTRACT, null, null, FROM, null, "GB", "GB", null)))
                .containsExactly("transferCountry");
        assertThat(fields(AgreementRules.check(LawfulBasis.CONTRACT, null, null, FROM, null, "GB", "XX", null)))
                .contains("transferCountry");
        assertThat(fields(AgreementRules.check(
                        LawfulBasis.CONTRACT, null, null, FROM, null, "GB", null, TransferSafeguard.IDTA)))
                .containsExactly("transferSafeguard");
    }
}
