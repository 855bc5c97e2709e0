package org.custodian.gateway.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which service answers a public path, one anyone may read without a token: under
 * {@code /public/v1/schools/{urn}} the first segment after the URN names the resource and so the service, as under
 * {@code /api/v1} but from a table of its own (a name may belong to another service there). Nothing else under
 * {@code /public} is routed.
 */
public final class PublicRouteTable {

    public static final String PREFIX = "/public/v1/";

    private final Map<String, String> byResource;

    /** @param resourcesByUpstream each upstream's public resources, e.g. {@code accountability -> [privacy-notice]} */
    public PublicRouteTable(Map<String, List<String>> resourcesByUpstream) {
        this.byResource = RouteTable.invert(
                resourcesByUpstream.entrySet().stream()
                        .flatMap(e -> e.getValue().stream().map(resource -> Map.entry(resource, e.getKey())))
                        .toList(),
                "public resource");
        if (byResource.containsKey("")) {
            throw new IllegalArgumentException("'' cannot be configured as a public resource");
        }
    }

    /** Resolves a normalized request path such as {@code /public/v1/schools/100001/privacy-notice}. */
    public Resolution resolve(String path) {
        if (path == null || !path.startsWith(PREFIX)) {
            return Resolution.notFound();
        }
        String[] segments = path.substring(PREFIX.length()).split("/", -1);
        if (!segments[0].equals("schools") || segments.length < 3) {
            return Resolution.notFound();
        }
        String urn = segments[1];
        if (!RouteTable.URN.matcher(urn).matches()) {
            return Resolution.badUrn(urn);
        }
        String upstream = byResource.get(segments[2]);
        return upstream == null ? Resolution.notFound() : Resolution.routed(upstream, segments[2], urn);
    }

    /** The upstream a documented path such as {@code /public/v1/schools/{urn}/privacy-notice} is routed to, if any. */
    public Optional<String> upstreamOf(String pathTemplate) {
        Resolution resolution =
                resolve(RouteTable.TEMPLATE_VARIABLE.matcher(pathTemplate).replaceAll("000000"));
        return Optional.ofNullable(resolution.upstream());
    }

    /** Every upstream some public path is routed to. */
    public Set<String> upstreams() {
        return new TreeSet<>(byResource.values());
    }
}
