package org.custodian.gateway.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.custodian.gateway.problems.ProblemResponses;

/**
 * {@code GET /api/schemas/webhooks} and {@code GET /api/schemas/webhooks/{type}.json} (public, like
 * {@code /api/openapi}): the JSON Schema (2020-12) of each webhook payload in the merged document's {@code webhooks},
 * so a partner validates what it receives without an OpenAPI tool. Each schema is cut from the merged document (the
 * body of the webhook's POST, with every component it refers to under {@code $defs}), so it is the contract itself and
 * cannot drift from it; sharing-service's tests validate every payload it sends against the same schemas.
 */
@ApplicationScoped
public class WebhookSchemas {

    public static final String INDEX = "/api/schemas/webhooks";
    static final String MEDIA_TYPE = "application/schema+json";
    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    private static final String SUFFIX = ".json";
    private static final String COMPONENT_SCHEMAS = "#/components/schemas/";
    private static final String DEFS = "#/$defs/";

    private final MergedOpenApi openApi;

    WebhookSchemas(MergedOpenApi openApi) {
        this.openApi = openApi;
    }

    void register(@Observes Router router) {
        router.get(INDEX).handler(this::index);
        router.get(INDEX + "/:file").handler(this::schema);
    }

    void index(RoutingContext rc) {
        openApi.document()
                .onSuccess(document -> rc.response()
                        .putHeader("Content-Type", "application/json")
                        .end(index(document).encode()))
                .onFailure(rc::fail);
    }

    void schema(RoutingContext rc) {
        String file = rc.pathParam("file");
        if (!file.endsWith(SUFFIX)) {
            ProblemResponses.send(rc, 404, "there is no such webhook schema; the list is at " + INDEX);
            return;
        }
        String type = file.substring(0, file.length() - SUFFIX.length());
        openApi.document()
                .onSuccess(document -> schemaOf(document, type)
                        .ifPresentOrElse(
                                schema -> rc.response()
                                        .putHeader("Content-Type", MEDIA_TYPE)
                                        .end(schema.encode()),
                                () -> ProblemResponses.send(
                                        rc,
                                        404,
                                        "there is no webhook of type '" + type + "'; the list is at " + INDEX)))
                .onFailure(rc::fail);
    }

    /** Every webhook type in the document, with its summary and where its schema is. */
    public static JsonObject index(JsonObject document) {
        JsonArray items = new JsonArray();
        new TreeMap<>(document.getJsonObject("webhooks", new JsonObject()).getMap())
                .keySet()
                .forEach(type -> {
                    JsonObject post = post(document, type);
                    items.add(new JsonObject()
                            .put("type", type)
                            .put("summary", post == null ? null : post.getString("description"))
                            .put("schema", INDEX + "/" + type + SUFFIX));
                });
        return new JsonObject().put("items", items);
    }

    /**
     * The JSON Schema of a webhook's payload: the body of its POST, with the components it refers to (transitively)
     * under {@code $defs} and every reference rewritten to them; empty when the document has no such webhook.
     */
    public static Optional<JsonObject> schemaOf(JsonObject document, String type) {
        JsonObject post = post(document, type);
        JsonObject body = post == null
                ? null
                : post.getJsonObject("requestBody", new JsonObject())
                        .getJsonObject("content", new JsonObject())
                        .getJsonObject("application/json", new JsonObject())
                        .getJsonObject("schema");
        if (body == null) {
            return Optional.empty();
        }
        JsonObject components =
                document.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject());
        Map<String, Object> defs = new TreeMap<>();
        Deque<Object> todo = new ArrayDeque<>();
        JsonObject root = body.copy();
        todo.add(root);
        while (!todo.isEmpty()) {
            Object node = todo.pop();
            if (node instanceof JsonObject object) {
                for (String key : object.fieldNames()) {
                    Object value = object.getValue(key);
                    if (key.equals("$ref") && value instanceof String ref && ref.startsWith(COMPONENT_SCHEMAS)) {
                        String name = ref.substring(COMPONENT_SCHEMAS.length());
                        object.put(key, DEFS + name);
                        if (!defs.containsKey(name) && components.getValue(name) instanceof JsonObject def) {
                            JsonObject copy = def.copy();
                            defs.put(name, copy);
                            todo.add(copy);
                        }
                    } else {
                        todo.add(value);
                    }
                }
            } else if (node instanceof JsonArray array) {
                array.forEach(todo::add);
            }
        }
        JsonObject schema = new JsonObject().put("$schema", DIALECT).put("title", "Custodian webhook " + type);
        if (post.getString("description") != null) {
            schema.put("description", post.getString("description"));
        }
        schema.mergeIn(root);
        if (!defs.isEmpty()) {
            schema.put("$defs", new JsonObject(defs));
        }
        return Optional.of(schema);
    }

    private static JsonObject post(JsonObject document, String type) {
        Object webhook = document.getJsonObject("webhooks", new JsonObject()).getValue(type);
        return webhook instanceof JsonObject item ? item.getJsonObject("post") : null;
    }
}
