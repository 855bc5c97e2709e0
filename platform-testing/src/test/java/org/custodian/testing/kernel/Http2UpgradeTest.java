package org.custodian.testing.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Java 25's HttpClient asks by default to upgrade a plain-HTTP connection to HTTP/2 (h2c), body and all. Where an HTTP
 * permission check runs before Quarkus REST (sharing-service's partner paths), the body had been read during the
 * upgrade and the request was refused ("Request has already been read", quarkusio/quarkus#56595), so the partner
 * receiver on Java 25 could not answer an action (PartnerReceiverToolTest). Services decline the upgrade and answer
 * over HTTP/1.1, as if it had not been asked.
 */
@KernelTest
class Http2UpgradeTest {

    private static final String SCHOOL = "300241";

    @Test
    void aPostAskingForAnUpgradeToCleartextHttp2IsAnsweredOverHttp11() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        URI probes = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/schools/" + SCHOOL + "/probes");
        HttpResponse<String> created = client.send(
                HttpRequest.newBuilder(probes)
                        .header("Authorization", TestTokens.bearer("dpo", SCHOOL))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"h2c\",\"colour\":\"RED\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        HttpResponse<String> listed = client.send(
                HttpRequest.newBuilder(probes)
                        .header("Authorization", TestTokens.bearer("dpo", SCHOOL))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"h2c\"");
    }
}
