package org.custodian.retention.due;

import java.time.LocalDate;

/**
 * The facts of one holding that its due date depends on.
 *
 * @param pupilId  null for a record about no pupil
 * @param purpose  the consent purpose a consent-based record is held for (null: any of its class's purposes)
 * @param reviewOn set when the DPO decided, on review, to keep the record until then
 */
public record HoldingFacts(
        String pupilId, LocalDate createdOn, LocalDate closedOn, String purpose, LocalDate reviewOn) {}
