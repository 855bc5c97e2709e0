package org.custodian.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.custodian.gateway.support.FakeUpstreams;
import org.custodian.gateway.support.GatewayTestProfile;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class DocsAndHealthTest {

    @Test
    void theMergedOpenApiHasEveryServicesPublicPathsAndNoInternalOnes() {
        JsonPath doc = given().get("/api/openapi")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath();
        Map<String, Object> paths = doc.getMap("paths");
        FakeUpstreams.resourceServices()
                .keySet()
                .forEach(resource -> assertThat(paths).containsKey("/api/v1/schools/{urn}/" + resource));
        FakeUpstreams.AUDIT_LOGS
                .values()
                .forEach(log -> assertThat(paths).containsKey("/api/v1/schools/{urn}/audit/" + log));
        assertThat(paths).containsKeys("/api/v1/me", "/api/v1/schools/{urn}");
        assertThat(paths.keySet()).noneMatch(path -> path.startsWith("/internal"));
        assertThat(doc.getMap("components.schemas"))
                .containsKeys("Problem", "Item", "sar.Item", "sharing.Item", "retention.Item");
        assertThat(
                        doc.getString(
                                "paths.'/api/v1/schools/{urn}/requests'.get.responses.'200'.content.'application/json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/sar.Item");
        assertThat(doc.getList("tags.name")).contains("consent", "sar", "sharing", "retention");
        assertThat(doc.getMap("$")).doesNotContainKey("x-custodian-unavailable");
    }

    @Test
    void swaggerUiIsServedOnTheMergedDocumentWithoutAToken() {
        given().get("/api/docs/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("/api/openapi"));
    }
}
