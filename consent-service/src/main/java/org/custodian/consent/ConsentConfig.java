package org.custodian.consent;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** consent-service's own settings. */
@ConfigMapping(prefix = "custodian.consent")
public interface ConsentConfig {

    /** How often the job recomputes the statuses that time alone changes. */
    @WithDefault("15m")
    Duration recheckEvery();

    Quota quota();

    interface Quota {
        /** How many consents one parent or pupil may withdraw in a day: far above a family's need, a brake on abuse. */
        @WithDefault("200")
        int withdrawalsPerDay();
    }
}
