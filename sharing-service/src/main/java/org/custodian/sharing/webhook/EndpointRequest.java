package org.custodian.sharing.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

public record EndpointRequest(
        @NotBlank @Size(max = WebhookUrls.MAX_LENGTH) String url,
        @NotEmpty @Size(max = 10) Set<@NotNull PartnerEventType> eventTypes,
        @Size(max = 500) String description,
        WebhookEndpoint.Status status) {}
