package org.custodian.platform.audit;

/** The result of walking a school's audit chain: intact, or where and how it breaks. */
public record AuditVerification(String schoolUrn, boolean intact, long rowsChecked, Long firstBrokenSeq, String problem) {
}
