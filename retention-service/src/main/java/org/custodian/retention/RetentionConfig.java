package org.custodian.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** retention-service's configuration ({@code custodian.retention.*}). */
@ConfigMapping(prefix = "custodian.retention")
public interface RetentionConfig {

    Disposal disposal();

    interface Disposal {

        /** When the daily disposal job runs, in England's legal time (the job names {@code LegalTime.ZONE_ID}); {@code off} disables it. */
        @WithDefault("0 30 2 * * ?")
        String cron();

        /** The most holdings one batch proposes. */
        @WithDefault("5000")
        int maxItems();
    }
}
