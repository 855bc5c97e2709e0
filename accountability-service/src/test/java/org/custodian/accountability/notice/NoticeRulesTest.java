package org.custodian.accountability.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.custodian.accountability.fact.FactKind;
import org.custodian.accountability.fact.FactRef;
import org.custodian.accountability.fact.SchoolFacts;
import org.custodian.accountability.fact.SchoolFacts.Sourced;
import org.custodian.platform.events.ConsentEvents.PurposeDefined;
import org.custodian.platform.events.RetentionEvents.RetentionRuleChanged;
import org.custodian.platform.events.RosterEvents.SchoolUpdated;
import org.custodian.platform.events.SharingEvents.AgreementChanged;
import org.custodian.platform.events.SharingEvents.RecipientChanged;
import org.junit.jupiter.api.Test;

/** Worked examples of a notice made from facts, and of the differences between two notices. */
class NoticeRulesTest {

    static final LocalDate TODAY = LocalDate.parse("2026-12-07");
    static final Instant AT = Instant.parse("2026-09-01T08:00:00Z");

    static Sourced<SchoolUpdated> school(String dpoEmail, String type) {
        return new Sourced<>(
                new SchoolUpdated(
                        "100001",
                        "Cassiobury Infant School",
                        type,
                        "ENGLAND_AND_WALES",
                        "Carole",
                        dpoEmail,
                        13,
                        "MOST_RESTRICTIVE",
                        "ENGLAND"),
                new FactRef(FactKind.SCHOOL, "profile", 0));
    }

    static Sourced<RecipientChanged> recipient(String id, String name, String kind, String sector) {
        return new Sourced<>(
                new RecipientChanged(id, name, kind, sector, "GB", "ACTIVE", null, null, false, 1, AT),
                new FactRef(FactKind.RECIPIENT, id, 1));
    }

    static Sourced<AgreementChanged> agreement(
            String id,
            String recipientId,
            String name,
            List<String> categories,
            String basis,
            String condition,
            String country,
            LocalDate validTo,
            long version) {
        return new Sourced<>(
                new AgreementChanged(
                        id,
                        recipientId,
                        name,
                        List.of("p"),
                        categories,
                        basis,
                        null,
                        "a law",
                        condition,
                        null,
                        "CONTROLLER",
                        null,
                        null,
                        LocalDate.parse("2026-09-01"),
                        validTo,
                        country,
                        country == null ? null : "IDTA",
                        null,
                        false,
                        version,
                        AT),
                new FactRef(FactKind.AGREEMENT, id, version));
    }

    static Sourced<PurposeDefined> purpose(String code, String title, List<String> categories, String kind) {
        return new Sourced<>(
                new PurposeDefined(code, 1, title, title + ": wording", kind, categories, null, AT),
                new FactRef(FactKind.PURPOSE, code, 1));
    }

    static Sourced<RetentionRuleChanged> rule(String code, String period, String trigger, List<String> categories) {
        return new Sourced<>(
                new RetentionRuleChanged(
                        code,
                        0,
                        "IRMS",
                        code + " records",
                        trigger,
                        period,
                        "DESTROY",
                        "LEGAL_OBLIGATION",
                        "IRMS",
                        List.of(),
                        categories,
                        false,
                        null,
                        false,
                        AT),
                new FactRef(FactKind.RETENTION_RULE, code, 0));
    }

