package org.custodian.accountability.ropa;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.custodian.accountability.fact.FactRef;
import org.custodian.accountability.fact.SchoolFacts;
import org.custodian.accountability.fact.SchoolFacts.Sourced;
import org.custodian.accountability.notice.DataCategories;
import org.custodian.accountability.notice.LegalWords;
import org.custodian.accountability.notice.NoticeContent;
import org.custodian.accountability.notice.NoticeRules;
import org.custodian.accountability.notice.SchoolDuties;
import org.custodian.platform.events.ConsentEvents.PurposeDefined;
import org.custodian.platform.events.RetentionEvents.RetentionRuleChanged;
import org.custodian.platform.events.SharingEvents.AgreementChanged;
import org.custodian.platform.events.SharingEvents.RecipientChanged;

/**
 * Makes the record of processing activities (UK GDPR Art. 30(1)) from a school's facts: a row for each use the law
 * gives every school, each sharing agreement in force and each consent purpose. Pure.
 */
public final class RopaRules {

    static final List<String> PUPILS_AND_FAMILIES = List.of("Pupils", "Parents and carers");
    static final List<String> PUPILS = List.of("Pupils");

    private RopaRules() {}

    public static List<RopaRow> rows(SchoolFacts facts, LocalDate today, String securityMeasures) {
        List<RopaRow> rows = new ArrayList<>();
        String nation = facts.school() == null ? null : facts.school().value().nation();
        List<NoticeContent.Use> duties = SchoolDuties.uses(nation);
        for (int i = 0; i < duties.size(); i++) {
            NoticeContent.Use duty = duties.get(i);
            List<String> categories = SchoolDuties.categoriesOf(duty.purpose());
            List<FactRef> from = new ArrayList<>();
            List<Sourced<RetentionRuleChanged>> dutyClasses = classesOf(facts, categories, null);
            rows.add(new RopaRow(
                    "duty:" + (i + 1),
                    "Education and pupil welfare",
                    capital(duty.purpose()),
                    PUPILS_AND_FAMILIES,
                    titles(categories),
                    special(categories),
                    List.of(),
                    null,
                    List.of(),
                    null,
                    retention(dutyClasses, from),
                    securityMeasures,
                    duty.lawfulBasisInWords(),
                    duty.specialCategoryCondition(),
                    duty.law(),
                    systems(facts, dutyClasses, from),
                    SchoolDuties.SOURCES,
                    cells(Map.of(), dutyClasses, facts),
                    List.copyOf(from)));
        }
        for (Sourced<AgreementChanged> a : NoticeRules.agreementsInForce(facts, today)) {
            AgreementChanged v = a.value();
            List<String> categories = nonNull(v.dataCategories());
            Sourced<RecipientChanged> recipient = recipient(facts, v.recipientId());
            List<FactRef> from = new ArrayList<>(List.of(a.ref()));
            if (recipient != null) {
                from.add(recipient.ref());
            }
            boolean transfer = v.transferCountry() != null && !"GB".equals(v.transferCountry());
            List<Sourced<RetentionRuleChanged>> agreementClasses = classesOf(facts, categories, v.consentPurpose());
            rows.add(new RopaRow(
                    "agreement:" + a.ref().key(),
                    "Sharing",
                    "Share data with "
                            + (recipient == null
                                    ? "a recipient"
                                    : recipient.value().name()) + ": " + v.name(),
                    PUPILS,
                    titles(categories),
                    special(categories),
                    recipient == null
                            ? List.of()
                            : List.of(recipient.value().name() + " (" + role(v.recipientRole(), recipient) + ")"),
                    recipient == null ? null : recipient.value().contractReference(),
                    transfer ? List.of(v.transferCountry()) : List.of(),
                    transfer ? LegalWords.safeguard(v.transferSafeguard(), v.adequacyScheme()) : null,
                    retention(agreementClasses, from),
                    securityMeasures,
                    LegalWords.basis(v.lawfulBasis()),
                    LegalWords.condition(v.specialCategoryCondition(), v.schedule1Condition()),
                    v.legalReference(),
                    systems(facts, agreementClasses, from),
                    PUPILS_AND_FAMILIES.stream()
                            .map(s -> s + " (through the school)")
                            .toList(),
                    cells(agreementCells(a, recipient), agreementClasses, facts),
                    List.copyOf(from)));
        }
        for (Sourced<PurposeDefined> p : facts.purposes()) {
            PurposeDefined v = p.value();
            List<String> categories = nonNull(v.dataCategories());
            List<FactRef> from = new ArrayList<>(List.of(p.ref()));
            List<String> recipients = new ArrayList<>();
            for (Sourced<AgreementChanged> a : NoticeRules.agreementsInForce(facts, today)) {
                if (v.purpose().equals(a.value().consentPurpose())) {
                    Sourced<RecipientChanged> r = recipient(facts, a.value().recipientId());
                    recipients.add(r == null ? a.value().name() : r.value().name());
                    from.add(a.ref());
                }
            }
            boolean special = !special(categories).isEmpty();
            List<Sourced<RetentionRuleChanged>> purposeClasses = classesOf(facts, categories, v.purpose());
            rows.add(new RopaRow(
                    "purpose:" + v.purpose(),
                    "Consent-based processing",
                    v.title(),
                    PUPILS,
                    titles(categories),
                    special(categories),
                    recipients,
                    null,
                    List.of(),
                    null,
                    retention(purposeClasses, from),
                    securityMeasures,
                    LegalWords.basis("CONSENT"),
                    special ? LegalWords.condition("EXPLICIT_CONSENT", null) : null,
                    "BIOMETRIC".equals(v.kind()) ? "Protection of Freedoms Act 2012, ss.26-28" : null,
                    systems(facts, purposeClasses, from),
                    List.of("Parents and carers, and pupils old enough to decide, when asked for consent"),
                    cells(purposeCells(p, from), purposeClasses, facts),
                    List.copyOf(from)));
        }
        return rows;
    }

