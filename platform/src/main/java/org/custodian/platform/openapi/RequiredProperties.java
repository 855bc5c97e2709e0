package org.custodian.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Issue 17: a client generated from the document (openapi-typescript) types a field as optional unless the schema
 * lists it as required, so every field of an answer would be optional. The services write records with Jackson's
 * default inclusion: every component of a View is in the JSON, null or not. So every property of an object schema
 * reachable from a success answer is marked required, once, here, unless it is declared nullable
 * ({@code @Schema(nullable = true)} on the record component, or a {@code null} type): a nullable property may be
 * null, or absent where the record says {@code @JsonInclude(NON_NULL)}, and stays optional. A schema that is also a
 * request body keeps what Bean Validation says ({@code @NotNull} and friends, which SmallRye reads) since a client
 * need not send an optional field. A response schema whose fields are all genuinely optional says so with the
 * extension {@value #ALL_OPTIONAL}.
 *
 * <p>The every-operation contract checks the result against the real answers: a required field that a successful
 * call leaves out, or sends as null without the schema saying so, fails it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class RequiredProperties implements OASFilter {

    /** The extension of a response schema whose properties are all optional, with the reason as its value. */
    public static final String ALL_OPTIONAL = "x-custodian-all-optional";

    private static final String COMPONENT = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents() == null
                ? Map.of()
                : openAPI.getComponents().getSchemas() == null
                        ? Map.of()
                        : openAPI.getComponents().getSchemas();
        List<Schema> answers = new ArrayList<>();
        List<Schema> requests = new ArrayList<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getRequestBody() != null) {
                    schemasOf(operation.getRequestBody().getContent(), requests);
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().forEach((status, response) -> {
                        if (status.startsWith("2") && response != null) {
                            schemasOf(response.getContent(), answers);
                        }
                    });
                }
            }
        });
        Set<Schema> asked = reachable(requests, components);
        for (Schema schema : reachable(answers, components)) {
            if (!asked.contains(schema)) {
                markRequired(schema);
            }
        }
    }

    private static void schemasOf(Content content, List<Schema> into) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().values().forEach(media -> {
            if (media != null && media.getSchema() != null) {
                into.add(media.getSchema());
            }
        });
    }

    /** The object schemas (components and inline) reachable from {@code roots}, by identity. */
    static Set<Schema> reachable(List<Schema> roots, Map<String, Schema> components) {
        Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Set<String> names = new HashSet<>();
        Deque<Schema> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            Schema schema = todo.pop();
            if (schema == null || !seen.add(schema)) {
                continue;
            }
            if (schema.getRef() != null && schema.getRef().startsWith(COMPONENT)) {
                String name = schema.getRef().substring(COMPONENT.length());
                if (names.add(name) && components.get(name) != null) {
                    todo.push(components.get(name));
                }
            }
            if (schema.getProperties() != null) {
                todo.addAll(schema.getProperties().values());
            }
            if (schema.getItems() != null) {
                todo.push(schema.getItems());
            }
            if (schema.getAdditionalPropertiesSchema() != null) {
                todo.push(schema.getAdditionalPropertiesSchema());
            }
            for (List<Schema> list : List.of(of(schema.getAllOf()), of(schema.getAnyOf()), of(schema.getOneOf()))) {
                todo.addAll(list);
            }
        }
        seen.removeIf(schema ->
                schema.getProperties() == null || schema.getProperties().isEmpty());
        return seen;
    }

    private static List<Schema> of(List<Schema> schemas) {
        return schemas == null ? List.of() : schemas;
    }

    private static void markRequired(Schema schema) {
        if (schema.getExtensions() != null && schema.getExtensions().containsKey(ALL_OPTIONAL)) {
            return;
        }
        List<String> required = new ArrayList<>(schema.getRequired() == null ? List.of() : schema.getRequired());
        schema.getProperties().forEach((name, property) -> {
            if (isNullable(property)) {
                required.remove(name);
            } else if (!required.contains(name)) {
                required.add(name);
            }
        });
        schema.setRequired(required.isEmpty() ? null : required);
    }

    /** A {@code null} type, directly or as one of the alternatives the scanner writes for a nullable reference. */
    static boolean isNullable(Schema property) {
        if (property == null) {
            return false;
        }
        if (property.getType() != null && property.getType().contains(Schema.SchemaType.NULL)) {
            return true;
        }
        if (Boolean.TRUE.equals(property.get("nullable"))) {
            return true;
        }
        for (List<Schema> list : List.of(of(property.getAnyOf()), of(property.getOneOf()), of(property.getAllOf()))) {
            if (list.stream().anyMatch(RequiredProperties::isNullable)) {
                return true;
            }
        }
        return false;
    }
}