    static SchoolFacts cassiobury() {
        return new SchoolFacts(
                "100001",
                school("carole@dpo.example", "MAINTAINED"),
                List.of(
                        purpose("PHOTO_WEBSITE", "Photos on the school website", List.of("PHOTOGRAPHS"), "STANDARD"),
                        purpose("BIOMETRIC_CATERING", "Biometric catering", List.of("BIOMETRIC"), "BIOMETRIC")),
                List.of(
                        recipient("r-dfe", "Department for Education", "STATUTORY_BODY", "CENTRAL_GOVERNMENT"),
                        recipient("r-wonde", "Wonde", "PROCESSOR", "EDTECH")),
                List.of(
                        agreement(
                                "a-census",
                                "r-dfe",
                                "School census",
                                List.of("IDENTITY", "CHARACTERISTICS"),
                                "LEGAL_OBLIGATION",
                                "SUBSTANTIAL_PUBLIC_INTEREST",
                                null,
                                null,
                                1),
                        agreement(
                                "a-wonde",
                                "r-wonde",
                                "MIS integration",
                                List.of("IDENTITY"),
                                "PUBLIC_TASK",
                                null,
                                null,
                                LocalDate.parse("2026-12-06"),
                                2)),
                List.of(
                        rule("ATTENDANCE_REGISTERS", "P6Y", "CREATED", List.of("ATTENDANCE")),
                        rule("PUPIL_RECORD", "P25Y", "DATE_OF_BIRTH", List.of("PUPIL_AND_CURRICULAR_RECORDS"))),
                null);
    }

    @Test
    void theControllerAndItsDpoComeFromTheSchoolsProfile() {
        NoticeContent n = NoticeRules.generate(cassiobury(), TODAY, DraftText.NONE);
        assertThat(n.controller().schoolName()).isEqualTo("Cassiobury Infant School");
        assertThat(n.controller().dpoEmail()).isEqualTo("carole@dpo.example");
        assertThat(n.controller().from()).containsExactly(new FactRef(FactKind.SCHOOL, "profile", 0));
        assertThat(n.complaints().school()).contains("carole@dpo.example");
        assertThat(n.complaints().ico().telephone()).isEqualTo("0303 123 1113");
    }

    @Test
    void anEndedAgreementIsNoLongerSharingAndItsRecipientHasNoReason() {
        NoticeContent n = NoticeRules.generate(cassiobury(), TODAY, DraftText.NONE);
        NoticeContent.NamedRecipient wonde = n.recipients().stream()
                .flatMap(g -> g.recipients().stream())
                .filter(r -> r.name().equals("Wonde"))
                .findFirst()
                .orElseThrow();
        assertThat(wonde.why()).isEmpty();
        assertThat(n.uses()).noneMatch(u -> u.purpose().contains("MIS integration"));
        // on its last day it is still in force
        NoticeContent dayBefore = NoticeRules.generate(cassiobury(), LocalDate.parse("2026-12-06"), DraftText.NONE);
        assertThat(dayBefore.uses()).anyMatch(u -> u.purpose().contains("MIS integration"));
    }

    @Test
    void categoriesAreMandatoryUnlessOnlyConsentNeedsThem() {
        NoticeContent n = NoticeRules.generate(cassiobury(), TODAY, DraftText.NONE);
        NoticeContent.Category photos = category(n, "PHOTOGRAPHS");
        assertThat(photos.mandatory()).isFalse();
        assertThat(photos.ifNotGiven()).contains("Photos on the school website");
        assertThat(category(n, "CHARACTERISTICS").mandatory()).isTrue();
        assertThat(category(n, "CHARACTERISTICS").specialCategory()).isTrue();
        NoticeContent.Category biometrics = category(n, "BIOMETRICS");
        assertThat(biometrics.specialCategory()).isTrue();
        assertThat(biometrics.from()).containsExactly(new FactRef(FactKind.PURPOSE, "BIOMETRIC_CATERING", 1));
        // one category, whatever each service calls it
        assertThat(n.categories().stream().filter(c -> c.code().equals("CONTACT")))
                .hasSize(1);
        assertThat(n.categories().stream().map(NoticeContent.Category::code))
                .startsWith("CONTACT", "ASSESSMENT", "CURRICULAR_RECORDS", "CHARACTERISTICS");
    }

