package org.custodian.sharing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import org.custodian.sharing.webhook.WebhookConfig;

/** sharing-service's configuration ({@code custodian.sharing.*}). */
@ConfigMapping(prefix = "custodian.sharing")
public interface SharingConfig {

    /** Base64 of the 32-byte AES-256-GCM key that seals webhook signing secrets (required in production). */
    String secretKey();

    /** The public base URL partners use to answer partner actions (the gateway's). */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** Partner webhooks (Standard Webhooks 1.0). */
    WebhookConfig webhooks();

    PartnerActions partnerActions();

    Overrides overrides();

    interface PartnerActions {

        /** When the partner-action job runs (Quartz cron, or {@code off}). */
        Optional<String> cron();

        /** How long after the last reminder an overdue action is reminded again. */
        @WithDefault("7d")
        Duration reminderInterval();
    }

    interface Overrides {

        /** When the override-review job runs (Quartz cron, or {@code off}). */
        Optional<String> cron();

        /** Working days the DPO has to review an emergency override (1 to 60). */
        @WithDefault("5")
        int reviewWorkingDays();
    }
}
