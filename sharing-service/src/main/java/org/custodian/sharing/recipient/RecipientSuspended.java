package org.custodian.sharing.recipient;

import java.util.UUID;

/**
 * A CDI event, fired in the update's transaction: the school stopped sharing with a recipient altogether (it was
 * active and is no longer), so every pupil whose data it received is to be deleted. {@code version} is the recipient's
 * new version, naming this suspension.
 */
public record RecipientSuspended(String urn, UUID recipientId, long version) {}