    @Test
    void eachUseHasItsBasisAndSpecialCategoryDataItsCondition() {
        NoticeContent n = NoticeRules.generate(cassiobury(), TODAY, DraftText.NONE);
        NoticeContent.Use census = n.uses().stream()
                .filter(u -> u.purpose().contains("School census"))
                .findFirst()
                .orElseThrow();
        assertThat(census.lawfulBasis()).isEqualTo("LEGAL_OBLIGATION");
        assertThat(census.lawfulBasisInWords()).contains("Art. 6(1)(c)");
        assertThat(census.specialCategoryCondition()).contains("Art. 9(2)(g)");
        NoticeContent.Use biometric = n.uses().stream()
                .filter(u -> u.purpose().equals("do what you have consented to: biometric catering"))
                .findFirst()
                .orElseThrow();
        assertThat(biometric.specialCategoryCondition()).contains("Art. 9(2)(a)");
        assertThat(biometric.law()).contains("Protection of Freedoms Act 2012");
    }

    @Test
    void retentionIsSummarisedInWordsWithALinkToTheSchedule() {
        NoticeContent n = NoticeRules.generate(cassiobury(), TODAY, DraftText.NONE);
        assertThat(n.retention().classes())
                .extracting(NoticeContent.RetentionLine::keptFor)
                .containsExactly("6 years after the record is made", "25 years from the pupil's date of birth");
        assertThat(n.retention().schedulePath()).isEqualTo("/public/v1/schools/100001/retention-schedule");
    }

    @Test
    void theEducationalRecordRightDependsOnTheKindOfSchoolAndTheAgeOnTheSchool() {
        SchoolFacts academy = new SchoolFacts(
                "100001", school("d@x.example", "ACADEMY"), List.of(), List.of(), List.of(), List.of(), null);
        String academyRecord = right(NoticeRules.generate(academy, TODAY, DraftText.NONE), "Educational record");
        assertThat(academyRecord).contains("Academies, free schools and independent schools do not have to");
        String maintained = right(NoticeRules.generate(cassiobury(), TODAY, DraftText.NONE), "Educational record");
        assertThat(maintained).contains("15 school days");
        assertThat(right(NoticeRules.generate(cassiobury(), TODAY, DraftText.NONE), "Who can use these rights"))
                .contains("under 13");
    }

    @Test
    void transfersOutsideTheUkAreListedWithTheirSafeguard() {
        SchoolFacts facts = cassiobury();
        SchoolFacts withTransfer = new SchoolFacts(
                facts.urn(),
                facts.school(),
                facts.purposes(),
                facts.recipients(),
                List.of(agreement(
                        "a-us", "r-wonde", "Backups", List.of("IDENTITY"), "PUBLIC_TASK", null, "US", null, 1)),
                facts.retentionRules(),
                null);
        NoticeContent n = NoticeRules.generate(withTransfer, TODAY, DraftText.NONE);
        assertThat(n.transfers()).singleElement().satisfies(t -> {
            assertThat(t.recipient()).isEqualTo("Wonde");
            assertThat(t.country()).isEqualTo("US");
            assertThat(t.safeguard()).contains("International Data Transfer Agreement");
        });
        assertThat(NoticeRules.differences(NoticeRules.generate(facts, TODAY, DraftText.NONE), n))
                .anySatisfy(d -> {
                    assertThat(d.section()).isEqualTo(NoticeContent.Section.transfers);
                    assertThat(d.change()).isEqualTo(Difference.Change.ADDED);
                    assertThat(d.because()).containsExactly(new FactRef(FactKind.AGREEMENT, "a-us", 1));
                    assertThat(d.sentence()).isEqualTo("New: the transfer to Wonde (US)");
                });
    }

    @Test
    void theSameFactsMakeTheSameNoticeAndNoDifference() {
        NoticeContent a = NoticeRules.generate(cassiobury(), TODAY, DraftText.NONE);
        NoticeContent b = NoticeRules.generate(cassiobury(), TODAY, DraftText.NONE);
        assertThat(NoticeJson.canonical(a)).isEqualTo(NoticeJson.canonical(b));
        assertThat(NoticeJson.hash(NoticeJson.canonical(a))).isEqualTo(NoticeJson.hash(NoticeJson.canonical(b)));
        assertThat(NoticeRules.differences(a, b)).isEmpty();
        assertThat(NoticeRules.changedSections(a, b)).isEmpty();
        assertThat(NoticeJson.read(NoticeJson.canonical(a))).isEqualTo(a);
    }

