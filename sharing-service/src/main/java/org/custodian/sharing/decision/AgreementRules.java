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

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
