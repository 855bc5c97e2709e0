package org.custodian.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URL;
import java.util.List;
import org.custodian.gateway.support.FakeUpstreams;
import org.custodian.gateway.support.GatewayTestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Health on the public port says UP or DOWN and nothing else, and asking it does not send a probe to every service;
 * the checks and what they found are on the management interface.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class HealthTest {

    static final List<String> PUBLIC = List.of("/q/health", "/q/health/ready", "/q/health/live", "/q/health/started");

    @TestHTTPResource(value = "/health/ready", management = true) // under the management root, /q
    URL readinessDetail;

    @Test
    void publicHealthSaysOnlyUpOrDown() {
        for (String path : PUBLIC) {
            Response answer = given().get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.contentType()).as(path).startsWith("application/json");
            assertThat(answer.jsonPath().getMap("$")).as(path).containsExactly(java.util.Map.entry("status", "UP"));
            assertThat(answer.asString()).as(path).doesNotContain("127.0.0.1").doesNotContain("http");
        }
    }

    @Test
    void askingForReadinessDoesNotProbeEveryServiceEachTime() {
        int before = probesAnswered();
        for (int i = 0; i < 25; i++) {
            given().get("/q/health/ready").then().statusCode(200);
        }
        int services = FakeUpstreams.RESOURCES.size();
        assertThat(probesAnswered() - before)
                .as(
                        "probes the %d services answered during 25 readiness requests (%d if each request probed them)",
                        services, 25 * services)
                .isLessThanOrEqualTo(2 * services);
    }

    @Test
    void theManagementInterfaceShowsEachServicesCheck() {
        given().get(readinessDetail)
                .then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == 'upstream-consent' }.status", is("UP"))
                .body("checks.find { it.name == 'upstream-sar' }.status", is("UP"))
                .body("checks.find { it.name == 'upstream-sharing' }.status", is("UP"))
                .body("checks.find { it.name == 'upstream-retention' }.status", is("UP"))
                .body("checks.find { it.name == 'upstream-accountability' }.status", is("UP"));
    }

    private static int probesAnswered() {
        int total = 0;
        for (String service : FakeUpstreams.RESOURCES.keySet()) {
            String url = ConfigProvider.getConfig()
                    .getValue("custodian.gateway.upstreams." + service + ".url", String.class);
            total += given().get(url + "/test/readiness-probes")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getInt("probes");
        }
        return total;
    }
}
