package org.custodian.sharing.decision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The rules an agreement must satisfy before it is stored. Pure: returns the violations, empty when valid. */
public final class AgreementRules {

    /** One broken rule, named by the request field it concerns. */
    public record Violation(String field, String message) {}

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** Dates an agreement may name (the database keeps far wider ones; these are the sensible ones). */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private AgreementRules() {}

    public static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    /**
     * @param recipientCountry the recipient's country, where the data goes unless {@code transferCountry} says otherwise
     */
    public static List<Violation> check(
            LawfulBasis basis,
            String consentPurpose,
            String legalReference,
            LocalDate validFrom,
            LocalDate validTo,
            String recipientCountry,
            String transferCountry,
            TransferSafeguard safeguard) {
        List<Violation> violations = new ArrayList<>();
        if (basis == LawfulBasis.CONSENT && isBlank(consentPurpose)) {
            violations.add(new Violation("consentPurpose", "is required when the lawful basis is CONSENT"));
        }
        if (basis != null && basis != LawfulBasis.CONSENT && !isBlank(consentPurpose)) {
            violations.add(new Violation(
                    "consentPurpose", "only an agreement whose lawful basis is CONSENT names a consent purpose"));
        }
        if (basis == LawfulBasis.LEGAL_OBLIGATION && isBlank(legalReference)) {
            violations.add(new Violation("legalReference", "name the law that obliges the school to share"));
        }
        for (var date : new Object[][] {{"validFrom", validFrom}, {"validTo", validTo}}) {
            LocalDate d = (LocalDate) date[1];
            if (d != null && (d.isBefore(EARLIEST) || d.isAfter(LATEST))) {
                violations.add(new Violation((String) date[0], "a date from " + EARLIEST + " to " + LATEST));
            }
        }
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            violations.add(new Violation("validTo", "must not be before validFrom"));
        }
        if (transferCountry != null) {
            if (!isCountry(transferCountry)) {
                violations.add(new Violation("transferCountry", "not an ISO 3166-1 alpha-2 country code"));
            } else if (Transfers.isUk(transferCountry)) {
                violations.add(new Violation("transferCountry", "name a country only for a transfer outside the UK"));
            }
        }
        String destination = transferCountry != null ? transferCountry : recipientCountry;
        if (isCountry(destination)) {
            if (Transfers.isUk(destination) && safeguard != null) {
                violations.add(
                        new Violation("transferSafeguard", "the data stays in the UK: no transfer safeguard applies"));
            } else if (!Transfers.permitted(destination, safeguard)) {
                violations.add(new Violation(
                        "transferSafeguard",
                        safeguard == null
                                ? "a transfer to " + destination
                                        + " (outside the UK) needs ADEQUACY, IDTA or UK_ADDENDUM_SCC"
                                : "the UK has no adequacy regulations for " + destination
                                        + "; use IDTA or UK_ADDENDUM_SCC"));
            }
        }
        return violations;
    }

    /**
     * What the law needs recorded beside the basis, checked when an agreement is written so that the school is told at
     * once: the rules are {@link LawfulnessRules}' (the Art. 9/10 conditions and the basis), which the decision engine
     * applies to agreements written before; here each reason becomes a violation naming the field to fill in.
     *
     * @param destination     where the data goes (the transfer country, else the recipient's)
     * @param sector          the recipient's sector (vital interests only for an emergency recipient)
     * @param publicAuthority the school is a maintained school or an academy (or its type is not known)
     */
    public static List<Violation> checkConditions(
            LawfulBasis basis,
            Set<DataCategory> categories,
            AgreementTerms.Conditions c,
            String destination,
            TransferSafeguard safeguard,
            Sector sector,
            boolean publicAuthority) {
        List<Violation> violations = new ArrayList<>();
        for (Reason r : LawfulnessRules.conditionReasons(c, categories)) {
            violations.add(
                    switch (r) {
                        case SPECIAL_CATEGORY_CONDITION_MISSING ->
                            new Violation(
                                    "specialCategoryCondition",
                                    "the agreement covers special category data (UK GDPR Art. 9(1)): record the "
                                            + "Art. 9(2) condition it rests on");
                        case SCHEDULE_1_CONDITION_MISSING ->
                            new Violation(
                                    "schedule1Condition",
                                    c.specialCategory().citation() + " needs a DPA 2018 Schedule 1 Part "
                                            + (c.specialCategory().schedule1Part() == Schedule1Condition.Part.ONE
                                                    ? "1"
                                                    : "2")
                                            + " condition (s.10)");
                        case CRIMINAL_OFFENCE_CONDITION_MISSING ->
                            new Violation(
                                    "schedule1Condition",
                                    "the agreement covers criminal offence data (UK GDPR Art. 10; safeguarding files "
                                            + "hold allegations): record the DPA 2018 Schedule 1 condition (s.10(5))");
                        // conditionReasons gives no other reason
                        default -> new Violation("schedule1Condition", r.description());
                    });
        }
        if (basis != null) {
            for (Reason r : LawfulnessRules.basisReasons(basis, c, sector, publicAuthority)) {
                violations.add(
                        switch (r) {
                            case CONTRACT_WITHOUT_DATA_SUBJECT_CONTRACT ->
                                new Violation("dataSubjectContract", r.description());
                            case CONTRACT_WITH_PROCESSOR -> new Violation("recipientRole", r.description());
                            default -> new Violation("lawfulBasis", r.description());
                        });
            }
            if (basis != LawfulBasis.CONTRACT && !isBlank(c.dataSubjectContract())) {
                violations.add(new Violation(
                        "dataSubjectContract", "only an agreement whose lawful basis is CONTRACT names one"));
            }
        }
        if (c.adequacyScheme() != null) {
            if (safeguard != TransferSafeguard.ADEQUACY
                    || !c.adequacyScheme().country().equals(destination)) {
                violations.add(new Violation(
                        "adequacyScheme",
                        c.adequacyScheme() + " covers transfers to "
                                + c.adequacyScheme().country() + " under ADEQUACY only"));
            }
        } else if (safeguard == TransferSafeguard.ADEQUACY && AdequacyScheme.requiredFor(destination) != null) {
            violations.add(new Violation(
                    "adequacyScheme",
                    "UK adequacy for " + destination + " is partial: record the scheme the recipient is in ("
                            + AdequacyScheme.requiredFor(destination) + "), or use IDTA or UK_ADDENDUM_SCC"));
        }
        return violations;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
