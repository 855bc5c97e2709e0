package org.custodian.consent.school;

/** Which bank holidays apply to the school's deadlines. */
public enum Region {
    ENGLAND_AND_WALES,
    SCOTLAND,
    NORTHERN_IRELAND
}
