package org.custodian.testing.kernel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.custodian.testing.DocumentedAnswers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kernel's build-time OpenAPI filter writes the standard error answers, so that no resource writes them. */
@KernelTest
class OpenApiConventionsTest {

    private JsonPath document;

    @BeforeEach
    void read() {
        document = given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private Map<String, Object> responses(String path, String method) {
        return document.getMap("paths.'" + path + "'." + method + ".responses");
    }

    private String description(String path, String method, String status) {
        return document.getString("paths.'" + path + "'." + method + ".responses.'" + status + "'.description");
    }

    /** Issue 16, finding 3: an operation taking an Idempotency-Key says a replay leaves out the answer's secrets. */
    @Test
    void anOperationTakingAnIdempotencyKeyDocumentsWhatAReplayLeavesOut() {
        String keys = "paths.'/api/v1/schools/{urn}/probes/{id}/keys'.post";
        assertThat(document.getString(keys + ".responses.'201'.headers.'Idempotent-Replay-Omitted'.description"))
                .contains("secrets")
                .contains("never stored in clear");
        assertThat(document.getString(keys + ".responses.'201'.headers.'Idempotent-Replayed'.description"))
                .isNotBlank();
        assertThat(document.getString(keys + ".responses.'201'.headers.Location.description"))
                .contains("public path");
        assertThat(document.getString(keys + ".parameters.find { it.name == 'Idempotency-Key' }.description"))
                .contains("Idempotent-Replay-Omitted");
        assertThat(document.getString("paths.'/api/v1/schools/{urn}/probes/{id}'.get.responses.'200'.headers"))
                .isNull();
    }

    @Test
    void aSecuredOperationHasTheStandard401And403NamingItsRoles() {
        String probes = "/api/v1/schools/{urn}/probes";
        assertThat(description(probes, "post", "401")).startsWith("No valid bearer token");
        assertThat(description(probes, "post", "403"))
                .isEqualTo(
                        "The token does not cover this school, or its role is not one of: dpo, school-admin, service.");
        assertThat(description(probes + "/{id}/touches", "post", "403")).endsWith("is not one of: parent.");
    }

    @Test
    void everyErrorAnswerOfEveryOperationIsAProblem() {
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        int errors = 0;
        for (var path : paths.entrySet()) {
            for (var method : path.getValue().keySet()) {
                if (!List.of("get", "post", "put", "patch", "delete").contains(method)) {
                    continue;
                }
                for (var status : responses(path.getKey(), method).keySet()) {
                    if (status.startsWith("4") || status.startsWith("5")) {
                        errors++;
                        assertThat(document.getString("paths.'" + path.getKey() + "'." + method + ".responses.'"
                                        + status + "'.content.'application/problem+json'.schema.$ref"))
                                .as(method + " " + path.getKey() + " " + status)
                                .isEqualTo("#/components/schemas/Problem");
                    }
                }
            }
        }
        assertThat(errors).isGreaterThan(10);
    }

    @Test
    void theInheritedAuditOperationsDeclareTheSchoolAndTheirRoles() {
        for (String path :
                List.of("/api/v1/schools/{urn}/audit/kernel", "/api/v1/schools/{urn}/audit/kernel/verification")) {
            List<Map<String, Object>> parameters = document.getList("paths.'" + path + "'.get.parameters");
            assertThat(parameters)
                    .as(path)
                    .anySatisfy(p -> assertThat(p).containsEntry("name", "urn").containsEntry("in", "path"));
            assertThat(description(path, "get", "403")).endsWith("is not one of: dpo, auditor.");
        }
    }

    /**
     * Issue 17: every property of an answer's object schema is required unless it is declared nullable, so that a
     * generated client does not make every field optional; the last page's null nextCursor is declared so.
     */
    @Test
    void anAnswersPropertiesAreRequiredUnlessNullable() {
        // the page of probes the list answers (Page<Probe>)
        String page = document.<String, Object>getMap("components.schemas").keySet().stream()
                .filter(name -> name.startsWith("Page") && name.contains("Probe"))
                .findFirst()
                .orElseThrow();
        String pageSchema = "components.schemas." + page;
        assertThat(document.getList(pageSchema + ".required", String.class)).containsExactly("items");
        assertThat(document.getString(pageSchema + ".properties.nextCursor.type"))
                .contains("null");
        assertThat(document.getList("components.schemas.Probe.required", String.class))
                .containsExactlyInAnyOrder("id", "schoolUrn", "name", "colour");
    }

    /** Issue 17: the kernel's paging parameters say what they take. */
    @Test
    void theKernelsPagingParametersAreTyped() {
        String parameters = "paths.'/api/v1/schools/{urn}/probes'.get.parameters";
        Map<String, Object> limit = document.getMap(parameters + ".find { it.name == 'limit' }.schema");
        assertThat(limit)
                .containsEntry("type", "integer")
                .containsEntry("minimum", 1)
                .containsEntry("maximum", 500);
        Map<String, Object> cursor = document.getMap(parameters + ".find { it.name == 'cursor' }.schema");
        assertThat(cursor).containsEntry("type", "string").containsEntry("pattern", "^[A-Za-z0-9_-]*$");
    }

    /** Issue 17: the contract's checks find what they look for (a document breaking each rule). */
    @Test
    void theContractChecksFindWhatTheyLookFor() {
        DocumentedAnswers broken = DocumentedAnswers.of("""
                {"paths": {"/x": {"get": {
                   "parameters": [{"name": "status", "in": "query", "schema": {"type": "string"}},
                                  {"name": "limit", "in": "query", "schema": {"type": "integer"}}],
                   "responses": {"200": {"description": "ok",
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Status2"}}}},
                     "201": {"description": "created"}}}}},
                 "components": {"schemas": {"Status2": {"type": "object",
                    "properties": {"a": {"type": "string"}, "b": {"type": ["string", "null"]}}}}}}
                """);
        assertThat(broken.answersWithoutABody()).containsExactly("GET /x 201: no content");
        assertThat(broken.answerSchemasWithoutRequired()).containsExactly("Status2");
        assertThat(broken.javaNames()).containsExactly("Status2");
        assertThat(broken.untypedQueryParameters())
                .containsExactly("GET /x ?status: a string without an enum, format or pattern");

        DocumentedAnswers kept = DocumentedAnswers.of("""
                {"paths": {"/x": {"get": {"responses": {"200": {"description": "ok",
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}}},
                 "components": {"schemas": {"Thing": {"type": "object", "required": ["a"],
                    "properties": {"a": {"type": "string"}, "b": {"type": ["string", "null"]}}}}}}
                """);
        assertThat(kept.mismatches("GET", "/x", 200, "{\"a\": \"1\", \"b\": null}"))
                .isEmpty();
        assertThat(kept.mismatches("GET", "/x", 200, "{\"b\": \"2\"}")).containsExactly("$.a is required but absent");
        assertThat(kept.mismatches("GET", "/x", 200, "{\"a\": null}"))
                .containsExactly("$.a is null, which the schema does not allow");
    }
}
