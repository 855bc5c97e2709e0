package org.custodian.sharing.action;

import java.time.Instant;

public record ClosureView(String note, String closedBy, Instant closedAt) {}
