package org.custodian.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiMergerTest {

    final OpenApiMerger merger = new OpenApiMerger((path, service) -> path.startsWith("/api/v1/" + service));

    @Test
    void pathsAreKeptOnlyWhereTheGatewayRoutesThemToTheirService() {
        JsonObject merged = merger.merge(
                documents(
                        "a", doc("/api/v1/a/things", "/internal/v1/a/export", "/api/v1/b/stolen"),
                        "b", doc("/api/v1/b/others")),
                Map.of());
        assertThat(merged.getJsonObject("paths").fieldNames())
                .containsExactlyInAnyOrder("/api/v1/a/things", "/api/v1/b/others");
        assertThat(merged.getString("openapi")).isEqualTo("3.1.0");
        assertThat(merged.getJsonArray("servers").getJsonObject(0).getString("url"))
                .isEqualTo("/");
        assertThat(merged.containsKey(OpenApiMerger.UNAVAILABLE)).isFalse();
    }

    @Test
    void identicalComponentsAreSharedAndDifferentOnesRenamedWithTheirReferences() {
        JsonObject a = doc("/api/v1/a/things")
                .put(
                        "components",
                        new JsonObject()
                                .put(
                                        "schemas",
                                        new JsonObject()
                                                .put("Problem", new JsonObject().put("type", "object"))
                                                .put("Item", new JsonObject().put("description", "a's"))));
        JsonObject b = doc("/api/v1/b/things")
                .put(
                        "components",
                        new JsonObject()
                                .put(
                                        "schemas",
                                        new JsonObject()
                                                .put("Problem", new JsonObject().put("type", "object"))
                                                .put(
                                                        "Item",
                                                        new JsonObject()
                                                                .put("description", "b's")
                                                                .put(
                                                                        "properties",
                                                                        new JsonObject().put("next", ref("Item"))))));
        b.getJsonObject("paths")
                .getJsonObject("/api/v1/b/things")
                .put(
                        "get",
                        new JsonObject()
                                .put(
                                        "responses",
                                        new JsonObject()
                                                .put(
                                                        "200",
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
                                                                                                                        "items",
                                                                                                                        new JsonArray()
                                                                                                                                .add(
                                                                                                                                        ref(
                                                                                                                                                "Item"))
                                                                                                                                .add(
                                                                                                                                        ref(
                                                                                                                                                "Problem")))))))));

        JsonObject merged = merger.merge(documents("a", a, "b", b), Map.of());

        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.fieldNames()).containsExactlyInAnyOrder("Problem", "Item", "b.Item");
        assertThat(schemas.getJsonObject("Item").getString("description")).isEqualTo("a's");
        assertThat(schemas.getJsonObject("b.Item")
                        .getJsonObject("properties")
                        .getJsonObject("next")
                        .getString("$ref"))
                .isEqualTo("#/components/schemas/b.Item");
        JsonArray items = merged.getJsonObject("paths")
                .getJsonObject("/api/v1/b/things")
                .getJsonObject("get")
                .getJsonObject("responses")
                .getJsonObject("200")
                .getJsonObject("content")
                .getJsonObject("application/json")
                .getJsonObject("schema")
                .getJsonArray("items");
        assertThat(items.getJsonObject(0).getString("$ref")).isEqualTo("#/components/schemas/b.Item");
        assertThat(items.getJsonObject(1).getString("$ref")).isEqualTo("#/components/schemas/Problem");
        assertThat(b.getJsonObject("components").getJsonObject("schemas").containsKey("b.Item"))
                .as("the service's own document is left alone")
                .isFalse();
    }

    @Test
    void tagsAndSecurityAreUnitedAndMissingServicesNamed() {
        JsonObject a = doc("/api/v1/a/x")
                .put(
                        "tags",
                        new JsonArray()
                                .add(new JsonObject().put("name", "shared"))
                                .add(new JsonObject().put("name", "a")))
                .put("security", new JsonArray().add(new JsonObject().put("bearer", new JsonArray())));
        JsonObject b = doc("/api/v1/b/x")
                .put("tags", new JsonArray().add(new JsonObject().put("name", "shared")))
                .put("security", new JsonArray().add(new JsonObject().put("bearer", new JsonArray())));
        JsonObject merged = merger.merge(documents("a", a, "b", b), Map.of("c", "Connection refused"));
        assertThat(merged.getJsonArray("tags").stream().map(t -> ((JsonObject) t).getString("name")))
                .containsExactly("shared", "a");
        assertThat(merged.getJsonArray("security")).hasSize(1);
        assertThat(merged.getJsonObject(OpenApiMerger.UNAVAILABLE).getString("c"))
                .isEqualTo("Connection refused");
        assertThat(merged.getJsonObject("info").getString("description")).contains("Missing for now: c.");
    }

    @Test
    void webhooksAreCarriedThroughWithTheirReferencesRenamedAndTheFirstServiceWins() {
        JsonObject a = doc("/api/v1/a/x")
                .put("components", new JsonObject().put("schemas", new JsonObject().put("Event", new JsonObject())));
        JsonObject b = doc("/api/v1/b/x")
                .put(
                        "components",
                        new JsonObject()
                                .put("schemas", new JsonObject().put("Event", new JsonObject().put("type", "object"))))
                .put(
                        "webhooks",
                        new JsonObject()
                                .put("thing.happened", webhook(ref("Event")))
                                .put("thing.ended", webhook(ref("Event"))));
        JsonObject c = doc("/api/v1/c/x").put("webhooks", new JsonObject().put("thing.ended", webhook(ref("Other"))));

        JsonObject merged = merger.merge(documents("a", a, "b", b, "c", c), Map.of());

        JsonObject webhooks = merged.getJsonObject("webhooks");
        assertThat(webhooks.fieldNames()).containsExactlyInAnyOrder("thing.happened", "thing.ended");
        for (String type : webhooks.fieldNames()) {
            assertThat(webhooks.getJsonObject(type)
                            .getJsonObject("post")
                            .getJsonObject("requestBody")
                            .getJsonObject("content")
                            .getJsonObject("application/json")
                            .getJsonObject("schema")
                            .getString("$ref"))
                    .as(type)
                    .isEqualTo("#/components/schemas/b.Event");
        }
        assertThat(merger.merge(documents("a", a), Map.of()).containsKey("webhooks"))
                .as("no webhooks section when no service sends any")
                .isFalse();
    }

    private static JsonObject webhook(JsonObject schema) {
        return new JsonObject()
                .put(
                        "post",
                        new JsonObject()
                                .put(
                                        "requestBody",
                                        new JsonObject()
                                                .put(
                                                        "content",
                                                        new JsonObject()
                                                                .put(
                                                                        "application/json",
                                                                        new JsonObject().put("schema", schema)))));
    }

    @Test
    void nothingAvailableStillMakesAValidDocument() {
        JsonObject merged = merger.merge(Map.of(), Map.of("a", "down"));
        assertThat(merged.getJsonObject("paths").isEmpty()).isTrue();
        assertThat(merged.getJsonObject("info").getString("title")).isEqualTo("Custodian API");
    }

    private static JsonObject doc(String... paths) {
        JsonObject all = new JsonObject();
        for (String path : paths) {
            all.put(path, new JsonObject().put("get", new JsonObject().put("operationId", path)));
        }
        return new JsonObject().put("openapi", "3.1.0").put("paths", all);
    }

    private static JsonObject ref(String schema) {
        return new JsonObject().put("$ref", "#/components/schemas/" + schema);
    }

    private static Map<String, JsonObject> documents(Object... serviceThenDocument) {
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        for (int i = 0; i < serviceThenDocument.length; i += 2) {
            documents.put((String) serviceThenDocument[i], (JsonObject) serviceThenDocument[i + 1]);
        }
        return documents;
    }
}