    private static final List<String> AGREEMENT_CELLS = List.of(
            "purpose",
            "dataCategories",
            "specialCategories",
            "transferCountries",
            "transferSafeguards",
            "lawfulBasis",
            "specialCategoryCondition",
            "law");

    private static final List<String> PURPOSE_CELLS =
            List.of("purpose", "dataCategories", "specialCategories", "lawfulBasis", "specialCategoryCondition", "law");

    private static Map<String, List<FactRef>> agreementCells(
            Sourced<AgreementChanged> a, Sourced<RecipientChanged> recipient) {
        Map<String, List<FactRef>> cells = new LinkedHashMap<>();
        AGREEMENT_CELLS.forEach(cell -> cells.put(cell, List.of(a.ref())));
        if (recipient != null) {
            cells.put("purpose", List.of(a.ref(), recipient.ref()));
            cells.put("recipients", List.of(a.ref(), recipient.ref()));
            cells.put("processorContract", List.of(recipient.ref()));
        }
        return cells;
    }

    /** A purpose's cells; its recipients come from the agreements that rest on it (already in {@code from}). */
    private static Map<String, List<FactRef>> purposeCells(Sourced<PurposeDefined> p, List<FactRef> from) {
        Map<String, List<FactRef>> cells = new LinkedHashMap<>();
        PURPOSE_CELLS.forEach(cell -> cells.put(cell, List.of(p.ref())));
        List<FactRef> agreements = from.stream()
                .filter(ref -> ref.kind() == org.custodian.accountability.fact.FactKind.AGREEMENT)
                .toList();
        if (!agreements.isEmpty()) {
            cells.put("recipients", agreements);
        }
        return cells;
    }

    /** The row's own cells, then its retention and systems cells, each naming the facts it came from. */
    private static Map<String, List<FactRef>> cells(
            Map<String, List<FactRef>> own, List<Sourced<RetentionRuleChanged>> classes, SchoolFacts facts) {
        Map<String, List<FactRef>> cells = new LinkedHashMap<>(own);
        if (!classes.isEmpty()) {
            cells.put("retention", classes.stream().map(Sourced::ref).toList());
            List<FactRef> systems = new ArrayList<>();
            if (!systems(facts, classes, systems).isEmpty()) {
                cells.put("systems", systems);
            }
        }
        return cells;
    }

    /** The record classes of the schedule that hold the row's data: its categories, or kept under its consent. */
    static List<Sourced<RetentionRuleChanged>> classesOf(
            SchoolFacts facts, List<String> categories, String consentPurpose) {
        Set<String> wanted = new LinkedHashSet<>();
        categories.forEach(c -> wanted.add(DataCategories.of(c).code()));
        return facts.retentionRules().stream()
                .filter(r -> nonNull(r.value().categories()).stream()
                                .map(c -> DataCategories.of(c).code())
                                .anyMatch(wanted::contains)
                        || (consentPurpose != null
                                && nonNull(r.value().consentPurposes()).contains(consentPurpose)))
                .toList();
    }

    /** The schedule's lines for those classes, each naming its fact. */
    static List<String> retention(List<Sourced<RetentionRuleChanged>> classes, List<FactRef> from) {
        List<String> lines = new ArrayList<>();
        for (Sourced<RetentionRuleChanged> r : classes) {
            lines.add(r.value().description() + ": " + NoticeRules.keptFor(r.value()) + ", "
                    + NoticeRules.then(r.value().action()));
            from.add(r.ref());
        }
        return lines;
    }

    /** The systems holding records of those classes (from the holdings register), naming that fact when it adds any. */
    static List<String> systems(SchoolFacts facts, List<Sourced<RetentionRuleChanged>> classes, List<FactRef> from) {
        if (facts.holdingSystems() == null || facts.holdingSystems().value().systemsByClass() == null) {
            return List.of();
        }
        Set<String> systems = new java.util.TreeSet<>();
        classes.forEach(r -> systems.addAll(nonNull(
                facts.holdingSystems().value().systemsByClass().get(r.value().recordClass()))));
        if (!systems.isEmpty()) {
            from.add(facts.holdingSystems().ref());
        }
        return List.copyOf(systems);
    }

    private static Sourced<RecipientChanged> recipient(SchoolFacts facts, String id) {
        return facts.recipients().stream()
                .filter(r -> r.ref().key().equals(id))
                .findFirst()
                .orElse(null);
    }

    private static String role(String agreementRole, Sourced<RecipientChanged> recipient) {
        String role = agreementRole != null ? agreementRole : recipient.value().kind();
        return "PROCESSOR".equals(role) ? "processor" : "controller";
    }

    private static List<String> titles(List<String> codes) {
        return codes.stream()
                .map(DataCategories::of)
                .map(DataCategories.Category::title)
                .distinct()
                .toList();
    }

    private static List<String> special(List<String> codes) {
        return codes.stream()
                .map(DataCategories::of)
                .filter(c -> c.specialCategory() || c.criminalOffence())
                .map(DataCategories.Category::title)
                .distinct()
                .toList();
    }

    private static String capital(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
