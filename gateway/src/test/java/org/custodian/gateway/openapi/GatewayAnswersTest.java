package org.custodian.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class GatewayAnswersTest {

    static JsonObject document() {
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put(
                        "components",
                        new JsonObject()
                                .put(
                                        "securitySchemes",
                                        new JsonObject()
                                                .put(
                                                        "bearer",
                                                        new JsonObject()
                                                                .put("type", "http")
                                                                .put("scheme", "bearer"))))
                .put(
                        "paths",
                        new JsonObject()
                                .put(
                                        "/api/v1/schools/{urn}/pupils",
                                        new JsonObject()
                                                .put("parameters", new JsonObject())
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
                                                                                                        "description",
                                                                                                        "A page of pupils"))
                                                                                .put(
                                                                                        "403",
                                                                                        new JsonObject()
                                                                                                .put(
                                                                                                        "description",
                                                                                                        "School not in the token")))
                                                                .put(
                                                                        "security",
                                                                        new JsonArray()
                                                                                .add(new JsonObject()
                                                                                        .put(
                                                                                                "bearer",
                                                                                                new JsonArray()
                                                                                                        .add("x")))))
                                                .put(
                                                        "post",
                                                        new JsonObject()
                                                                .put("requestBody", new JsonObject())
                                                                .put(
                                                                        "responses",
                                                                        new JsonObject()
                                                                                .put(
                                                                                        "201",
                                                                                        new JsonObject()
                                                                                                .put(
                                                                                                        "description",
                                                                                                        "made"))
                                                                                .put(
                                                                                        "400",
                                                                                        new JsonObject()
                                                                                                .put(
                                                                                                        "description",
                                                                                                        "bad")
                                                                                                .put(
                                                                                                        "content",
                                                                                                        new JsonObject()
                                                                                                                .put(
                                                                                                                        "application/json",
                                                                                                                        new JsonObject())))))));
    }

    @Test
    void everyOperationListsTheGatewaysOwnAnswersAsProblemsAndLeavesTheServicesAnswersAsTheyAre() {
        JsonObject document = new GatewayAnswers("production", true).addTo(document());
        JsonObject get = document.getJsonObject("paths")
                .getJsonObject("/api/v1/schools/{urn}/pupils")
                .getJsonObject("get");
        JsonObject responses = get.getJsonObject("responses");
        assertThat(responses.fieldNames())
                .containsExactlyInAnyOrder("200", "403", "429", "502", "503", "504")
                .as("401, 403, 400 and 500 are the services' own, written by the kernel")
                .doesNotContain("413", "401", "400", "500");
        assertThat(responses.getJsonObject("403").getString("description")).isEqualTo("School not in the token");
        assertThat(responses
                        .getJsonObject("502")
                        .getJsonObject("content")
                        .getJsonObject("application/problem+json")
                        .getJsonObject("schema")
                        .getString("$ref"))
                .isEqualTo(GatewayAnswers.PROBLEM_REF);
        assertThat(responses.getJsonObject("200").containsKey("content"))
                .as("a success keeps its own content")
                .isFalse();
        assertThat(responses.getJsonObject("200").getJsonObject("headers").fieldNames())
                .containsExactlyInAnyOrder(
                        "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Access-Control-Allow-Origin");
        assertThat(responses.getJsonObject("429").getJsonObject("headers").fieldNames())
                .contains("Retry-After");
        assertThat(responses.getJsonObject("503").getJsonObject("headers").fieldNames())
                .containsExactly("Access-Control-Allow-Origin");

        assertThat(get.getJsonArray("security").getJsonObject(0).getJsonArray("bearer"))
                .as("its own kept")
                .containsExactly("x");

        JsonObject post = document.getJsonObject("paths")
                .getJsonObject("/api/v1/schools/{urn}/pupils")
                .getJsonObject("post");
        assertThat(post.getJsonArray("security").getJsonObject(0).getJsonArray("bearer"))
                .as("the gateway's bearer token")
                .isEmpty();
        assertThat(post.getJsonObject("responses").fieldNames()).contains("413");
        assertThat(post.getJsonObject("responses")
                        .getJsonObject("400")
                        .getJsonObject("content")
                        .fieldNames())
                .as("merged as the service wrote it")
                .containsExactly("application/json");

        assertThat(document.getJsonArray("servers").getJsonObject(0).getString("description"))
                .contains("production");
        assertThat(document.getJsonArray("servers").getJsonObject(0).getBoolean("x-internal"))
                .isFalse();
        assertThat(document.getJsonObject("components")
                        .getJsonObject("schemas")
                        .getJsonObject("Problem")
                        .getJsonArray("required"))
                .containsExactly("type", "title", "status");
    }

    @Test
    void aPublicOperationNeedsNoTokenAndAnyOriginMayReadIt() {
        JsonObject document =
                document().put("security", new JsonArray().add(new JsonObject().put("bearer", new JsonArray())));
        document.getJsonObject("paths")
                .put(
                        "/public/v1/schools/{urn}/privacy-notice",
                        new JsonObject()
                                .put(
                                        "get",
                                        new JsonObject()
                                                .put(
                                                        "responses",
                                                        new JsonObject()
                                                                .put(
                                                                        "200",
                                                                        new JsonObject()
                                                                                .put("description", "The notice")))));
        new GatewayAnswers("production", true, true).addTo(document);
        JsonObject get = document.getJsonObject("paths")
                .getJsonObject("/public/v1/schools/{urn}/privacy-notice")
                .getJsonObject("get");
        assertThat(get.getJsonArray("security"))
                .as("no security requirement, whatever the document says at the top")
                .isEmpty();
        JsonObject responses = get.getJsonObject("responses");
        assertThat(responses.fieldNames()).containsExactlyInAnyOrder("200", "429", "502", "503", "504");
        assertThat(responses.getJsonObject("429").getString("description")).contains("address");
        assertThat(responses.getJsonObject("200").getJsonObject("headers").getJsonObject("Access-Control-Allow-Origin"))
                .isEqualTo(new JsonObject().put("$ref", "#/components/headers/" + GatewayAnswers.PUBLIC_ALLOW_ORIGIN));
        assertThat(responses.getJsonObject("200").getJsonObject("headers").fieldNames())
                .contains("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");
        assertThat(document.getJsonObject("components")
                        .getJsonObject("headers")
                        .getJsonObject(GatewayAnswers.PUBLIC_ALLOW_ORIGIN)
                        .getJsonObject("schema")
                        .getString("const"))
                .isEqualTo("*");

        JsonObject pupils = document.getJsonObject("paths")
                .getJsonObject("/api/v1/schools/{urn}/pupils")
                .getJsonObject("get");
        assertThat(pupils.getJsonObject("responses")
                        .getJsonObject("200")
                        .getJsonObject("headers")
                        .getJsonObject("Access-Control-Allow-Origin"))
                .isEqualTo(new JsonObject().put("$ref", "#/components/headers/" + GatewayAnswers.ALLOW_ORIGIN));
    }

    @Test
    void withoutPublicPathsNoPublicOriginIsPromised() {
        JsonObject document = new GatewayAnswers("local", true, true).addTo(document());
        assertThat(document.getJsonObject("components").getJsonObject("headers").fieldNames())
                .doesNotContain(GatewayAnswers.PUBLIC_ALLOW_ORIGIN);
    }

    @Test
    void theServicesProblemSchemaIsKept() {
        JsonObject document = document();
        JsonObject servicesProblem = new JsonObject().put("type", "object").put("description", "the services' own");
        document.getJsonObject("components").put("schemas", new JsonObject().put("Problem", servicesProblem));
        new GatewayAnswers("local", false).addTo(document);
        assertThat(document.getJsonObject("components")
                        .getJsonObject("schemas")
                        .getJsonObject("Problem")
                        .getString("description"))
                .isEqualTo("the services' own");
    }

    @Test
    void withoutARateLimitNoRateLimitIsPromised() {
        JsonObject document = new GatewayAnswers("local", false).addTo(document());
        JsonObject responses = document.getJsonObject("paths")
                .getJsonObject("/api/v1/schools/{urn}/pupils")
                .getJsonObject("get")
                .getJsonObject("responses");
        assertThat(responses.fieldNames()).doesNotContain("429");
        assertThat(responses.getJsonObject("200").getJsonObject("headers").fieldNames())
                .containsExactly("Access-Control-Allow-Origin");
        assertThat(document.getJsonObject("components").getJsonObject("headers").fieldNames())
                .containsExactly("Access-Control-Allow-Origin");
    }
}
