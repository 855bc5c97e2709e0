package org.custodian.systemtests.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

/**
 * Where the running stack is. Every value comes from the environment that deploy/local/lib.sh exports (and .ci/run
 * passes on), with the local stack's defaults, so that the stories run as they are against {@code deploy/local/up.sh}.
 */
public final class Stack {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private Stack() {}

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * The repository root: the stories run from system-tests/ (Maven) or from the root. CUSTODIAN_STACK_DIR names
     * another checkout whose deploy/local scripts (and jars) run the stack under test, e.g. a clone running a second stack.
     */
    public static Path root() {
        String stackDir = env("CUSTODIAN_STACK_DIR", "");
        if (!stackDir.isEmpty()) {
            return Path.of(stackDir);
        }
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("deploy/local")) ? here : here.getParent();
    }

    public static String gateway() {
        return env("CUSTODIAN_GATEWAY_URL", "http://127.0.0.1:" + env("CUSTODIAN_GATEWAY_PORT", "8080"));
    }

    /** Each service directly (for the walls that every service must hold by itself). */
    public static Map<String, String> services() {
        return Map.of(
                "consent", env("CUSTODIAN_CONSENT_URL", "http://127.0.0.1:" + env("CUSTODIAN_CONSENT_PORT", "8081")),
                "sar", env("CUSTODIAN_SAR_URL", "http://127.0.0.1:" + env("CUSTODIAN_SAR_PORT", "8082")),
                "sharing", env("CUSTODIAN_SHARING_URL", "http://127.0.0.1:" + env("CUSTODIAN_SHARING_PORT", "8083")),
                "retention",
                        env("CUSTODIAN_RETENTION_URL", "http://127.0.0.1:" + env("CUSTODIAN_RETENTION_PORT", "8084")),
                "accountability",
                        env(
                                "CUSTODIAN_ACCOUNTABILITY_URL",
                                "http://127.0.0.1:" + env("CUSTODIAN_ACCOUNTABILITY_PORT", "8085")));
    }

    public static String kafka() {
        return env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + env("KAFKA_PORT", "9092"));
    }

    /** The dev key that signs tokens (deploy/local/keys.sh made it; never a production key). */
    public static Path signingKey() {
        return Path.of(env(
                "SMALLRYE_JWT_SIGN_KEY_LOCATION",
                Path.of(env("CUSTODIAN_RUN_DIR", root().resolve(".run").toString()), "keys", "private.pem")
                        .toString()));
    }

    /** The local stack's service-token key (deploy/local/keys.sh made it; sar-service signs with it). */
    public static Path serviceSigningKey() {
        return Path.of(env(
                "CUSTODIAN_SERVICE_TOKEN_PRIVATE_KEY_LOCATION",
                Path.of(env("CUSTODIAN_RUN_DIR", root().resolve(".run").toString()), "keys", "service-private.pem")
                        .toString()));
    }

    public static String serviceIssuer() {
        return env("CUSTODIAN_SERVICE_TOKEN_ISSUER", "https://custodian.internal/service");
    }

    public static String serviceAudience() {
        return env("CUSTODIAN_SERVICE_TOKEN_AUDIENCE", "custodian-internal");
    }

    public static String issuer() {
        return env("CUSTODIAN_JWT_ISSUER", "https://auth.custodian.local");
    }

    public static String audience() {
        return env("CUSTODIAN_JWT_AUDIENCE", "custodian");
    }
}
