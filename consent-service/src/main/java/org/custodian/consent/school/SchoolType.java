package org.custodian.consent.school;

/** Matters for the educational-record right, which applies to maintained schools in England only. */
public enum SchoolType {
    MAINTAINED,
    ACADEMY,
    FREE_SCHOOL,
    INDEPENDENT
}
