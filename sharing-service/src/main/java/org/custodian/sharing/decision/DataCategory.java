package org.custodian.sharing.decision;

import java.util.Locale;
import java.util.Optional;

/** The categories of pupil data the privacy notice lists; agreements and disclosures name data by these. */
public enum DataCategory {
    /** Name, identifiers such as UPN, date of birth, identification documents. */
    IDENTITY,
    /** Contact details and contact preferences. */
    CONTACT,
    /** Results of internal assessments and externally set tests. */
    ASSESSMENT,
    /** Pupil and curricular records. */
    CURRICULAR_RECORDS,
    /** Characteristics: ethnic background, free school meals eligibility, special educational needs. */
    CHARACTERISTICS,
    /** Exclusion information. */
    EXCLUSIONS,
    /** Medical conditions, physical and mental health. */
    MEDICAL,
    /** Attendance information. */
    ATTENDANCE,
    /** Safeguarding information. */
    SAFEGUARDING,
    /** Support received: care packages, plans, support providers. */
    SUPPORT,
    /** Photographs. */
    PHOTOGRAPHS,
    /** Digital recordings and videos. */
    RECORDINGS,
    /** Biometric data used to identify a pupil (e.g. fingerprint templates for cashless catering). */
    BIOMETRICS,
    /** Criminal convictions and offences, and allegations of them (UK GDPR Art. 10). */
    CRIMINAL_OFFENCES;

    /**
     * Special category data (UK GDPR Art. 9(1)): ethnicity and SEN among the characteristics, health (medical, the
     * support received under a care or EHC plan), biometric data, and safeguarding records (health, sex life).
     */
    public boolean special() {
        return switch (this) {
            case CHARACTERISTICS, MEDICAL, SUPPORT, SAFEGUARDING, BIOMETRICS -> true;
            default -> false;
        };
    }

    /**
     * Criminal offence data (UK GDPR Art. 10; DPA 2018 s.11(2) includes allegations): offences, and safeguarding files,
     * which hold allegations of offences against or by a child.
     */
    public boolean criminalOffence() {
        return this == CRIMINAL_OFFENCES || this == SAFEGUARDING;
    }

    /** Reads a category named by another service (any case, hyphens or underscores); empty when unknown. */
    public static Optional<DataCategory> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
