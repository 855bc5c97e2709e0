package org.custodian.sar.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.time.Period;
import java.util.Optional;

/** sar-service's settings ({@code custodian.sar.*}), with their defaults. */
@ConfigMapping(prefix = "custodian.sar")
public interface SarConfig {

    /**
     * The services whose per-subject exports make up an access response, and the one that serves the school's published
     * privacy notice (every response, refusal and complaint answer); one timeout for all.
     */
    Sources sources();

    /** Uploaded documents. */
    Documents documents();

    /** The daily deadline reminders. */
    Reminders reminders();

    /** Requests per parent or pupil. */
    Quota quota();

    /** What the response says about automated decision-making (UK GDPR Art. 22); empty means none is used. */
    Optional<String> automatedDecisionMaking();

    interface Sources {
        Source consent();

        Source sharing();

        Source retention();

        /** Where the school's published privacy notice is asked for (accountability-service's internal export). */
        Source accountability();

        /** How long a source may take to answer. */
        @WithDefault("10s")
        Duration timeout();
    }

    interface Source {
        URI url();
    }

    interface Documents {
        /** The largest document. */
        @WithDefault("10M")
        MemorySize maxFileSize();

        /** The most a request's documents may add up to. */
        @WithDefault("25M")
        MemorySize maxRequestSize();

        @WithDefault("20")
        int maxFilesPerUpload();
    }

    interface Reminders {
        /** When the reminders run, in England's legal time (the job names {@code LegalTime.ZONE_ID}); {@code off} in tests. */
        @WithDefault("0 0 6 * * ?")
        String cron();

        /** How far ahead a deadline is "due soon". */
        @WithDefault("P7D")
        Period window();
    }

    interface Quota {
        /** How many requests one parent or pupil may make in a day (well above any real need; a brake on abuse). */
        @WithDefault("10")
        int requestsPerDay();
    }
}
