package org.custodian.systemtests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A partner's webhook endpoint, as a partner's engineer would write it on day one: a real HTTP server on this machine
 * that verifies each Standard Webhooks 1.0 signature with the secret it was given, rejects stale timestamps, and
 * de-duplicates on {@code webhook-id}. Every request is kept, so that a story can say what arrived, how often and
 * whether it verified. The answer it gives can be switched (e.g. 503 for a while).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived, and what this receiver answered. */
    public record Received(
            String id, String timestamp, String signatures, String body, Instant at, int answered, boolean verified) {
        public JsonNode json() {
            return Api.parse(body);
        }

        public String type() {
            return json().path("type").asText();
        }

        public JsonNode data() {
            return json().path("data");
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Received> processed = new LinkedHashMap<>();
    private volatile String secret;
    private volatile Function<String, Answer> answer = id -> Answer.status(204);

    /**
     * How the partner answers one request: a status after {@code delayMillis} (a partner that hangs holds the request
     * that long, longer than the sender waits), with a {@code Location} header when {@code location} is set.
     */
    public record Answer(int status, long delayMillis, String location) {
        public static Answer status(int status) {
            return new Answer(status, 0, null);
        }

        /** Holds the request for {@code millis}, then answers 504 (the partner's own proxy gave up). */
        public static Answer hang(long millis) {
            return new Answer(504, millis, null);
        }

        public static Answer redirect(String location) {
            return new Answer(302, 0, location);
        }
    }

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        // cached: a partner that hangs holds a thread per request it holds
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** The URL to register (plain http on loopback: the local stack allows private addresses). */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/custodian";
    }

    /** The {@code whsec_} secret shown once when the endpoint was registered. */
    public WebhookReceiver trust(String secret) {
        this.secret = secret;
        return this;
    }

    /** What to answer a delivery, by its {@code webhook-id}: 2xx accepts it, anything else asks for a retry. */
    public WebhookReceiver answer(Function<String, Integer> answer) {
        this.answer = id -> Answer.status(answer.apply(id));
        return this;
    }

    /** What to answer a delivery, by its {@code webhook-id}, with a delay or a redirect as well as a status. */
    public WebhookReceiver answerWith(Function<String, Answer> answer) {
        this.answer = answer;
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String body = new String(raw, StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            boolean verified = secret != null && verify(secret, id, timestamp, body, signatures, Instant.now());
            Answer answered = verified ? answer.apply(id) : Answer.status(401);
            if (answered.delayMillis() > 0) {
                Effects.sleep(answered.delayMillis());
            }
            int status = answered.status();
            received.add(new Received(id, timestamp, signatures, body, Instant.now(), status, verified));
            if (status / 100 == 2) {
                synchronized (processed) {
                    processed.putIfAbsent(id, received.get(received.size() - 1));
                }
            }
            if (status == 503 || status == 429) {
                exchange.getResponseHeaders().add("Retry-After", "1");
            }
            if (answered.location() != null) {
                exchange.getResponseHeaders().add("Location", answered.location());
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    /**
     * Standard Webhooks 1.0: {@code v1,} + base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")), the key being the
     * base64 after {@code whsec_}; any of the space-separated signatures may match; at most 5 minutes off.
     */
    public static boolean verify(
            String secret, String id, String timestamp, String body, String signatures, Instant now) {
        if (secret == null || id == null || timestamp == null || signatures == null || !secret.startsWith("whsec_")) {
            return false;
        }
        try {
            if (Math.abs(now.getEpochSecond() - Long.parseLong(timestamp)) > 300) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String signature : signatures.split(" ")) {
                if (signature.startsWith("v1,")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /** Every request that arrived, in order (retries included). */
    public List<Received> all() {
        return List.copyOf(received);
    }

    /** The messages accepted once each: the first 2xx-answered delivery of each {@code webhook-id}. */
    public List<Received> processed() {
        synchronized (processed) {
            return new ArrayList<>(processed.values());
        }
    }

    /** Accepted messages of one partner type. */
    public List<Received> processed(String type) {
        return processed().stream().filter(r -> r.type().equals(type)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
