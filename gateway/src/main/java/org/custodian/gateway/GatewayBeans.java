package org.custodian.gateway;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.gateway.proxy.BodyLimits;
import org.custodian.gateway.routing.PublicRouteTable;
import org.custodian.gateway.routing.RouteTable;
import org.custodian.gateway.security.rules.AccessRules;

/** Turns configuration into the gateway's plain rule objects, failing at startup when it does not add up. */
public class GatewayBeans {

    @Produces
    @Singleton
    RouteTable routeTable(GatewayConfig config) {
        Map<String, List<String>> resources = new HashMap<>();
        Map<String, String> auditLogs = new HashMap<>();
        config.upstreams().forEach((name, upstream) -> {
            resources.put(name, upstream.resources().orElse(List.of()));
            upstream.auditLog().ifPresent(log -> auditLogs.put(name, log));
        });
        RouteTable table = new RouteTable(
                resources,
                auditLogs,
                config.schoolProfileUpstream(),
                config.meUpstream(),
                config.partnerUpstream(),
                config.trustUpstream());
        requireUrls(table.upstreams(), config, "routes");
        return table;
    }

    @Produces
    @Singleton
    PublicRouteTable publicRouteTable(GatewayConfig config) {
        Map<String, List<String>> resources = new HashMap<>();
        config.publicRoutes().forEach((name, upstream) -> resources.put(name, upstream.resources()));
        PublicRouteTable table = new PublicRouteTable(resources);
        requireUrls(table.upstreams(), config, "public routes");
        return table;
    }

    private static void requireUrls(Set<String> routed, GatewayConfig config, String what) {
        Set<String> unknown = new TreeSet<>(routed);
        unknown.removeAll(config.upstreams().keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalStateException(what + " name upstreams without a URL: " + unknown);
        }
    }

    @Produces
    @Singleton
    AccessRules accessRules(GatewayConfig config) {
        return new AccessRules(config.access());
    }

    @Produces
    @Singleton
    BodyLimits bodyLimits(GatewayConfig config) {
        Map<String, Long> byResource = new HashMap<>();
        config.bodyLimit().resources().forEach((resource, size) -> byResource.put(resource, size.asLongValue()));
        return new BodyLimits(config.bodyLimit().fallback().asLongValue(), Map.copyOf(byResource));
    }
}
