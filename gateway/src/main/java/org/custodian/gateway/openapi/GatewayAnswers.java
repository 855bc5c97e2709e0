package org.custodian.gateway.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import org.custodian.gateway.routing.PublicRouteTable;

/**
 * Adds to the merged document only what the gateway itself does, so that a client reads the whole contract in one
 * place: the answers it gives on its own (413 for a body over its limit, 429 when rate limited, 502, 503 and 504 when a
 * service fails or cannot be reached), the RateLimit and CORS headers it puts on answers, the bearer token it demands,
 * and the server with the environment it belongs to. Everything else (each error's problem+json body, the standard
 * 401 and 403) is already in the services' own documents, written once by the kernel's {@code ProblemResponses}.
 * Public paths ({@code /public/}) are the exception to the bearer token: no security requirement, any origin, and
 * their own rate limit per client address.
 */
public final class GatewayAnswers {

    static final String PROBLEM_REF = "#/components/schemas/Problem";
    static final String PROBLEM_TYPE = "application/problem+json";
    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    static final String PUBLIC_ALLOW_ORIGIN = "Public-Access-Control-Allow-Origin";
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    static final Map<String, String> RATE_LIMIT_HEADERS = Map.of(
            "RateLimit-Limit", "How many requests the caller may make in a burst.",
            "RateLimit-Remaining", "How many of them are left.",
            "RateLimit-Reset", "Seconds until all of them are available again.");

    private final String environment;
    private final boolean rateLimited;
    private final boolean publicRateLimited;

    /**
     * @param environment where this gateway runs (local, staging, production), named in the server's description
     * @param rateLimited whether callers are rate limited (then every answer carries the RateLimit headers)
     */
    public GatewayAnswers(String environment, boolean rateLimited) {
        this(environment, rateLimited, rateLimited);
    }

    /** @param publicRateLimited whether the public paths are rate limited, per client address */
    public GatewayAnswers(String environment, boolean rateLimited, boolean publicRateLimited) {
        this.environment = environment;
        this.rateLimited = rateLimited;
        this.publicRateLimited = publicRateLimited;
    }

