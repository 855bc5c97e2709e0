package org.custodian.sharing.action;

import jakarta.validation.constraints.Size;

public record AcknowledgementRequest(@Size(max = 2000) String note) {}
