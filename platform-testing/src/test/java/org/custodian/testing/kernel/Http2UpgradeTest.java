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
 * Java 25's HttpClient asks by default to upgrade a plain-HTTP connection to HTTP/2 (h2c), body and all. A service read
 * the body during the upgrade and then refused the request ("Request has already been read"), so an MIS or partner
 * client on Java 25 could write nothing. Services answer such a request over HTTP/1.1, as if it had not asked.
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
