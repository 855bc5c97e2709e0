package org.custodian.sar.notice;

import java.util.List;

/**
 * What the school's privacy notice (shared/reference/privacy-notice.md) tells parents, as the facts a subject access
 * response and a refusal must repeat: the ICO's contact details, the rights, the purposes, the categories of data,
 * the recipients, how long data is kept and where it comes from.
 */
public final class PrivacyNotice {

    private PrivacyNotice() {}

    public record Ico(String name, String online, String telephone, String address) {}

    public static final Ico ICO = new Ico(
            "Information Commissioner's Office",
            "https://ico.org.uk/concerns/",
            "0303 123 1113",
            "Information Commissioner's Office, Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF");

    /** The sentence every refusal, fee and complaint answer carries. */
    public static final String RIGHT_TO_COMPLAIN =
            "You have the right to complain to the Information Commissioner's Office: report a concern"
                    + " online at " + ICO.online() + ", call " + ICO.telephone() + ", or write to " + ICO.address()
                    + ". You may also seek to enforce your rights through the courts.";

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

    public static final String AUTOMATED_DECISIONS_NONE =
            "No decisions about your child are made by automated means alone"
                    + " (UK GDPR Art. 22), and no profiling is carried out.";

    public static final String INTERNATIONAL_TRANSFERS =
            "Where data is transferred outside the UK, it is done in accordance with"
                    + " data protection law: to a country with UK adequacy regulations, or with appropriate safeguards.";

    public static final List<String> RIGHTS = List.of(
            "To ask for a copy of the personal data we hold (subject access)",
            "To have inaccurate personal data corrected (rectification)",
            "To have personal data erased in certain circumstances (erasure)",
            "To restrict processing in certain circumstances (restriction)",
            "To object to processing, including for direct marketing (objection)",
            "To receive data you provided in a machine-readable format and have it transmitted to another organisation (portability)",
            "Not to be subject to decisions made by automated means alone",
            "To withdraw consent at any time, as easily as it was given",
            "To claim compensation for damage caused by a breach of data protection law",
            "To complain to the Information Commissioner's Office");
}
