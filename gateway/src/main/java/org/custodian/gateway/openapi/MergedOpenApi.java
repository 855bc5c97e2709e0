package org.custodian.gateway.openapi;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.custodian.gateway.GatewayConfig;
import org.custodian.gateway.proxy.UpstreamProxy;
import org.custodian.gateway.routing.PublicRouteTable;
import org.custodian.gateway.routing.RouteTable;

/**
 * {@code GET /api/openapi} (public): the services' OpenAPI documents merged into one, their public paths
 * ({@code /public/v1}) included. A complete document is kept for a while; while a service is down the others' are
 * served, with the missing one named under {@value OpenApiMerger#UNAVAILABLE}, and fetched again on the next call.
 * The services named in {@code custodian.gateway.openapi.precedence} come first, in that order, and the rest by name:
 * where two define a component differently the first keeps its name, so a new service does not rename the components
 * clients already know.
 */
@ApplicationScoped
public class MergedOpenApi {

    public static final String PATH = "/api/openapi";
    private static final String SOURCE = "/q/openapi?format=json";

    private record Fetched(String service, JsonObject document, String failure) {}

    private final UpstreamProxy upstreams;
    private final List<String> order;
    private final OpenApiMerger merger;
    private final GatewayAnswers answers;
    private final Duration probeTimeout;
    private final Duration cacheFor;
    private Future<JsonObject> inFlight;
    private JsonObject cached;
    private long cachedUntil;

    MergedOpenApi(UpstreamProxy upstreams, RouteTable routes, PublicRouteTable publicRoutes, GatewayConfig config) {
        this.upstreams = upstreams;
        this.order = ordered(
                upstreams.upstreams().keySet(), config.openApi().precedence().orElse(List.of()));
        this.merger = new OpenApiMerger((path, service) -> routes.upstreamOf(path)
                .or(() -> publicRoutes.upstreamOf(path))
                .filter(service::equals)
                .isPresent());
        this.answers = new GatewayAnswers(
                config.environment(),
                config.rateLimit().enabled(),
                config.rateLimit().publicRoutes().enabled());
        this.probeTimeout = config.timeouts().probe();
        this.cacheFor = config.openApi().cacheFor();
    }

    void register(@Observes Router router) {
        router.get(PATH).handler(this::serve);
    }

    void serve(RoutingContext rc) {
        document()
                .onSuccess(document -> rc.response()
                        .putHeader("Content-Type", "application/json")
                        .end(document.encode()))
                .onFailure(rc::fail);
    }

    synchronized Future<JsonObject> document() {
        if (cached != null && System.nanoTime() - cachedUntil < 0) {
            return Future.succeededFuture(cached);
        }
        if (inFlight == null) {
            Future<JsonObject> fetching = fetchAll();
            inFlight = fetching;
            fetching.onComplete(done -> finished(fetching, done.result()));
        }
        return inFlight;
    }

    private synchronized void finished(Future<JsonObject> fetching, JsonObject document) {
        if (inFlight == fetching) {
            inFlight = null;
        }
        if (document != null && !document.containsKey(OpenApiMerger.UNAVAILABLE)) {
            cached = document;
            cachedUntil = System.nanoTime() + cacheFor.toNanos();
        }
    }

    private Future<JsonObject> fetchAll() {
        List<Future<Fetched>> fetches = order.stream().map(this::fetch).toList();
        return Future.join(fetches).map(all -> {
            Map<String, JsonObject> documents = new LinkedHashMap<>();
            Map<String, String> unavailable = new TreeMap<>();
            fetches.forEach(f -> {
                Fetched fetched = f.result();
                if (fetched.document() != null) {
                    documents.put(fetched.service(), fetched.document());
                } else {
                    unavailable.put(fetched.service(), fetched.failure());
                }
            });
            return answers.addTo(merger.merge(documents, unavailable));
        });
    }

    /** The services in the order their documents are merged: those named in {@code precedence} first, then by name. */
    static List<String> ordered(Collection<String> services, List<String> precedence) {
        Set<String> ordered = new LinkedHashSet<>();
        precedence.stream().filter(services::contains).forEach(ordered::add);
        ordered.addAll(new TreeSet<>(services));
        return List.copyOf(ordered);
    }

    private Future<Fetched> fetch(String service) {
        return upstreams
                .get(service, SOURCE, probeTimeout)
                .map(answer -> answer.status() == 200
                        ? new Fetched(service, answer.body().toJsonObject(), null)
                        : new Fetched(service, null, "answered HTTP " + answer.status()))
                .otherwise(failure -> new Fetched(service, null, String.valueOf(failure.getMessage())));
    }
}
