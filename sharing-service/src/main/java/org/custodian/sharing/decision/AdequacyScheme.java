package org.custodian.sharing.decision;

import java.util.Locale;

/**
 * The scheme under which a partial UK adequacy regulation covers a recipient: the regulation covers only recipients
 * within it, so an agreement relying on {@link TransferSafeguard#ADEQUACY} for these countries must record which.
 */
public enum AdequacyScheme {
    /**
     * Data Protection (Adequacy) (United States of America) Regulations 2023 (SI 2023/1028) reg 3: a person "indicated
     * on the Data Privacy Framework List as participating in the UK Extension to the EU-US Data Privacy Framework".
     */
    UK_EXTENSION_DPF("US"),
    /** DPA 2018 Sch. 21 para 5: Canada "in so far as the recipient is subject to" PIPEDA. */
    PIPEDA("CA"),
    /** DPA 2018 Sch. 21 para 5: Japan, for data subject to the Act on the Protection of Personal Information (private sector). */
    JAPAN_PRIVATE_SECTOR("JP"),
    /** Data Protection (Adequacy) (Republic of Korea) Regulations 2022 (SI 2022/1213): recipients subject to PIPA. */
    KOREA_PIPA("KR");

    private final String country;

    AdequacyScheme(String country) {
        this.country = country;
    }

    public String country() {
        return country;
    }

    /** The scheme a partial adequacy regulation for {@code country} needs; null when the country's adequacy is whole. */
    public static AdequacyScheme requiredFor(String country) {
        if (country == null) {
            return null;
        }
        String c = country.toUpperCase(Locale.ROOT);
        for (AdequacyScheme s : values()) {
            if (s.country.equals(c)) {
                return s;
            }
        }
        return null;
    }
}
