package org.custodian.sharing.decision;

import java.util.UUID;

/** What the engine needs to know about a recipient: whether it is active, where it is and what sort it is. */
public record RecipientTerms(UUID id, boolean active, String country, Sector sector) {}
