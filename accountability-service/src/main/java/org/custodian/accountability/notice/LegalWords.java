package org.custodian.accountability.notice;

import java.util.Locale;
import java.util.Map;

/** The lawful bases, Art. 9 conditions and transfer safeguards the facts name by code, in words a parent can read. */
public final class LegalWords {

    private static final Map<String, String> BASES = Map.of(
            "LEGAL_OBLIGATION", "we need to comply with a legal obligation (UK GDPR Art. 6(1)(c))",
            "PUBLIC_TASK", "we need it to perform an official task in the public interest (Art. 6(1)(e))",
            "CONSENT", "you have given consent, which you can withdraw at any time (Art. 6(1)(a))",
            "VITAL_INTERESTS", "we need to protect someone's vital interests, such as their life (Art. 6(1)(d))",
            "CONTRACT", "we need it for a contract with you (Art. 6(1)(b))",
            "LEGITIMATE_INTERESTS",
                    "it is in our legitimate interests and those do not override yours (Art. 6(1)(f)); a school can"
                            + " rely on this only outside its public tasks");

    private static final Map<String, String> CONDITIONS = Map.ofEntries(
            Map.entry("EXPLICIT_CONSENT", "explicit consent (Art. 9(2)(a))"),
            Map.entry(
                    "EMPLOYMENT_SOCIAL_SECURITY",
                    "employment, social security and social protection law (Art. 9(2)(b))"),
            Map.entry(
                    "VITAL_INTERESTS", "to protect someone's vital interests when they cannot consent (Art. 9(2)(c))"),
            Map.entry("NOT_FOR_PROFIT_BODY", "the activities of a not-for-profit body (Art. 9(2)(d))"),
            Map.entry("MADE_PUBLIC", "data the person has made public (Art. 9(2)(e))"),
            Map.entry("LEGAL_CLAIMS", "legal claims (Art. 9(2)(f))"),
            Map.entry(
                    "SUBSTANTIAL_PUBLIC_INTEREST",
                    "reasons of substantial public interest set out in law (Art. 9(2)(g))"),
            Map.entry("HEALTH_OR_SOCIAL_CARE", "health or social care (Art. 9(2)(h))"),
            Map.entry("PUBLIC_HEALTH", "public health (Art. 9(2)(i))"),
            Map.entry("ARCHIVING_RESEARCH_STATISTICS", "archiving, research or statistics (Art. 9(2)(j))"));

    private static final Map<String, String> SAFEGUARDS = Map.of(
            "ADEQUACY", "the country is covered by UK adequacy regulations",
            "IDTA", "the UK International Data Transfer Agreement",
            "ADDENDUM", "the UK Addendum to the EU standard contractual clauses",
            "BINDING_CORPORATE_RULES", "binding corporate rules approved by the ICO",
            "DEROGATION", "an exception the law allows for an occasional, necessary transfer (Art. 49)");

    private LegalWords() {}

    public static String basis(String code) {
        return code == null ? null : BASES.getOrDefault(code, DataCategories.words(code));
    }

    /** The Art. 9 condition, with the DPA 2018 Schedule 1 condition when there is one. */
    public static String condition(String code, String schedule1) {
        if (code == null) {
            return null;
        }
        String words = CONDITIONS.getOrDefault(code, DataCategories.words(code));
        return schedule1 == null
                ? words
                : words + ", with the Data Protection Act 2018, Schedule 1 condition: "
                        + DataCategories.words(schedule1).toLowerCase(Locale.ROOT);
    }

    public static String safeguard(String code, String scheme) {
        if (code == null) {
            return "no safeguard has been recorded";
        }
        String words = SAFEGUARDS.getOrDefault(code, DataCategories.words(code));
        return scheme == null ? words : words + " (" + scheme + ")";
    }
}
