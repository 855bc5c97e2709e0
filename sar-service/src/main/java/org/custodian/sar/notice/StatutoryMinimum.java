package org.custodian.sar.notice;

import java.util.List;

/**
 * The statutory minimum: what a subject access response, a refusal, a fee and a complaint answer say when the school's
 * published privacy notice is not available (the school has published none, or accountability-service did not answer;
 * {@link SchoolNotice}). The facts UK GDPR Art. 15(1)–(2) and Art. 12(4) require in any case: the purposes, the lawful
 * bases, the categories of data, the recipients, how long data is kept and where it comes from, automated
 * decision-making, transfers, the rights and the Information Commissioner's Office. In the words of the law as it
 * stands (issue 24): transfers "outside the UK" (not the EEA), the right to object to public-task processing under
 * Art. 21 (not "damage or distress", the Data Protection Act 1998's s.10 wording), and automated decisions under
 * Arts. 22A–22D (Data (Use and Access) Act 2025, s.80). Once a school publishes its notice, its own words replace these
 * (issue 18).
 */
public final class StatutoryMinimum {

    private StatutoryMinimum() {}

    public static final Ico ICO = new Ico(
            "Information Commissioner's Office",
            "https://ico.org.uk/concerns/",
            "0303 123 1113",
            "Information Commissioner's Office, Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF");

    /** The sentence every refusal, fee and complaint answer carries, with the given contact details of the ICO. */
    public static String rightToComplain(Ico ico) {
        return "You have the right to complain to the " + ico.name() + ": report a concern online at " + ico.online()
                + ", call " + ico.telephone() + ", or write to " + ico.address()
                + ". You may also seek to enforce your rights through the courts.";
    }

    /** The sentence every refusal, fee and complaint answer carries when the school's notice is not available. */
    public static final String RIGHT_TO_COMPLAIN = rightToComplain(ICO);

    public static final List<String> PURPOSES = List.of(
            "Support pupil learning",
            "Monitor and report on pupil progress",
            "Provide appropriate pastoral care",
            "Protect pupil welfare",
            "Assess the quality of our services",
            "Administer admissions waiting lists",
            "Carry out research",
            "Comply with the law regarding data sharing");

    public static final List<String> LAWFUL_BASES = List.of(
            "Legal obligation (UK GDPR Art. 6(1)(c))",
            "Public task (Art. 6(1)(e))",
            "Consent, where the school asked for it (Art. 6(1)(a)); it can be withdrawn at any time",
            "Vital interests (Art. 6(1)(d))");

    public static final List<String> CATEGORIES = List.of(
            "Contact details, contact preferences, date of birth, identification documents",
            "Results of internal assessments and externally set tests",
            "Pupil and curricular records",
            "Characteristics, such as ethnic background, eligibility for free school meals, or special educational needs",
            "Exclusion information",
            "Details of any medical conditions, including physical and mental health",
            "Attendance information",
            "Safeguarding information",
            "Details of any support received, including care packages, plans and support providers",
            "Photographs",
            "Digital recordings/videos");

    public static final List<String> RECIPIENT_CATEGORIES = List.of(
            "Our local authority",
            "The Department for Education",
            "The pupil's family and representatives",
            "Educators and examining bodies",
            "Our regulator, Ofsted",
            "Suppliers and service providers",
            "Financial organisations",
            "Central and local government",
            "Our auditors",
            "Survey and research organisations",
            "Health authorities",
            "Security organisations",
            "Health and social welfare organisations",
            "Professional advisers and consultants",
            "Charities and voluntary organisations",
            "Police forces, courts, tribunals",
            "Professional bodies, including educational platforms (e.g. Wonde, Discovery Education)");

    public static final String RETENTION =
            "We keep personal information about pupils while they attend the school, and beyond where the"
                    + " law requires, following our retention schedule (adopted from the Information and Records Management Society's"
                    + " toolkit for schools). The periods for the records we hold about your child are listed in this response.";

    public static final String SOURCES =
            "Most of the data comes from you and your child. Some comes from other schools, the local"
                    + " authority and the Department for Education.";

    /**
     * Automated decision-making as the law stands since the Data (Use and Access) Act 2025, s.80, substituted Arts.
     * 22A–22D for the old Art. 22 (in force 5 February 2026): a "significant decision" (legal or similarly significant
     * effect, Art. 22A(1)(b)) "based solely on automated processing" (no meaningful human involvement, Art. 22A(1)(a));
     * special category data only with explicit consent or Art. 9(2)(g) (Art. 22B); the safeguards of Art. 22C(2):
     * information about such decisions, representations, human intervention, contesting them.
     */
    public static final String AUTOMATED_DECISIONS_NONE =
            "No significant decision about your child (one with a legal or similarly significant effect) is taken"
                    + " based solely on automated processing, that is without meaningful human involvement"
                    + " (UK GDPR Arts. 22A–22D, as substituted by the Data (Use and Access) Act 2025), and no"
                    + " profiling is carried out. If that ever changes, we will tell you about such decisions and you"
                    + " will be able to make representations, obtain human intervention and contest them (Art. 22C).";

    /**
     * Transfers are restricted when they leave the UK (UK GDPR Chapter V, Arts. 44–49 as amended): the notice's
     * "outside the European Economic Area" is the pre-2021 wording.
     */
    public static final String INTERNATIONAL_TRANSFERS =
            "Where data is transferred outside the UK, it is done in accordance with UK data protection law"
                    + " (UK GDPR Chapter V): to a country covered by UK adequacy regulations, with appropriate"
                    + " safeguards, or under an exception the law allows for an occasional, necessary transfer.";

    public static final List<String> RIGHTS = List.of(
            "To ask for a copy of the personal data we hold (subject access)",
            "To have inaccurate personal data corrected (rectification)",
            "To have personal data erased in certain circumstances (erasure)",
            "To restrict processing in certain circumstances (restriction)",
            "To object, on grounds relating to your particular situation, to processing we carry out to perform"
                    + " a task in the public interest or in our official authority; we then stop unless we can show"
                    + " compelling legitimate grounds that override your interests, rights and freedoms, or need it for"
                    + " legal claims (UK GDPR Art. 21(1))",
            "To object at any time to use of your data for direct marketing, which then always stops"
                    + " (Art. 21(2) and (3))",
            "To receive data you provided in a machine-readable format and have it transmitted to another organisation (portability)",
            "Where a significant decision is taken based solely on automated processing, to be told about it, to"
                    + " make representations, to obtain human intervention and to contest it (UK GDPR Arts. 22A–22D)",
            "To withdraw consent at any time, as easily as it was given",
            "To claim compensation for damage caused by a breach of data protection law",
            "To complain to the Information Commissioner's Office");
}
