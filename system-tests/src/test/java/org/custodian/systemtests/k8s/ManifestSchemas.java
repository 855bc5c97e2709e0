package org.custodian.systemtests.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodian.systemtests.support.Stack;

/**
 * Validates Kubernetes manifests offline against deploy/k8s/schemas/schemas.json: strict JSON Schemas of the Kubernetes
 * API kinds and of the Strimzi and CloudNativePG custom resources (generate.py beside it says where they come from).
 * A kind without a schema is an error, never skipped.
 */
public final class ManifestSchemas {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final Map<String, JsonSchema> compiled = new HashMap<>();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    public ManifestSchemas(Path schemas) {
        try {
            this.document = JSON.readTree(schemas.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + schemas, e);
        }
    }

    /** The committed schemas of deploy/k8s/schemas. */
    public static ManifestSchemas committed() {
        return new ManifestSchemas(Stack.root().resolve("deploy/k8s/schemas/schemas.json"));
    }

    /** Every document of a multi-document YAML file (empty documents left out). */
    public static List<JsonNode> read(Path yaml) {
        try (MappingIterator<JsonNode> documents =
                YAML.readerFor(JsonNode.class).readValues(yaml.toFile())) {
            List<JsonNode> all = new ArrayList<>();
            while (documents.hasNext()) {
                JsonNode next = documents.next();
                if (next != null && !next.isNull() && !next.isEmpty()) {
                    all.add(next);
                }
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + yaml, e);
        }
    }

    public static List<JsonNode> parse(String yaml) {
        try (MappingIterator<JsonNode> documents =
                YAML.readerFor(JsonNode.class).readValues(yaml)) {
            return documents.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "apps/v1/Deployment" for a Deployment. */
    public static String kindOf(JsonNode manifest) {
        return manifest.path("apiVersion").asText() + "/"
                + manifest.path("kind").asText();
    }

    /** What is wrong with one manifest: empty when it is valid. */
    public List<String> problems(JsonNode manifest) {
        String kind = kindOf(manifest);
        String name = kind + " " + manifest.path("metadata").path("name").asText("(no name)");
        if (!document.path("kinds").has(kind)) {
            return List.of(name + ": no schema for kind " + kind + " (add it to deploy/k8s/schemas/generate.py)");
        }
        JsonSchema schema = compiled.computeIfAbsent(kind, k -> {
            ObjectNode wrapper = JSON.createObjectNode();
            wrapper.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            wrapper.set("$ref", document.path("kinds").path(k).path("$ref"));
            wrapper.set("$defs", document.path("$defs"));
            return factory.getSchema(wrapper);
        });
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : schema.validate(manifest)) {
            problems.add(name + ": " + message.getMessage());
        }
        return problems;
    }
}
