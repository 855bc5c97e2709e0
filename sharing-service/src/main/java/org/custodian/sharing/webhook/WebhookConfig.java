package org.custodian.sharing.webhook;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** {@code custodian.sharing.webhooks.*}: delivery behaviour. */
public interface WebhookConfig {

    /** Lets webhooks reach loopback and private addresses over plain http: the local demo and tests only. */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /** The delay before each attempt (legal-rules.md). */
    @WithDefault("0s,5s,5m,30m,2h,5h,10h,10h")
    List<Duration> retrySchedule();

    /** ±fraction by which each retry delay is moved at random. */
    @WithDefault("0.1")
    double jitter();

    /** The longest a receiver's Retry-After may push a retry out. */
    @WithDefault("24h")
    Duration maxRetryAfter();

    /** An endpoint failing for this long is disabled and webhook.dead is emitted. */
    @WithDefault("5d")
    Duration deadAfter();

    /** How long the old secret keeps signing after a rotation, unless the request says otherwise. */
    @WithDefault("24h")
    Duration rotationOverlap();

    /** The longest overlap a rotation may ask for. */
    @WithDefault("30d")
    Duration maxRotationOverlap();

    @WithDefault("5s")
    Duration connectTimeout();

    /** How long to wait for the response (and between its chunks). */
    @WithDefault("10s")
    Duration readTimeout();

    /** How much of a response body is read (and kept for the delivery record). */
    @WithDefault("4096")
    int maxResponseBytes();

    /** How often the worker looks for due deliveries (a commit that creates deliveries also wakes it). */
    @WithDefault("1s")
    Duration pollInterval();

    @WithDefault("20")
    int batchSize();

    /** How long a replica holds a claimed delivery before another may take it (longer than any attempt lasts). */
    @WithDefault("2m")
    Duration claimLease();
}