    public JsonObject addTo(JsonObject document) {
        document.put(
                "servers",
                new JsonArray()
                        .add(new JsonObject()
                                .put("url", "/")
                                .put(
                                        "description",
                                        "This gateway, in the " + environment
                                                + " environment: every path is relative to it.")
                                .put("x-internal", false)));
        JsonObject components = child(document, "components");
        // the services' documents define it; the gateway's own answers refer to it even when none could be read
        JsonObject schemas = child(components, "schemas");
        if (!schemas.containsKey("Problem")) {
            schemas.put("Problem", problemSchema());
        }
        JsonObject headers = child(components, "headers");
        headers.put(
                ALLOW_ORIGIN,
                new JsonObject()
                        .put(
                                "description",
                                "Present when the request's Origin is one of the front-end origins this gateway "
                                        + "is configured with (never *, and never with credentials).")
                        .put(
                                "schema",
                                new JsonObject()
                                        .put("type", "string")
                                        .put("format", "uri")
                                        .put("maxLength", 2048)));
        JsonObject paths = document.getJsonObject("paths", new JsonObject());
        if (paths.fieldNames().stream().anyMatch(GatewayAnswers::isPublic)) {
            headers.put(
                    PUBLIC_ALLOW_ORIGIN,
                    new JsonObject()
                            .put(
                                    "description",
                                    "Always *: any web site may read a public resource (without credentials).")
                            .put(
                                    "schema",
                                    new JsonObject().put("type", "string").put("const", "*")));
        }
        if (rateLimited || publicRateLimited) {
            RATE_LIMIT_HEADERS.forEach((name, description) -> headers.put(
                    name,
                    new JsonObject()
                            .put("description", description)
                            .put(
                                    "schema",
                                    new JsonObject()
                                            .put("type", "integer")
                                            .put("format", "int64")
                                            .put("minimum", 0)
                                            .put("maximum", Long.MAX_VALUE))));
            headers.put(
                    "Retry-After",
                    new JsonObject()
                            .put("description", "Seconds to wait before trying again.")
                            .put(
                                    "schema",
                                    new JsonObject()
                                            .put("type", "integer")
                                            .put("format", "int64")
                                            .put("minimum", 1)
                                            .put("maximum", Long.MAX_VALUE)));
        }
        // the gateway lets nothing under /api/v1 through without a bearer token, whatever a service's document says
        JsonArray bearer = child(components, "securitySchemes").fieldNames().stream()
                .findFirst()
                .map(scheme -> new JsonArray().add(new JsonObject().put(scheme, new JsonArray())))
                .orElse(null);
        for (String path : paths.fieldNames()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.fieldNames()) {
                if (METHODS.contains(method) && item.getValue(method) instanceof JsonObject operation) {
                    if (isPublic(path)) {
                        describePublic(operation);
                        // the gateway passes no credentials on, whatever the service's document says
                        operation.put("security", new JsonArray());
                    } else {
                        describe(operation);
                        if (bearer != null && !operation.containsKey("security") && !document.containsKey("security")) {
                            operation.put("security", bearer.copy());
                        }
                    }
                }
            }
        }
        return document;
    }

    static boolean isPublic(String path) {
        return path.startsWith(PublicRouteTable.PREFIX);
    }

    private void describe(JsonObject operation) {
        JsonObject responses = child(operation, "responses");
        if (operation.containsKey("requestBody")) {
            answer(responses, "413", "The body is larger than this resource accepts.");
        }
        if (rateLimited) {
            answer(
                    responses,
                    "429",
                    "Too many requests from this caller, or too many failed authentications from its address; "
                            + "wait as Retry-After says.");
        }
        describeFailures(responses, ALLOW_ORIGIN, rateLimited);
    }

    private void describePublic(JsonObject operation) {
        JsonObject responses = child(operation, "responses");
        if (publicRateLimited) {
            answer(responses, "429", "Too many requests from this address; wait as Retry-After says.");
        }
        describeFailures(responses, PUBLIC_ALLOW_ORIGIN, publicRateLimited);
    }

    /** The service failures the gateway answers, and its headers on every answer. */
    private static void describeFailures(JsonObject responses, String allowOrigin, boolean rateLimited) {
        answer(responses, "502", "The service behind the gateway failed.");
        answer(responses, "503", "The service behind the gateway is not available; try again shortly.");
        answer(responses, "504", "The service behind the gateway did not answer in time.");
        for (String status : responses.fieldNames()) {
            if (!(responses.getValue(status) instanceof JsonObject response) || response.containsKey("$ref")) {
                continue;
            }
            JsonObject headers = child(response, "headers");
            headers.put(ALLOW_ORIGIN, ref(allowOrigin));
            if (rateLimited && (status.startsWith("2") || status.startsWith("4"))) {
                RATE_LIMIT_HEADERS.keySet().forEach(name -> headers.put(name, ref(name)));
                if (status.equals("429")) {
                    headers.put("Retry-After", ref("Retry-After"));
                }
            }
        }
    }

    /** One of the gateway's own answers, unless the service documents that status itself. */
    private static void answer(JsonObject responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.put(
                    status,
                    new JsonObject()
                            .put("description", description)
                            .put(
                                    "content",
                                    new JsonObject()
                                            .put(
                                                    PROBLEM_TYPE,
                                                    new JsonObject()
                                                            .put(
                                                                    "schema",
                                                                    new JsonObject().put("$ref", PROBLEM_REF)))));
        }
    }

    private static JsonObject ref(String header) {
        return new JsonObject().put("$ref", "#/components/headers/" + header);
    }

    private static JsonObject child(JsonObject parent, String name) {
        if (!(parent.getValue(name) instanceof JsonObject)) {
            parent.put(name, new JsonObject());
        }
        return parent.getJsonObject(name);
    }

    /** RFC 9457 problem details as every Custodian service and the gateway write them. */
    static JsonObject problemSchema() {
        JsonObject text = new JsonObject().put("type", "string").put("maxLength", 10_000);
        return new JsonObject()
                .put("type", "object")
                .put("description", "RFC 9457 problem details.")
                .put("required", new JsonArray().add("type").add("title").add("status"))
                .put(
                        "properties",
                        new JsonObject()
                                .put("type", text.copy().put("format", "uri"))
                                .put("title", text.copy())
                                .put(
                                        "status",
                                        new JsonObject()
                                                .put("type", "integer")
                                                .put("format", "int32")
                                                .put("minimum", 400)
                                                .put("maximum", 599))
                                .put("detail", text.copy())
                                .put("instance", text.copy().put("format", "uri-reference"))
                                .put(
                                        "errors",
                                        new JsonObject()
                                                .put("type", "array")
                                                .put("maxItems", 10_000)
                                                .put(
                                                        "items",
                                                        new JsonObject()
                                                                .put("type", "object")
                                                                .put(
                                                                        "properties",
                                                                        new JsonObject()
                                                                                .put(
                                                                                        "field",
                                                                                        text.copy()
                                                                                                .put("maxLength", 500))
                                                                                .put("message", text.copy())))));
    }
}
