package org.custodian.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The operations a running service documents at {@code /q/openapi}, with what a test needs to call each one. */
public final class OpenApiOperations {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    /** A documented parameter: where it goes, its name, and its schema (type, format, enum, …). */
    public record Parameter(String in, String name, JsonNode schema) {}

    /** One documented operation. {@code bodySchema} is the JSON request body's schema, resolved; null when none. */
    public record Operation(
            String method, String path, List<Parameter> parameters, String bodyType, JsonNode bodySchema) {
        public String key() {
            return method + " " + path;
        }

        public boolean takesJson() {
            return "application/json".equals(bodyType);
        }

        public List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }
    }

    private final JsonNode document;

    private OpenApiOperations(JsonNode document) {
        this.document = document;
    }

    /** Reads the document of the application under test. */
    public static OpenApiOperations fetch() {
        try {
            String json = given().accept("application/json")
                    .get("/q/openapi?format=json")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            return new OpenApiOperations(new ObjectMapper().readTree(json));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the OpenAPI document is not JSON", e);
        }
    }

    public List<Operation> all() {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode p : path.getValue().path("parameters")) {
                    parameters.add(parameter(p));
                }
                for (JsonNode p : operation.path("parameters")) {
                    parameters.add(parameter(p));
                }
                String bodyType = null;
                JsonNode bodySchema = null;
                JsonNode content = operation.path("requestBody").path("content");
                if (content.isObject() && content.size() > 0) {
                    bodyType = content.fieldNames().next();
                    bodySchema = resolve(content.path(bodyType).path("schema"));
                }
                operations.add(new Operation(method.toUpperCase(), path.getKey(), parameters, bodyType, bodySchema));
            }
        }
        return operations;
    }

    private Parameter parameter(JsonNode p) {
        JsonNode resolved = resolve(p);
        return new Parameter(
                resolved.path("in").asText(), resolved.path("name").asText(), resolve(resolved.path("schema")));
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

    /** The properties of an object schema, each resolved; empty for anything else. */
    public Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        Optional.ofNullable(schema)
                .map(s -> s.path("properties"))
                .ifPresent(props ->
                        props.fields().forEachRemaining(e -> properties.put(e.getKey(), resolve(e.getValue()))));
        return properties;
    }
}
