package org.custodian.consent.purpose;

/** Biometric purposes follow the Protection of Freedoms Act 2012, ss.26–28, not the school's conflict policy. */
public enum PurposeKind {
    STANDARD,
    BIOMETRIC
}
