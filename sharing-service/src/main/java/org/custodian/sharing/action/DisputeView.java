package org.custodian.sharing.action;

import java.time.Instant;

public record DisputeView(String reason, String legalReference, Instant recordedAt) {}