    @Test
    void theDposWordsAreNotDriftButAreAChangedSection() {
        NoticeContent plain = NoticeRules.generate(cassiobury(), TODAY, DraftText.NONE);
        NoticeContent worded = NoticeRules.generate(
                cassiobury(), TODAY, new DraftText("Hello", Map.of("recipients", "We check them yearly."), null));
        assertThat(NoticeRules.differences(plain, worded)).isEmpty();
        assertThat(NoticeRules.changedSections(plain, worded))
                .containsExactly(NoticeContent.Section.introduction, NoticeContent.Section.localExplanations);
        assertThat(NoticeRules.changedSections(null, plain)).hasSize(NoticeContent.Section.values().length);
    }

    @Test
    void aNewVersionOfAFactThatSaysTheSameIsNoDifference() {
        SchoolFacts facts = cassiobury();
        SchoolFacts bumped = new SchoolFacts(
                facts.urn(),
                facts.school(),
                facts.purposes(),
                facts.recipients(),
                List.of(agreement(
                        "a-census",
                        "r-dfe",
                        "School census",
                        List.of("IDENTITY", "CHARACTERISTICS"),
                        "LEGAL_OBLIGATION",
                        "SUBSTANTIAL_PUBLIC_INTEREST",
                        null,
                        null,
                        7)),
                facts.retentionRules(),
                null);
        assertThat(NoticeRules.differences(
                        NoticeRules.generate(facts, TODAY, DraftText.NONE),
                        NoticeRules.generate(bumped, TODAY, DraftText.NONE)))
                .extracting(Difference::section)
                .doesNotContain(NoticeContent.Section.uses, NoticeContent.Section.categories);
    }

    @Test
    void automatedDecisionsAreNoneUnlessTheDpoSaysWhatTheyAre() {
        assertThat(NoticeRules.generate(cassiobury(), TODAY, DraftText.NONE).automatedDecisions())
                .startsWith("No significant decision about your child");
        NoticeContent said = NoticeRules.generate(
                cassiobury(), TODAY, new DraftText(null, Map.of(), "Places at breakfast club are offered by lot."));
        assertThat(said.automatedDecisions()).isEqualTo("Places at breakfast club are offered by lot.");
        assertThat(NoticeRules.changedSections(NoticeRules.generate(cassiobury(), TODAY, DraftText.NONE), said))
                .containsExactly(NoticeContent.Section.automatedDecisions);
    }

    @Test
    void whatChangedIsSaidInSentencesAParentCanRead() {
        SchoolFacts facts = cassiobury();
        NoticeContent before = NoticeRules.generate(facts, TODAY, DraftText.NONE);
        NoticeContent after = NoticeRules.generate(
                facts.withAgreements(List.of(agreement(
                        "a-us", "r-wonde", "Backups", List.of("IDENTITY"), "PUBLIC_TASK", null, "US", null, 1))),
                TODAY,
                new DraftText("A new welcome.", Map.of(), null));
        assertThat(NoticeRules.changesInWords(before, after))
                .contains(
                        "New: the transfer to Wonde (US)",
                        "No longer: the use of data to share data with Department for Education: School census",
                        "Changed: the school's introduction");
        assertThat(NoticeRules.changesInWords(null, after)).containsExactly("The first version of this notice.");
        assertThat(NoticeRules.changesInWords(after, after)).isEmpty();
    }

    private static NoticeContent.Category category(NoticeContent n, String code) {
        return n.categories().stream()
                .filter(c -> c.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private static String right(NoticeContent n, String name) {
        return n.rights().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow()
                .what();
    }
}
