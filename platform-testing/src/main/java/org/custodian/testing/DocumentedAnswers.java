package org.custodian.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Issue 17: the checks that make a service's OpenAPI document a contract a generated client (openapi-typescript) can
 * trust, on the document itself and on real answers. Each check returns what breaks it, one line each, so that a
 * test can show them all at once.
 *
 * <ul>
 *   <li>every 2xx answer but 204 and 304 documents its body's schema (binary ones as a {@code format: binary}
 *       string);
 *   <li>every object schema reachable from a 2xx answer lists its required properties, or says with
 *       {@value #ALL_OPTIONAL} why none is;
 *   <li>no schema name leaks Java ({@code MeResource_me}, {@code Status2}, {@code sar.Outcome});
 *   <li>every query parameter has a type, and a string one an enum, a format or a pattern (or is declared free text
 *       with {@value #FREE_TEXT});
 *   <li>a successful answer has every property its schema requires, and null only where the schema allows it.
 * </ul>
 */
public final class DocumentedAnswers {

    public static final String ALL_OPTIONAL = "x-custodian-all-optional";
    public static final String FREE_TEXT = "x-custodian-free-text";
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    /** A domain name: letters and digits, starting with a capital and not ending with a digit. */
    private static final Pattern DOMAIN_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*[A-Za-z]");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;

    public DocumentedAnswers(JsonNode document) {
        this.document = document;
    }

    /** The document of the application under test. */
    public static DocumentedAnswers fetch() {
        return of(io.restassured.RestAssured.given()
                .accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    public static DocumentedAnswers of(String json) {
        try {
            return new DocumentedAnswers(JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("the OpenAPI document is not JSON", e);
        }
    }

    /** 2xx answers (but 204 and 304) that do not say what their body is. */
    public List<String> answersWithoutABody() {
        List<String> missing = new ArrayList<>();
        eachOperation((key, operation) -> operation.path("responses").fields().forEachRemaining(response -> {
            String status = response.getKey();
            if (!status.startsWith("2") || status.equals("204")) {
                return;
            }
            JsonNode content = resolve(response.getValue()).path("content");
            if (!content.isObject() || content.isEmpty()) {
                missing.add(key + " " + status + ": no content");
                return;
            }
            content.fields().forEachRemaining(media -> {
                JsonNode schema = media.getValue().path("schema");
                if (!schema.isObject() || schema.isEmpty()) {
                    missing.add(key + " " + status + " " + media.getKey() + ": no schema");
                }
            });
        }));
        return missing;
    }

    /** Object schemas of 2xx answers that mark no property required and do not say why. */
    public List<String> answerSchemasWithoutRequired() {
        List<String> missing = new ArrayList<>();
        Set<JsonNode> asked = reachable(requestSchemas());
        for (Map.Entry<String, JsonNode> schema : namedObjects(answerSchemas())) {
            JsonNode node = schema.getValue();
            if (node.has(ALL_OPTIONAL)) {
                continue;
            }
            JsonNode required = node.path("required");
            if (!required.isArray() || required.isEmpty()) {
                missing.add(schema.getKey() + (containsIdentity(asked, node) ? " (also a request body)" : ""));
            } else {
                for (JsonNode name : required) {
                    if (!node.path("properties").has(name.asText())) {
                        missing.add(schema.getKey() + ": requires " + name.asText() + ", which it does not define");
                    }
                }
            }
        }
        return missing;
    }

    /** Component schema names that are not domain names. */
    public List<String> javaNames() {
        List<String> names = new ArrayList<>();
        document.path("components").path("schemas").fieldNames().forEachRemaining(name -> {
            if (!DOMAIN_NAME.matcher(name).matches()) {
                names.add(name);
            }
        });
        return names;
    }

    /** Query parameters without a type, or strings without an enum, format or pattern. */
    public List<String> untypedQueryParameters() {
        List<String> untyped = new ArrayList<>();
        eachOperation((key, operation) -> {
            List<JsonNode> parameters = new ArrayList<>();
            operation.path("parameters").forEach(p -> parameters.add(resolve(p)));
            for (JsonNode parameter : parameters) {
                if (!"query".equals(parameter.path("in").asText())) {
                    continue;
                }
                String what = key + " ?" + parameter.path("name").asText();
                JsonNode schema = resolve(parameter.path("schema"));
                if (schema.path("type").isMissingNode() && !schema.has("enum")) {
                    untyped.add(what + ": no type");
                    continue;
                }
                JsonNode values = "array".equals(type(schema)) ? resolve(schema.path("items")) : schema;
                if ("string".equals(type(values))
                        && !values.has("enum")
                        && !values.has("format")
                        && !values.has("pattern")
                        && !parameter.has(FREE_TEXT)) {
                    untyped.add(what + ": a string without an enum, format or pattern");
                }
            }
        });
        return untyped;
    }

    /**
     * What a successful JSON answer of {@code method path} ({@code path} the template) with {@code status} lacks of
     * its documented schema: required properties left out, and nulls where the schema does not allow them.
     */
    public List<String> mismatches(String method, String path, int status, String body) {
        JsonNode schema = document.path("paths")
                .path(path)
                .path(method.toLowerCase())
                .path("responses")
                .path(String.valueOf(status));
        JsonNode json = resolve(schema).path("content").path("application/json").path("schema");
        List<String> problems = new ArrayList<>();
        if (json.isMissingNode()) {
            return problems;
        }
        try {
            check(json, JSON.readTree(body), "$", problems, 0);
        } catch (IOException e) {
            problems.add("$: the answer is not JSON");
        }
        return problems;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> problems, int depth) {
        if (depth > 20 || value == null) {
            return;
        }
        JsonNode resolved = resolve(schema);
        if (value.isNull()) {
            if (!isNullable(schema) && !isNullable(resolved)) {
                problems.add(at + " is null, which the schema does not allow");
            }
            return;
        }
        for (String combined : List.of("allOf")) {
            resolved.path(combined).forEach(part -> check(part, value, at, problems, depth + 1));
        }
        if (value.isObject() && resolved.path("properties").isObject()) {
            for (JsonNode name : resolved.path("required")) {
                if (!value.has(name.asText())) {
                    problems.add(at + "." + name.asText() + " is required but absent");
                }
            }
            resolved.path("properties").fields().forEachRemaining(property -> {
                if (value.has(property.getKey())) {
                    check(
                            property.getValue(),
                            value.get(property.getKey()),
                            at + "." + property.getKey(),
                            problems,
                            depth + 1);
                }
            });
        } else if (value.isArray() && resolved.has("items")) {
            int i = 0;
            for (JsonNode item : value) {
                check(resolved.path("items"), item, at + "[" + i++ + "]", problems, depth + 1);
            }
        }
    }

    // ---- the document ---------------------------------------------------------------------------------------------

    private interface OperationVisitor {
        void visit(String key, JsonNode operation);
    }

    private void eachOperation(OperationVisitor visitor) {
        document.path("paths").fields().forEachRemaining(path -> {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    visitor.visit(method.toUpperCase() + " " + path.getKey(), operation);
                }
            }
        });
    }

    private List<JsonNode> answerSchemas() {
        List<JsonNode> roots = new ArrayList<>();
        eachOperation((key, operation) -> operation.path("responses").fields().forEachRemaining(response -> {
            if (response.getKey().startsWith("2")) {
                resolve(response.getValue()).path("content").forEach(media -> roots.add(media.path("schema")));
            }
        }));
        return roots;
    }

    private List<JsonNode> requestSchemas() {
        List<JsonNode> roots = new ArrayList<>();
        eachOperation((key, operation) -> resolve(operation.path("requestBody"))
                .path("content")
                .forEach(media -> roots.add(media.path("schema"))));
        return roots;
    }

    /** The object schemas reachable from {@code roots}, each with its component name (or where it is inline). */
    private List<Map.Entry<String, JsonNode>> namedObjects(List<JsonNode> roots) {
        List<Map.Entry<String, JsonNode>> found = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<JsonNode> seen = identitySet();
        Deque<Map.Entry<String, JsonNode>> todo = new ArrayDeque<>();
        roots.forEach(root -> todo.push(Map.entry("(inline)", root)));
        while (!todo.isEmpty()) {
            Map.Entry<String, JsonNode> entry = todo.pop();
            JsonNode node = entry.getValue();
            if (node == null || !node.isObject() || !seen.add(node)) {
                continue;
            }
            String ref = node.path("$ref").asText(null);
            if (ref != null) {
                String name = ref.substring(ref.lastIndexOf('/') + 1);
                if (names.add(name)) {
                    todo.push(Map.entry(name, resolve(node)));
                }
                continue;
            }
            if (node.path("properties").isObject() && !node.path("properties").isEmpty()) {
                found.add(entry);
            }
            String inside = entry.getKey().startsWith("(") ? entry.getKey() : "(inside " + entry.getKey() + ")";
            node.path("properties").forEach(p -> todo.push(Map.entry(inside, p)));
            for (String key : List.of("items", "additionalProperties")) {
                if (node.path(key).isObject()) {
                    todo.push(Map.entry(inside, node.path(key)));
                }
            }
            for (String key : List.of("allOf", "anyOf", "oneOf")) {
                node.path(key).forEach(p -> todo.push(Map.entry(inside, p)));
            }
        }
        return found;
    }

    private Set<JsonNode> reachable(List<JsonNode> roots) {
        Set<JsonNode> all = identitySet();
        namedObjects(roots).forEach(e -> all.add(e.getValue()));
        return all;
    }

    private static Set<JsonNode> identitySet() {
        return java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    }

    private static boolean containsIdentity(Set<JsonNode> set, JsonNode node) {
        return set.contains(node);
    }

    /** Follows {@code $ref}s into {@code components}. */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; depth < 10 && current != null && current.has("$ref"); depth++) {
            String ref = current.get("$ref").asText();
            current = document.at(ref.substring(1));
        }
        return current;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            Set<String> types = new LinkedHashSet<>();
            type.forEach(t -> types.add(t.asText()));
            types.remove("null");
            return types.size() == 1 ? types.iterator().next() : "";
        }
        return type.asText("");
    }

    /** A {@code null} type, the 3.0 {@code nullable}, or an alternative that is one. */
    static boolean isNullable(JsonNode schema) {
        if (schema == null) {
            return false;
        }
        if (schema.path("nullable").asBoolean(false)
                || "null".equals(schema.path("type").asText())) {
            return true;
        }
        Iterator<JsonNode> types = schema.path("type").elements();
        while (types.hasNext()) {
            if ("null".equals(types.next().asText())) {
                return true;
            }
        }
        for (String key : List.of("anyOf", "oneOf", "allOf")) {
            for (JsonNode part : schema.path(key)) {
                if (isNullable(part)) {
                    return true;
                }
            }
        }
        return false;
    }
}
