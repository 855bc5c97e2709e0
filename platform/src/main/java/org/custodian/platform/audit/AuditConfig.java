package org.custodian.platform.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** The audit log's keys and checkpoint store (platform README, "Audit"; docs/operations.md for rotation). */
@ConfigMapping(prefix = "custodian.audit")
public interface AuditConfig {

    /** The chains' HMAC-SHA256 keys, {@code id:base64,...}, the current one first (see {@link AuditKeys}). */
    String chainKeys();

    /**
     * Refuse to start when the service's database role could change the audit log (owner, superuser, or UPDATE,
     * DELETE, TRUNCATE or TRIGGER on it): the services run as a role that can only read and append.
     */
    @WithDefault("true")
    boolean requireRestrictedRole();

    /**
     * How many refused attempts of one actor are recorded a minute on each replica ({@link RefusalAudit}); the first
     * one over says so in the log, the rest are counted ({@code custodian.audit.refusals.dropped}).
     */
    @WithDefault("30")
    int refusalsPerMinute();

    Checkpoints checkpoints();

    interface Checkpoints {

        /** Where signed checkpoints are kept, outside the database: {@code <directory>/<service>/<school>/...}. */
        Path directory();

        /** The Ed25519 key that signs new checkpoints, {@code id:base64} of its PKCS#8 DER. */
        String signingKey();

        /** Every Ed25519 public key that checkpoints still kept were signed with, {@code id:base64,...} of X.509 DER. */
        String verifyKeys();

        /** How often the chains are anchored ({@code off} to never schedule it, as in tests). */
        @WithDefault("5m")
        String every();
    }
}
