package org.custodian.systemtests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A caller of the suite's HTTP API: through the gateway unless told otherwise, with one bearer token. Nothing here
 * knows the services' code; requests are JSON built by the stories, answers are read as JSON.
 */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String base;
    private final String token;

    private Api(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Through the gateway, as the holder of {@code token} (null: no Authorization header at all). */
    public static Api as(String token) {
        return new Api(Stack.gateway(), token);
    }

    /** The same caller, straight at one service instead of the gateway. */
    public Api at(String baseUrl) {
        return new Api(baseUrl, token);
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Reply get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    public Reply delete(String path, String... headers) {
        return send("DELETE", path, null, null, headers);
    }

    public Reply post(String path, Object body, String... headers) {
        return send("POST", path, json(body), "application/json", headers);
    }

    public Reply put(String path, Object body, String... headers) {
        return send("PUT", path, json(body), "application/json", headers);
    }

    /** multipart/form-data with one {@code file} part and a {@code description}. */
    public Reply upload(String path, String filename, String mediaType, byte[] content, String description) {
        String boundary = "custodian-" + System.nanoTime();
        var out = new java.io.ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + mediaType + "\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n"
                        + description + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return send("POST", path, out.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    private static byte[] json(Object body) {
        try {
            return body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reply send(String method, String path, byte[] body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(method + " " + path, response);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer: status, headers, body. {@link #expect(int)} fails with the body in the message. */
    public record Reply(String call, HttpResponse<byte[]> response) {

        public int status() {
            return response.statusCode();
        }

        public String text() {
            return new String(response.body(), StandardCharsets.UTF_8);
        }

        public byte[] bytes() {
            return response.body();
        }

        public JsonNode json() {
            return parse(text());
        }

        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        public Reply expect(int status) {
            if (status() != status) {
                throw new AssertionError(call + ": expected " + status + " but got " + status() + ": " + text());
            }
            return this;
        }

        /** The answer's JSON after checking its status. */
        public JsonNode json(int status) {
            return expect(status).json();
        }
    }

    /** The text values of a JSON array (or of one field of each element). */
    public static List<String> texts(JsonNode array, String... field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(
                field.length == 0 ? item.asText() : item.path(field[0]).asText()));
        return values;
    }
}
