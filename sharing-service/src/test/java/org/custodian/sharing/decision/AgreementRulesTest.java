package org.custodian.sharing.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

    /** The violations of a public task agreement in the UK that records these Art. 9/10 conditions and nothing else. */
    static List<Violation> conditions(
            Set<DataCategory> categories, SpecialCategoryCondition special, Schedule1Condition schedule1) {
        return AgreementRules.checkConditions(
                LawfulBasis.PUBLIC_TASK,
                categories,
                new AgreementTerms.Conditions(special, schedule1, RecipientRole.CONTROLLER, null, null, null),
                "GB",
                null,
                Sector.OTHER,
                true);
    }

    @Test
    void specialCategoryDataNeedsAnArt9ConditionAndTheSchedule1PartItCalls() {
        assertThat(fields(conditions(EnumSet.of(DataCategory.MEDICAL), null, null)))
                .containsExactly("specialCategoryCondition");
        // Art. 9(2)(h) needs a Sch. 1 Part 1 condition; para 18 (safeguarding) is Part 2
        assertThat(conditions(
                        EnumSet.of(DataCategory.MEDICAL),
                        SpecialCategoryCondition.HEALTH_OR_SOCIAL_CARE,
                        Schedule1Condition.SAFEGUARDING_CHILDREN_AND_INDIVIDUALS_AT_RISK))
                .containsExactly(new Violation(
                        "schedule1Condition", "Art. 9(2)(h) needs a DPA 2018 Schedule 1 Part 1 condition (s.10)"));
        assertThat(conditions(
                        EnumSet.of(DataCategory.CHARACTERISTICS),
                        SpecialCategoryCondition.SUBSTANTIAL_PUBLIC_INTEREST,
                        Schedule1Condition.HEALTH_OR_SOCIAL_CARE))
                .containsExactly(new Violation(
                        "schedule1Condition", "Art. 9(2)(g) needs a DPA 2018 Schedule 1 Part 2 condition (s.10)"));
        assertThat(conditions(
                        EnumSet.of(DataCategory.MEDICAL),
                        SpecialCategoryCondition.HEALTH_OR_SOCIAL_CARE,
                        Schedule1Condition.HEALTH_OR_SOCIAL_CARE))
                .isEmpty();
        // explicit consent (Art. 9(2)(a)) calls for no Sch. 1 condition
        assertThat(conditions(EnumSet.of(DataCategory.BIOMETRICS), SpecialCategoryCondition.EXPLICIT_CONSENT, null))
                .isEmpty();
        assertThat(conditions(EnumSet.of(DataCategory.IDENTITY, DataCategory.ASSESSMENT), null, null))
                .isEmpty();
    }

    @Test
    void criminalOffenceDataNeedsASchedule1ConditionAndSafeguardingFilesNeedBoth() {
        assertThat(conditions(EnumSet.of(DataCategory.CRIMINAL_OFFENCES), null, null))
                .extracting(Violation::field, v -> v.message().contains("Art. 10"))
                .containsExactly(tuple("schedule1Condition", true));
        assertThat(conditions(EnumSet.of(DataCategory.CRIMINAL_OFFENCES), null, Schedule1Condition.LEGAL_CLAIMS))
                .isEmpty();
        assertThat(fields(conditions(EnumSet.of(DataCategory.SAFEGUARDING), null, null)))
                .containsExactly("specialCategoryCondition", "schedule1Condition");
        assertThat(conditions(
                        EnumSet.of(DataCategory.SAFEGUARDING),
                        SpecialCategoryCondition.SUBSTANTIAL_PUBLIC_INTEREST,
                        Schedule1Condition.SAFEGUARDING_CHILDREN_AND_INDIVIDUALS_AT_RISK))
                .isEmpty();
    }

    /**
     * One rule in one place: an agreement is refused when written exactly where the decision engine would refuse to
     * share under it for want of an Art. 9/10 condition, one violation for each of the engine's reasons.
     */
    @Property
    void writingAnAgreementRefusesTheConditionsTheEngineRefuses(
            @ForAll("categories") Set<DataCategory> categories,
            @ForAll("special") SpecialCategoryCondition special,
            @ForAll("schedule1") Schedule1Condition schedule1) {
        List<Violation> violations = conditions(categories, special, schedule1);
        Set<Reason> reasons = LawfulnessRules.conditionReasons(
                new AgreementTerms.Conditions(special, schedule1, RecipientRole.CONTROLLER, null, null, null),
                categories);
        assertThat(violations).hasSameSizeAs(reasons);
        assertThat(fields(violations))
                .allMatch(f -> f.equals("specialCategoryCondition") || f.equals("schedule1Condition"));
        assertThat(fields(violations).contains("specialCategoryCondition"))
                .isEqualTo(reasons.contains(Reason.SPECIAL_CATEGORY_CONDITION_MISSING));
    }

    @Provide
    Arbitrary<Set<DataCategory>> categories() {
        return Arbitraries.of(DataCategory.class)
                .set()
                .ofMaxSize(4)
                .map(s -> s.isEmpty() ? EnumSet.noneOf(DataCategory.class) : EnumSet.copyOf(s));
    }

    @Provide
    Arbitrary<SpecialCategoryCondition> special() {
        return Arbitraries.of(SpecialCategoryCondition.class).injectNull(0.3);
    }

    @Provide
    Arbitrary<Schedule1Condition> schedule1() {
        return Arbitraries.of(Schedule1Condition.class).injectNull(0.3);
    }
}
