package org.custodian.gateway;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the gateway reads from configuration, under {@code custodian.gateway}. See the gateway README. */
@ConfigMapping(prefix = "custodian.gateway")
public interface GatewayConfig {

    /** The services behind the gateway, by name, with what each serves: the route table. */
    Map<String, Upstream> upstreams();

    /** The upstream serving the school profile, {@code /api/v1/schools/{urn}} itself. */
    String schoolProfileUpstream();

    /** The upstream serving {@code /api/v1/me}. */
    String meUpstream();

    /** The upstream serving {@code /api/v1/partners/me} and below: a partner's own reads across schools. */
    String partnerUpstream();

    /** The upstream serving {@code /api/v1/trusts} and below: a trust's view across its schools. */
    String trustUpstream();

    /** The public routes, answered without a token: by upstream, what it serves under /public/v1/schools/{urn}. */
    @WithName("public")
    Map<String, PublicUpstream> publicRoutes();

    /** Where this gateway runs: local, staging or production (the OpenAPI document's server says so). */
    @WithDefault("local")
    String environment();

    /** Coarse role rules: a path pattern relative to {@code /api/v1/} and the roles that may reach it. */
    Map<String, List<String>> access();

    BodyLimit bodyLimit();

    CallerRateLimit rateLimit();

    /** Failed authentications per client address, limited before a token is verified. */
    RateLimit authFailureLimit();

    Health health();

    Timeouts timeouts();

    @WithName("openapi")
    OpenApi openApi();

    interface Upstream {
        /** Where the service listens, e.g. {@code http://127.0.0.1:8081}. */
        URI url();

        /** The first path segments after {@code /api/v1/schools/{urn}} that it serves. */
        Optional<List<String>> resources();

        /** The last segment of its audit log path, {@code /api/v1/schools/{urn}/audit/<log>}. */
        Optional<String> auditLog();
    }

    interface PublicUpstream {
        /** The first path segments after {@code /public/v1/schools/{urn}} that it serves to anyone. */
        List<String> resources();
    }

    interface BodyLimit {
        /** The largest request body a resource accepts unless it has a limit of its own. */
        @WithName("default")
        @WithDefault("1M")
        MemorySize fallback();

        /** Limits of their own, by resource (the first segment after the school URN). */
        Map<String, MemorySize> resources();
    }

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** The burst a caller may send at once. */
        @WithDefault("200")
        int capacity();

        /** The sustained requests per second a caller may send. */
        @WithDefault("20")
        double refillPerSecond();
    }

    interface CallerRateLimit extends RateLimit {
        /** The public routes' own limit, per client address. */
        @WithName("public")
        PublicRateLimit publicRoutes();
    }

    interface PublicRateLimit {
        @WithDefault("true")
        boolean enabled();

        /** The burst a client address may send at once. */
        @WithDefault("60")
        int capacity();

        /** The sustained requests per second a client address may send. */
        @WithDefault("5")
        double refillPerSecond();
    }

    interface Health {
        /** How often the services' readiness is probed in the background (health requests read the last result). */
        @WithDefault("5s")
        Duration probeInterval();
    }

    interface Timeouts {
        /** To get a connection to an upstream. */
        @WithDefault("2s")
        Duration connect();

        /** For an upstream to start answering, and between the parts of its answer. */
        @WithDefault("30s")
        Duration response();

        /** For an upstream's readiness and OpenAPI document. */
        @WithDefault("3s")
        Duration probe();
    }

    interface OpenApi {
        /** How long a merged document with every upstream in it is served before it is fetched again. */
        @WithDefault("30s")
        Duration cacheFor();

        /**
         * The upstreams whose components keep their names where two define one differently, in this order; the
         * others follow by name.
         */
        Optional<List<String>> precedence();
    }
}
