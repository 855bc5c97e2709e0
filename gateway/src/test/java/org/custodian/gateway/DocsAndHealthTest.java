package org.custodian.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
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
        assertThat(paths).containsKeys("/api/v1/me", "/api/v1/schools/{urn}", FakeUpstreams.TRUST_PATH);
        assertThat(paths.keySet()).noneMatch(path -> path.startsWith("/internal"));
        // consent-service's Item keeps its name: the services listed in openapi.precedence come first, and
        // accountability-service, named in none, after them
        assertThat(doc.getMap("components.schemas"))
                .containsKeys("Problem", "Item", "sar.Item", "sharing.Item", "retention.Item", "accountability.Item");
        assertThat(doc.getString("components.schemas.Item.description")).isEqualTo("an item of consent");
        assertThat(
                        doc.getString(
                                "paths.'/api/v1/schools/{urn}/requests'.get.responses.'200'.content.'application/json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/sar.Item");
        assertThat(
                        doc.getString(
                                "paths.'/api/v1/schools/{urn}/ropa.csv'.get.responses.'200'.content.'application/json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/accountability.Item");
        assertThat(doc.getList("tags.name")).contains("consent", "sar", "sharing", "retention", "accountability");
        assertThat(doc.getMap("$")).doesNotContainKey("x-custodian-unavailable");
        assertThat(doc.getMap("webhooks")).containsOnlyKeys("consent.withdrawn");
        assertThat(doc.getString(
                        "webhooks.'consent.withdrawn'.post.requestBody.content.'application/json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/ConsentWithdrawnWebhook");
    }

    @Test
    void thePublicPathsAreInTheMergedOpenApiWithoutASecurityRequirement() {
        JsonPath doc =
                given().get("/api/openapi").then().statusCode(200).extract().jsonPath();
        for (String resource : FakeUpstreams.PUBLIC_RESOURCES.get("accountability")) {
            String operation = "paths.'/public/v1/schools/{urn}/" + resource + "'.get";
            assertThat(doc.getMap(operation)).as(resource).isNotNull();
            assertThat(doc.getList(operation + ".security")).as(resource).isEmpty();
            assertThat(doc.getMap(operation + ".responses")).as(resource).containsKeys("502", "503", "504");
        }
    }

    @Test
    void eachWebhooksJsonSchemaIsServedWithoutATokenAndAnUnknownTypeIsAProblem() {
        given().get("/api/schemas/webhooks")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("items.type", equalTo(List.of("consent.withdrawn")))
                .body("items[0].schema", equalTo("/api/schemas/webhooks/consent.withdrawn.json"))
                .body("items[0].summary", equalTo("The consent no longer stands."));
        JsonPath schema = given().get("/api/schemas/webhooks/consent.withdrawn.json")
                .then()
                .statusCode(200)
                .contentType("application/schema+json")
                .extract()
                .jsonPath();
        assertThat(schema.getString("'$schema'")).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.getString("'$ref'")).isEqualTo("#/$defs/ConsentWithdrawnWebhook");
        // the sharing document's Item differs from consent's, so the merged document (and the schema) call it
        // sharing.Item
        assertThat(schema.getString("'$defs'.ConsentWithdrawnWebhook.properties.data.'$ref'"))
                .isEqualTo("#/$defs/sharing.Item");
        assertThat(schema.getString("'$defs'.'sharing.Item'.description")).isEqualTo("an item of sharing");
        for (String unknown : List.of("consent.granted.json", "consent.withdrawn", "openapi.json")) {
            given().get("/api/schemas/webhooks/" + unknown)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("status", equalTo(404))
                    .body("detail", containsString("/api/schemas/webhooks"));
        }
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
