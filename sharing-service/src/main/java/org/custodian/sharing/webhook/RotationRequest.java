package org.custodian.sharing.webhook;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

public record RotationRequest(@Min(0) @Max(2_592_000) Long overlapSeconds) {}
