package org.custodian.testing.kernel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
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
}
