package org.custodian.gateway.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which service answers a path of the API. Under {@code /api/v1/schools/{urn}} the first segment after the URN names
 * the resource and so the service; the school profile itself and {@code /api/v1/me} have a service of their own;
 * audit logs ({@code audit/{log}}, and anything below, such as {@code audit/consent/verification}) go by the
 * segment naming the log. {@code /api/v1/partners/me} and below (a partner's own reads across schools, issue 17) and
 * {@code /api/v1/trusts} and below (a trust's view across its schools) have a service of their own, and no school.
 * Anything else is not routed, {@code /internal} included.
 */
public final class RouteTable {

    public static final String API_PREFIX = "/api/v1/";
    public static final String AUDIT = "audit";
    public static final String PARTNERS = "partners";
    public static final String TRUSTS = "trusts";
    static final Pattern URN = Pattern.compile("\\d{6}");
    static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{[^/}]*}");

    private final Map<String, String> byResource;
    private final Map<String, String> byAuditLog;
    private final String profileUpstream;
    private final String meUpstream;
    private final String partnerUpstream;
    private final String trustUpstream;

    /**
     * @param resourcesByUpstream the resources each upstream serves, e.g. {@code sar -> [requests, calendar]}
     * @param auditLogByUpstream  the name of each upstream's audit log, e.g. {@code sar -> requests}
     */
    public RouteTable(
            Map<String, List<String>> resourcesByUpstream,
            Map<String, String> auditLogByUpstream,
            String profileUpstream,
            String meUpstream) {
        this(resourcesByUpstream, auditLogByUpstream, profileUpstream, meUpstream, null);
    }

    /**
     * @param partnerUpstream the upstream serving {@code /api/v1/partners/me} and below; null routes none of it
     */
    public RouteTable(
            Map<String, List<String>> resourcesByUpstream,
            Map<String, String> auditLogByUpstream,
            String profileUpstream,
            String meUpstream,
            String partnerUpstream) {
        this(resourcesByUpstream, auditLogByUpstream, profileUpstream, meUpstream, partnerUpstream, null);
    }

    /**
     * @param trustUpstream the upstream serving {@code /api/v1/trusts} and below; null routes none of it
     */
    public RouteTable(
            Map<String, List<String>> resourcesByUpstream,
            Map<String, String> auditLogByUpstream,
            String profileUpstream,
            String meUpstream,
            String partnerUpstream,
            String trustUpstream) {
        this.byResource = invert(
                resourcesByUpstream.entrySet().stream()
                        .flatMap(e -> e.getValue().stream().map(resource -> Map.entry(resource, e.getKey())))
                        .toList(),
                "resource");
        this.byAuditLog = invert(
                auditLogByUpstream.entrySet().stream()
                        .map(e -> Map.entry(e.getValue(), e.getKey()))
                        .toList(),
                "audit log");
        if (byResource.containsKey(AUDIT) || byResource.containsKey("")) {
            throw new IllegalArgumentException("'" + AUDIT + "' and '' cannot be configured as resources");
        }
        this.profileUpstream = profileUpstream;
        this.meUpstream = meUpstream;
        this.partnerUpstream = partnerUpstream;
        this.trustUpstream = trustUpstream;
    }

    /** Resolves a normalized request path such as {@code /api/v1/schools/100001/pupils/P1/consents}. */
    public Resolution resolve(String path) {
        if (path == null || !path.startsWith(API_PREFIX)) {
            return Resolution.notFound();
        }
        String[] segments = path.substring(API_PREFIX.length()).split("/", -1);
        if (segments[0].equals("me")) {
            return Resolution.routed(meUpstream, "me", null);
        }
        if (segments[0].equals(PARTNERS)) {
            // a partner's own reads across schools: /partners/me and below, under no school (the token's school claim
            // is not asked for; the service answers by the token's partner_id)
            return partnerUpstream != null && segments.length >= 2 && segments[1].equals("me")
                    ? Resolution.routed(partnerUpstream, PARTNERS, null)
                    : Resolution.notFound();
        }
        if (segments[0].equals(TRUSTS)) {
            // a trust's view across its schools: the service checks the token's schools against the trust's
            return trustUpstream != null ? Resolution.routed(trustUpstream, TRUSTS, null) : Resolution.notFound();
        }
        if (!segments[0].equals("schools") || segments.length < 2) {
            return Resolution.notFound();
        }
        String urn = segments[1];
        if (!URN.matcher(urn).matches()) {
            return Resolution.badUrn(urn);
        }
        if (segments.length == 2) {
            return Resolution.routed(profileUpstream, "", urn);
        }
        String resource = segments[2];
        if (resource.equals(AUDIT)) {
            String upstream = segments.length > 3 ? byAuditLog.get(segments[3]) : null;
            return upstream == null ? Resolution.notFound() : Resolution.routed(upstream, AUDIT, urn);
        }
        String upstream = byResource.get(resource);
        return upstream == null ? Resolution.notFound() : Resolution.routed(upstream, resource, urn);
    }

    /** The upstream a documented path such as {@code /api/v1/schools/{urn}/pupils/{id}} is routed to, if any. */
    public Optional<String> upstreamOf(String pathTemplate) {
        Resolution resolution = resolve(TEMPLATE_VARIABLE.matcher(pathTemplate).replaceAll("000000"));
        return Optional.ofNullable(resolution.upstream());
    }

    /** Every upstream some path is routed to. */
    public Set<String> upstreams() {
        Set<String> all = new TreeSet<>(byResource.values());
        all.addAll(byAuditLog.values());
        all.add(profileUpstream);
        all.add(meUpstream);
        if (partnerUpstream != null) {
            all.add(partnerUpstream);
        }
        if (trustUpstream != null) {
            all.add(trustUpstream);
        }
        return all;
    }

    static Map<String, String> invert(List<Map.Entry<String, String>> entries, String what) {
        Map<String, String> inverted = new HashMap<>();
        for (Map.Entry<String, String> entry : entries) {
            String previous = inverted.put(entry.getKey(), entry.getValue());
            if (previous != null && !previous.equals(entry.getValue())) {
                throw new IllegalArgumentException(
                        what + " '" + entry.getKey() + "' is claimed by both " + previous + " and " + entry.getValue());
            }
        }
        return Map.copyOf(inverted);
    }
}
