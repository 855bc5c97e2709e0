package org.custodian.sharing.transfer;

/** Where a due transfer stands. */
public enum DueTransferStatus {
    /** Not sent yet. */
    DUE,
    /** Sent; for the safeguarding file, waiting for the new school to confirm receipt. */
    SENT,
    /** The safeguarding file was sent and its receipt confirmed (KCSIE). */
    RECEIPT_CONFIRMED,
    /** The school holds no safeguarding file for this pupil: closed by the DPO. */
    NOT_HELD;

    /** Whether the school has done what the transfer asks (sent it, or found there is nothing to send). */
    public boolean done() {
        return this != DUE;
    }
}
