package org.custodian.sharing.decision;

import java.util.Locale;
import java.util.Set;

/** Transfers outside the UK: which destinations need a safeguard and whether the one named is enough. */
public final class Transfers {

    /** The UK (ISO 3166-1 alpha-2). */
    public static final String UK = "GB";

    /**
     * Countries with UK adequacy regulations (DPA 2018 s.17A and the transitional regulations of 2020): the EEA,
     * Gibraltar, the Crown Dependencies, and the countries the UK recognised or has since added. For Canada the
     * regulations cover only organisations subject to PIPEDA and for the United States only organisations certified to
     * the UK Extension of the Data Privacy Framework: the agreement records which ({@link AdequacyScheme}).
     */
    public static final Set<String> ADEQUATE = Set.of(
            // EEA
            "AT",
            "BE",
            "BG",
            "HR",
            "CY",
            "CZ",
            "DK",
            "EE",
            "FI",
            "FR",
            "DE",
            "GR",
            "HU",
            "IE",
            "IT",
            "LV",
            "LT",
            "LU",
            "MT",
            "NL",
            "PL",
            "PT",
            "RO",
            "SK",
            "SI",
            "ES",
            "SE",
            "IS",
            "LI",
            "NO",
            // Gibraltar and the Crown Dependencies
            "GI",
            "GG",
            "JE",
            "IM",
            // other adequacy decisions recognised by the UK, and the UK's own
            "AD",
            "AR",
            "CA",
            "FO",
            "IL",
            "JP",
            "NZ",
            "KR", // Republic of Korea: PIPA only
            "CH",
            "UY",
            "US");

    private Transfers() {}

    public static boolean isUk(String country) {
        return country == null || UK.equals(country.toUpperCase(Locale.ROOT));
    }

    /**
     * Whether data may go to {@code country} with {@code safeguard} (null when none is named), reading adequacy as
     * whole: {@link #permitted(String, TransferSafeguard, AdequacyScheme)} also checks a partial one.
     */
    public static boolean permitted(String country, TransferSafeguard safeguard) {
        if (isUk(country)) {
            return true;
        }
        if (safeguard == null) {
            return false;
        }
        return switch (safeguard) {
            case ADEQUACY -> ADEQUATE.contains(country.toUpperCase(Locale.ROOT));
            case IDTA, UK_ADDENDUM_SCC -> true;
        };
    }

    /**
     * Whether data may go to {@code country} with {@code safeguard}: adequacy for the US, Canada, Japan and Korea is
     * partial (UK adequacy regulations cover only recipients in a scheme), so {@code ADEQUACY} there needs the
     * recipient's {@code scheme} recorded, and it must be that country's.
     */
    public static boolean permitted(String country, TransferSafeguard safeguard, AdequacyScheme scheme) {
        if (!permitted(country, safeguard)) {
            return false;
        }
        if (isUk(country) || safeguard != TransferSafeguard.ADEQUACY) {
            return true;
        }
        AdequacyScheme needed = AdequacyScheme.requiredFor(country);
        return needed == null || needed == scheme;
    }

    /** Whether the only thing missing is the partial adequacy scheme. */
    public static boolean missingScheme(String country, TransferSafeguard safeguard, AdequacyScheme scheme) {
        return permitted(country, safeguard) && !permitted(country, safeguard, scheme);
    }
}
