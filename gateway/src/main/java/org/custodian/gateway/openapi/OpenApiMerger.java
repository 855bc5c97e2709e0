package org.custodian.gateway.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Merges the services' OpenAPI documents into the one the gateway serves: their paths (only those the gateway
 * routes to that service, so never {@code /internal}), webhooks (OpenAPI 3.1: what a service sends out, e.g.
 * sharing-service's partner webhooks; the first service to name one wins), components and tags. A component two services define
 * differently keeps its name for the first and is renamed {@code <service>.<name>} for the next, with that
 * document's references rewritten.
 */
public final class OpenApiMerger {

    public static final String UNAVAILABLE = "x-custodian-unavailable";
    private static final String COMPONENTS_REF = "#/components/";

    private final BiPredicate<String, String> routedTo;

    /** @param routedTo whether the gateway routes a path template to a service */
    public OpenApiMerger(BiPredicate<String, String> routedTo) {
        this.routedTo = routedTo;
    }

    /**
     * @param documents   each available service's document, in the order they should win conflicts
     * @param unavailable the services whose documents could not be had, with the reason
     */
    public JsonObject merge(Map<String, JsonObject> documents, Map<String, String> unavailable) {
        JsonObject paths = new JsonObject();
        JsonObject webhooks = new JsonObject();
        JsonObject components = new JsonObject();
        JsonArray tags = new JsonArray();
        Set<String> tagNames = new HashSet<>();
        JsonArray security = new JsonArray();
        String version = "3.1.0";
        boolean first = true;
        for (Map.Entry<String, JsonObject> entry : documents.entrySet()) {
            String service = entry.getKey();
            JsonObject document = entry.getValue().copy();
            if (first && document.getString("openapi") != null) {
                version = document.getString("openapi");
            }
            first = false;
            rewriteRefs(document, renames(service, document.getJsonObject("components", new JsonObject()), components));
            mergeComponents(service, document.getJsonObject("components", new JsonObject()), components);
            document.getJsonObject("paths", new JsonObject()).forEach(path -> {
                if (!paths.containsKey(path.getKey()) && routedTo.test(path.getKey(), service)) {
                    paths.put(path.getKey(), path.getValue());
                }
            });
            document.getJsonObject("webhooks", new JsonObject()).forEach(webhook -> {
                if (!webhooks.containsKey(webhook.getKey())) {
                    webhooks.put(webhook.getKey(), webhook.getValue());
                }
            });
            document.getJsonArray("tags", new JsonArray()).forEach(tag -> {
                if (tag instanceof JsonObject named && tagNames.add(named.getString("name"))) {
                    tags.add(named);
                }
            });
            document.getJsonArray("security", new JsonArray()).forEach(requirement -> {
                if (!security.contains(requirement)) {
                    security.add(requirement);
                }
            });
        }
        JsonObject merged = new JsonObject()
                .put("openapi", version)
                .put(
                        "info",
                        new JsonObject()
                                .put("title", "Custodian API")
                                .put("version", "v1")
                                .put("description", description(documents.keySet(), unavailable.keySet())))
                .put("servers", new JsonArray().add(new JsonObject().put("url", "/")))
                .put("paths", paths);
        if (!webhooks.isEmpty()) {
            merged.put("webhooks", webhooks);
        }
        merged.put("components", components).put("tags", tags);
        if (!security.isEmpty()) {
            merged.put("security", security);
        }
        if (!unavailable.isEmpty()) {
            JsonObject missing = new JsonObject();
            unavailable.forEach(missing::put);
            merged.put(UNAVAILABLE, missing);
        }
        return merged;
    }

    private static String description(Set<String> served, Set<String> missing) {
        String description = "The Custodian services' APIs as the gateway serves them"
                + (served.isEmpty() ? "." : ", from " + String.join(", ", served) + ".");
        return missing.isEmpty() ? description : description + " Missing for now: " + String.join(", ", missing) + ".";
    }

    /** For each component section, the names this document must use because the merged one has them already, differently. */
    private static Map<String, Map<String, String>> renames(String service, JsonObject theirs, JsonObject merged) {
        Map<String, Map<String, String>> renames = new HashMap<>();
        for (String section : theirs.fieldNames()) {
            JsonObject ours = merged.getJsonObject(section, new JsonObject());
            JsonObject entries = theirs.getJsonObject(section, new JsonObject());
            for (String name : entries.fieldNames()) {
                Object existing = ours.getValue(name);
                if (existing != null && !existing.equals(entries.getValue(name))) {
                    String renamed = service + "." + name;
                    for (int n = 2; ours.containsKey(renamed) || entries.containsKey(renamed); n++) {
                        renamed = service + "." + name + n;
                    }
                    renames.computeIfAbsent(section, s -> new HashMap<>()).put(name, renamed);
                }
            }
        }
        return renames;
    }

    private static void mergeComponents(String service, JsonObject theirs, JsonObject merged) {
        for (String section : theirs.fieldNames()) {
            JsonObject entries = theirs.getJsonObject(section);
            if (entries == null) {
                continue;
            }
            if (!merged.containsKey(section)) {
                merged.put(section, new JsonObject());
            }
            JsonObject ours = merged.getJsonObject(section);
            entries.forEach(entry -> {
                if (!ours.containsKey(entry.getKey())) {
                    ours.put(entry.getKey(), entry.getValue());
                }
            });
        }
    }

    /** Renames components in place: both their definitions and every {@code $ref} to them. */
    private static void rewriteRefs(JsonObject document, Map<String, Map<String, String>> renames) {
        if (renames.isEmpty()) {
            return;
        }
        JsonObject components = document.getJsonObject("components");
        renames.forEach((section, names) -> {
            JsonObject entries = components.getJsonObject(section);
            names.forEach((from, to) -> entries.put(to, entries.remove(from)));
        });
        rewrite(document, renames);
    }

    private static void rewrite(Object node, Map<String, Map<String, String>> renames) {
        if (node instanceof JsonObject object) {
            for (String key : List.copyOf(object.fieldNames())) {
                Object value = object.getValue(key);
                if (key.equals("$ref") && value instanceof String ref && ref.startsWith(COMPONENTS_REF)) {
                    String[] parts = ref.substring(COMPONENTS_REF.length()).split("/", 2);
                    String renamed = parts.length == 2
                            ? renames.getOrDefault(parts[0], Map.of()).get(parts[1])
                            : null;
                    if (renamed != null) {
                        object.put(key, COMPONENTS_REF + parts[0] + "/" + renamed);
                    }
                } else {
                    rewrite(value, renames);
                }
            }
        } else if (node instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                rewrite(array.getValue(i), renames);
            }
        }
    }
}
