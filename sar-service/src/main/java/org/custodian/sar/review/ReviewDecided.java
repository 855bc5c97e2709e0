package org.custodian.sar.review;

import java.util.UUID;

/**
 * Fired (synchronously, inside the decision's transaction) when the DPO decides an item of a response: what the
 * requester receives has changed, so the stored PDF is rendered again with it.
 */
public record ReviewDecided(String schoolUrn, UUID requestId) {}
