package org.custodian.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Five real HTTP servers standing in for the services. Each echoes what it received (service, method, path, query,
 * headers, body) as JSON, serves {@code /q/health/ready} and an OpenAPI document of its resources at
 * {@code /q/openapi}. Request headers steer it: {@code X-Test-Delay-Ms} answers late, {@code X-Test-Hop} answers
 * with hop-by-hop headers, {@code X-Test-Created} answers 201 with a {@code Location} at its own address. Init arg {@code dead=<service>} leaves that service on a closed port. Each counts the
 * readiness probes it answered and tells at {@code /test/readiness-probes}. Under {@code /public/} it answers as a
 * public document is served: {@code ETag} {@value #PUBLIC_ETAG} (304 to an {@code If-None-Match} naming it),
 * {@code Cache-Control} {@value #PUBLIC_CACHE_CONTROL}, and the type the {@code Accept} header asks for when it is
 * one of {@link #PUBLIC_TYPES}.
 */
public class FakeUpstreams implements QuarkusTestResourceLifecycleManager {

    /** Each service's resources, as the gateway's route table has them. */
    public static final Map<String, List<String>> RESOURCES = new LinkedHashMap<>(Map.of(
            "consent",
                    List.of(
                            "pupils",
                            "guardians",
                            "roster-sync",
                            "roster",
                            "purposes",
                            "consent-checks",
                            "token-revocations",
                            "competence-assessments"),
            "sar", List.of("requests", "calendar"),
            "sharing",
                    List.of(
                            "recipients",
                            "agreements",
                            "disclosures",
                            "sharing-checks",
                            "partner-actions",
                            "due-transfers"),
            "retention", List.of("retention-schedule", "holdings", "legal-holds", "disposal-batches"),
            "accountability", List.of("privacy-notice", "ropa", "ropa.csv", "ropa.pdf")));

    public static final Map<String, String> AUDIT_LOGS = Map.of(
            "consent",
            "consent",
            "sar",
            "requests",
            "sharing",
            "sharing",
            "retention",
            "retention",
            "accountability",
            "accountability");

    /** Each service's public resources (/public/v1/schools/{urn}/...), as the gateway's public route table has them. */
    public static final Map<String, List<String>> PUBLIC_RESOURCES =
            Map.of("accountability", List.of("privacy-notice", "retention-schedule"));

    /** The trust's view, /api/v1/trusts/..., as accountability-service documents it. */
    public static final String TRUST_PATH = "/api/v1/trusts/{trustId}/overview";

    public static final String PUBLIC_ETAG = "\"notice-1\"";
    public static final String PUBLIC_CACHE_CONTROL = "public, max-age=300";
    public static final List<String> PUBLIC_TYPES = List.of("text/html", "text/csv", "application/pdf");

    private Vertx vertx;
    private String dead;
    private final Map<String, AtomicInteger> readinessProbes = new HashMap<>();

    @Override
    public void init(Map<String, String> initArgs) {
        dead = initArgs.get("dead");
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : RESOURCES.keySet()) {
            int port = service.equals(dead) ? closedPort() : serve(service);
            config.put("custodian.gateway.upstreams." + service + ".url", "http://127.0.0.1:" + port);
        }
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .orTimeout(10, TimeUnit.SECONDS)
                    .join();
        }
    }

    private int serve(String service) {
        readinessProbes.put(service, new AtomicInteger());
        HttpServer server = vertx.createHttpServer().requestHandler(request -> handle(service, request));
        return server.listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .orTimeout(10, TimeUnit.SECONDS)
                .join()
                .actualPort();
    }

    private void handle(String service, HttpServerRequest request) {
        switch (request.path()) {
            case "/q/health/ready" -> {
                readinessProbes.get(service).incrementAndGet();
                request.response()
                        .putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("status", "UP").encode());
            }
            case "/test/readiness-probes" ->
                request.response()
                        .putHeader("Content-Type", "application/json")
                        .end(new JsonObject()
                                .put("probes", readinessProbes.get(service).get())
                                .encode());
            case "/q/openapi" ->
                request.response()
                        .putHeader("Content-Type", "application/json")
                        .end(openApi(service).encode());
            default ->
                request.body().onSuccess(body -> {
                    long delay = Long.parseLong(
                            request.headers().get("X-Test-Delay-Ms") == null
                                    ? "0"
                                    : request.getHeader("X-Test-Delay-Ms"));
                    if (delay > 0) {
                        vertx.setTimer(delay, t -> echo(service, request, body));
                    } else {
                        echo(service, request, body);
                    }
                });
        }
    }

    private static void echo(String service, HttpServerRequest request, Buffer body) {
        if (request.response().closed()) {
            return;
        }
        JsonObject headers = new JsonObject();
        request.headers().forEach(h -> {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            JsonArray values = headers.getJsonArray(name, new JsonArray());
            headers.put(name, values.add(h.getValue()));
        });
        JsonObject echo = new JsonObject()
                .put("service", service)
                .put("method", request.method().name())
                .put("path", request.path())
                .put("query", request.query())
                .put("headers", headers)
                .put("bodyLength", body.length());
        if (body.length() <= 65_536) {
            echo.put("body", body.toString());
        }
        MultiMap response = request.response().headers();
        response.set("Content-Type", "application/json");
        response.set("X-Request-Id", "upstream-" + service);
        response.set("Access-Control-Allow-Origin", "*");
        if (request.getHeader("X-Test-Hop") != null) {
            response.set("Connection", "X-Secret-Hop");
            response.set("X-Secret-Hop", "leak");
            response.set("Keep-Alive", "timeout=5");
            response.set("Proxy-Authenticate", "Basic realm=upstream");
            response.set("Upgrade", "h2c");
        }
        if (request.path().startsWith("/public/")) {
            response.set("ETag", PUBLIC_ETAG);
            response.set("Cache-Control", PUBLIC_CACHE_CONTROL);
            if (PUBLIC_ETAG.equals(request.getHeader("If-None-Match"))) {
                request.response().setStatusCode(304).end();
                return;
            }
            if (PUBLIC_TYPES.contains(request.getHeader("Accept"))) {
                response.set("Content-Type", request.getHeader("Accept"));
            }
        }
        if (request.getHeader("X-Test-Created") != null) {
            // a service that answers with its own address, as JAX-RS would make it (issue 16, finding 9)
            request.response()
                    .setStatusCode(201)
                    .putHeader(
                            "Location",
                            "http://127.0.0.1:" + request.localAddress().port() + request.path() + "/new-1");
        }
        request.response().end(echo.encode());
    }

    /** A document with this service's public paths, one internal path, and components shared or not. */
    static JsonObject openApi(String service) {
        JsonObject paths = new JsonObject();
        for (String resource : RESOURCES.get(service)) {
            paths.put(
                    "/api/v1/schools/{urn}/" + resource,
                    new JsonObject()
                            .put(
                                    "get",
                                    new JsonObject()
                                            .put("operationId", "list-" + resource)
                                            .put("tags", new JsonArray().add(service))
                                            .put(
                                                    "responses",
                                                    new JsonObject()
                                                            .put(
                                                                    "200",
                                                                    new JsonObject()
                                                                            .put("description", "ok")
                                                                            .put(
                                                                                    "content",
                                                                                    new JsonObject()
                                                                                            .put(
                                                                                                    "application/json",
                                                                                                    new JsonObject()
                                                                                                            .put(
                                                                                                                    "schema",
                                                                                                                    new JsonObject()
                                                                                                                            .put(
                                                                                                                                    "$ref",
                                                                                                                                    "#/components/schemas/Item"))))))));
        }
        paths.put(
                "/api/v1/schools/{urn}/audit/" + AUDIT_LOGS.get(service),
                new JsonObject().put("get", new JsonObject().put("operationId", "audit-" + service)));
        paths.put(
                "/internal/v1/schools/{urn}/subjects/{pupilId}",
                new JsonObject().put("get", new JsonObject().put("operationId", "export-" + service)));
        for (String resource : PUBLIC_RESOURCES.getOrDefault(service, List.of())) {
            paths.put(
                    "/public/v1/schools/{urn}/" + resource,
                    new JsonObject().put("get", new JsonObject().put("operationId", "public-" + resource)));
        }
        if (service.equals("accountability")) {
            paths.put(TRUST_PATH, new JsonObject().put("get", new JsonObject().put("operationId", "trust-overview")));
        }
        if (service.equals("consent")) {
            paths.put(
                    "/api/v1/schools/{urn}",
                    new JsonObject().put("get", new JsonObject().put("operationId", "profile")));
            paths.put("/api/v1/me", new JsonObject().put("get", new JsonObject().put("operationId", "me")));
        }
        JsonObject schemas = new JsonObject()
                .put("Problem", new JsonObject().put("type", "object"))
                .put("Item", new JsonObject().put("type", "object").put("description", "an item of " + service));
        JsonObject document = new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", service + "-service").put("version", "1.0.0"))
                .put("paths", paths)
                .put("components", new JsonObject().put("schemas", schemas))
                .put("tags", new JsonArray().add(new JsonObject().put("name", service)));
        if (service.equals("sharing")) {
            // sharing-service's partner webhooks, as its META-INF/openapi.yaml declares them (its own Item is renamed)
            schemas.put(
                    "ConsentWithdrawnWebhook",
                    new JsonObject()
                            .put("type", "object")
                            .put(
                                    "required",
                                    new JsonArray().add("id").add("type").add("data"))
                            .put(
                                    "properties",
                                    new JsonObject()
                                            .put("id", new JsonObject().put("type", "string"))
                                            .put("type", new JsonObject().put("const", "consent.withdrawn"))
                                            .put("data", new JsonObject().put("$ref", "#/components/schemas/Item"))));
            document.put(
                    "webhooks",
                    new JsonObject()
                            .put(
                                    "consent.withdrawn",
                                    new JsonObject()
                                            .put(
                                                    "post",
                                                    new JsonObject()
                                                            .put("description", "The consent no longer stands.")
                                                            .put(
                                                                    "requestBody",
                                                                    new JsonObject()
                                                                            .put(
                                                                                    "content",
                                                                                    new JsonObject()
                                                                                            .put(
                                                                                                    "application/json",
                                                                                                    new JsonObject()
                                                                                                            .put(
                                                                                                                    "schema",
                                                                                                                    new JsonObject()
                                                                                                                            .put(
                                                                                                                                    "$ref",
                                                                                                                                    "#/components/schemas/ConsentWithdrawnWebhook"))))))));
        }
        return document;
    }

    /** Every public resource path and the service it belongs to. */
    public static Map<String, String> resourceServices() {
        Map<String, String> all = new TreeMap<>();
        RESOURCES.forEach((service, resources) -> resources.forEach(resource -> all.put(resource, service)));
        return all;
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
