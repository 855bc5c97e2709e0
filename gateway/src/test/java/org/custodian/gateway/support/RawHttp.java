package org.custodian.gateway.support;

import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Requests REST Assured cannot make: a path sent exactly as written (no client-side normalisation) and a body of
 * unknown length, which goes chunked.
 */
public final class RawHttp {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private RawHttp() {}

    public static HttpResponse<String> get(String path, String authorization) throws Exception {
        return send(request(path, authorization).GET().build());
    }

    public static HttpResponse<String> postChunked(String path, String authorization, byte[] body) throws Exception {
        return send(request(path, authorization)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build());
    }

    private static HttpRequest.Builder request(String path, String authorization) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", authorization);
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
