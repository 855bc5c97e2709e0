package org.custodian.testing;

import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Request bodies sent without a length ({@code Transfer-Encoding: chunked}), which REST Assured does not make: JSON
 * that never ends, or a multipart upload of one large file.
 */
public final class ChunkedBodies {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final String BOUNDARY = "custodian-chunked-body";

    private ChunkedBodies() {}

    /** Sends {@code size} bytes of a body of {@code mediaType} to {@code path}, chunked. */
    public static HttpResponse<String> send(
            String method, String path, String authorization, String mediaType, long size) throws Exception {
        String contentType = mediaType;
        byte[] head;
        byte[] tail;
        if (mediaType.startsWith("multipart/")) {
            contentType = mediaType + "; boundary=" + BOUNDARY;
            head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                            + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n")
                    .getBytes(StandardCharsets.US_ASCII);
            tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        } else if (mediaType.contains("json")) {
            head = "{\"filler\":\"".getBytes(StandardCharsets.US_ASCII);
            tail = "\"}".getBytes(StandardCharsets.US_ASCII);
        } else {
            head = new byte[0];
            tail = new byte[0];
        }
        long filler = Math.max(0, size - head.length - tail.length);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .method(
                        method,
                        HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                                new SequenceInputStream(new ByteArrayInputStream(head), new Filler(filler)),
                                new ByteArrayInputStream(tail))));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code remaining} bytes of {@code x}, made as they are read. */
    private static final class Filler extends InputStream {
        private long remaining;

        Filler(long remaining) {
            this.remaining = remaining;
        }

        @Override
        public int read() {
            if (remaining <= 0) {
                return -1;
            }
            remaining--;
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, remaining);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'x');
            remaining -= n;
            return n;
        }
    }
}
