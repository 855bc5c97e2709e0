package org.custodian.sar.review;

/**
 * The DPO's decision on an item of a response: not yet made, release it as it is, release it with the third party's
 * details removed, or withhold it. Redacting and withholding name the exemption and the reason.
 */
public enum ReviewState {
    PENDING,
    RELEASE,
    REDACT,
    WITHHOLD;

    public boolean keepsSomethingBack() {
        return this == REDACT || this == WITHHOLD;
    }
}
