package org.custodian.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class WebhookSchemasTest {

    static JsonObject ref(String name) {
        return new JsonObject().put("$ref", "#/components/schemas/" + name);
    }

    static JsonObject document() {
        JsonObject schemas = new JsonObject()
                .put(
                        "Message",
                        new JsonObject()
                                .put("type", "object")
                                .put(
                                        "properties",
                                        new JsonObject()
                                                .put("data", ref("Data"))
                                                .put("again", ref("Message"))))
                .put(
                        "Data",
                        new JsonObject()
                                .put("type", "object")
                                .put(
                                        "properties",
                                        new JsonObject().put("tags", new JsonObject().put("items", ref("Tag")))))
                .put("Tag", new JsonObject().put("type", "string"))
                .put("Unrelated", new JsonObject().put("type", "integer"));
        JsonObject post = new JsonObject()
                .put("description", "Something happened.")
                .put(
                        "requestBody",
                        new JsonObject()
                                .put(
                                        "content",
                                        new JsonObject()
                                                .put(
                                                        "application/json",
                                                        new JsonObject().put("schema", ref("Message")))));
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put(
                        "webhooks",
                        new JsonObject()
                                .put("thing.happened", new JsonObject().put("post", post))
                                .put("a.first", new JsonObject().put("post", post.copy())))
                .put("components", new JsonObject().put("schemas", schemas));
    }

    @Test
    void aSchemaCarriesEveryComponentItRefersToAndNothingElse() {
        JsonObject document = document();
        JsonObject schema = WebhookSchemas.schemaOf(document, "thing.happened").orElseThrow();
        assertThat(schema.getString("$schema")).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.getString("$ref")).isEqualTo("#/$defs/Message");
        assertThat(schema.getString("description")).isEqualTo("Something happened.");
        JsonObject defs = schema.getJsonObject("$defs");
        assertThat(defs.fieldNames()).containsExactlyInAnyOrder("Message", "Data", "Tag");
        assertThat(defs.getJsonObject("Data")
                        .getJsonObject("properties")
                        .getJsonObject("tags")
                        .getJsonObject("items")
                        .getString("$ref"))
                .isEqualTo("#/$defs/Tag");
        assertThat(defs.getJsonObject("Message")
                        .getJsonObject("properties")
                        .getJsonObject("again")
                        .getString("$ref"))
                .isEqualTo("#/$defs/Message");
        assertThat(schema.encode()).doesNotContain("#/components/");
        assertThat(document.encode())
                .as("the document is left alone")
                .doesNotContain("$defs")
                .contains("#/components/schemas/Data");
    }

    @Test
    void unknownTypesHaveNoSchemaAndTheIndexListsTheKnownOnesInOrder() {
        assertThat(WebhookSchemas.schemaOf(document(), "thing.ended")).isEmpty();
        assertThat(WebhookSchemas.schemaOf(new JsonObject(), "thing.happened")).isEmpty();
        JsonArray items = WebhookSchemas.index(document()).getJsonArray("items");
        assertThat(items.stream().map(i -> ((JsonObject) i).getString("type")))
                .containsExactly("a.first", "thing.happened");
        assertThat(items.getJsonObject(1).getString("schema")).isEqualTo("/api/schemas/webhooks/thing.happened.json");
        assertThat(WebhookSchemas.index(new JsonObject()).getJsonArray("items")).isEmpty();
    }
}
