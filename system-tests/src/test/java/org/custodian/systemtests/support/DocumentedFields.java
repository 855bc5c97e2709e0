package org.custodian.systemtests.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The properties of an answer that its OpenAPI schema does not document (OWASP API3: an answer carries only what the
 * contract says it may). Follows {@code $ref}, {@code allOf}, {@code oneOf}, {@code anyOf}, array items and maps
 * ({@code additionalProperties}).
 */
public final class DocumentedFields {

    private final JsonNode document;

    public DocumentedFields(JsonNode document) {
        this.document = document;
    }

    /** Every path in {@code value}, such as {@code items[0].guardians[1].email}, that {@code schema} does not document. */
    public List<String> undocumented(JsonNode value, JsonNode schema) {
        List<String> found = new ArrayList<>();
        walk(value, schema, "", found);
        return found;
    }

    /** Whether a schema says nothing at all about what it describes (then any answer would pass). */
    public boolean saysNothing(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        return resolved == null || resolved.isMissingNode() || resolved.isEmpty();
    }

    private void walk(JsonNode value, JsonNode schema, String at, List<String> found) {
        schema = resolve(schema);
        if (schema == null || schema.isMissingNode() || schema.isEmpty() || value == null || value.isNull()) {
            return;
        }
        for (String combiner : List.of("oneOf", "anyOf")) {
            if (schema.has(combiner)) {
                List<String> best = null;
                for (JsonNode option : schema.get(combiner)) {
                    List<String> here = new ArrayList<>();
                    walk(value, option, at, here);
                    if (best == null || here.size() < best.size()) {
                        best = here;
                    }
                }
                found.addAll(best == null ? List.of() : best);
                return;
            }
        }
        if (value.isArray()) {
            JsonNode items = schema.path("items");
            for (int i = 0; i < value.size(); i++) {
                walk(value.get(i), items, at + "[" + i + "]", found);
            }
            return;
        }
        if (!value.isObject()) {
            return;
        }
        List<JsonNode> parts = new ArrayList<>();
        parts.add(schema);
        schema.path("allOf").forEach(part -> parts.add(resolve(part)));
        Iterator<String> names = value.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            String path = at.isEmpty() ? name : at + "." + name;
            JsonNode property = parts.stream()
                    .map(part -> part.path("properties").path(name))
                    .filter(node -> !node.isMissingNode())
                    .findFirst()
                    .orElse(null);
            if (property != null) {
                walk(value.get(name), property, path, found);
                continue;
            }
            JsonNode additional = parts.stream()
                    .map(part -> part.path("additionalProperties"))
                    .filter(node -> node.isObject() || node.asBoolean(false))
                    .findFirst()
                    .orElse(null);
            if (additional == null) {
                found.add(path);
            } else if (additional.isObject()) {
                walk(value.get(name), additional, path, found);
            }
        }
    }

    private JsonNode resolve(JsonNode schema) {
        for (int hops = 0; schema != null && schema.has("$ref") && hops < 20; hops++) {
            schema = document.at(schema.get("$ref").asText().substring(1));
        }
        return schema;
    }
}
