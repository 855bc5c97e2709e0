package org.custodian.sar.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.custodian.platform.export.SubjectExport;
import org.custodian.platform.security.ServiceTokens;
import org.custodian.sar.config.SarConfig;
import org.jboss.logging.Logger;

/**
 * Asks consent-, sharing- and retention-service for their per-subject export of one child
 * ({@code GET /internal/v1/schools/{urn}/subjects/{pupilId}}), directly (never through the gateway), with a service
 * token, all at once, each within its timeout, naming the request's requester. A source that does not answer is
 * reported as missing, with why.
 */
@ApplicationScoped
public class Sources {

    private static final Logger LOG = Logger.getLogger(Sources.class);
    public static final List<String> NAMES = List.of("consent", "sharing", "retention");

    /** What one source answered: its export, or why it is missing. */
    public record Answer(String source, SubjectExport export, String error, long millis) {
        public boolean present() {
            return export != null;
        }
    }

    private final Map<String, URI> baseUrls = new LinkedHashMap<>();
    private final Duration timeout;
    private final ServiceTokens tokens;
    private final ObjectMapper mapper;
    private final HttpClient client;

    @Inject
    public Sources(SarConfig config, ServiceTokens tokens, ObjectMapper mapper) {
        baseUrls.put("consent", config.sources().consent().url());
        baseUrls.put("sharing", config.sources().sharing().url());
        baseUrls.put("retention", config.sources().retention().url());
        this.timeout = config.sources().timeout();
        this.tokens = tokens;
        this.mapper = mapper;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Every source's answer about one child, in the order of {@link #NAMES}, for the request's requester: each export
     * is told who asks, so that it carries only the requester's own contact data.
     */
    public List<Answer> exportsOf(String urn, String pupilId, SubjectExport.Requester requester) {
        String authorization = tokens.authorizationFor(urn);
        List<CompletableFuture<Answer>> calls = NAMES.stream()
                .map(name -> call(name, urn, pupilId, requester, authorization))
                .toList();
        return calls.stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<Answer> call(
            String name, String urn, String pupilId, SubjectExport.Requester requester, String authorization) {
        URI uri = baseUrls.get(name)
                .resolve(SubjectExport.PATH
                                .replace("{urn}", urn)
                                .replace(
                                        "{pupilId}",
                                        URLEncoder.encode(pupilId, StandardCharsets.UTF_8)
                                                .replace("+", "%20"))
                        + "?" + requester.query());
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .GET()
                .build();
        long start = System.nanoTime();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> answer(name, response, start))
                .exceptionally(e -> {
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    String why = cause instanceof HttpTimeoutException
                            ? "no answer within " + timeout.toMillis() + " ms"
                            : cause instanceof IOException
                                    ? "not reachable (" + cause.getClass().getSimpleName()
                                            + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")"
                                    : cause.toString();
                    LOG.warnf("subject export from %s for school %s: %s", name, urn, why);
                    return new Answer(name, null, why, millisSince(start));
                });
    }

    private Answer answer(String name, HttpResponse<byte[]> response, long start) {
        if (response.statusCode() != 200) {
            return new Answer(name, null, "answered HTTP " + response.statusCode(), millisSince(start));
        }
        try {
            JsonNode body = mapper.readTree(response.body());
            SubjectExport export = new SubjectExport(
                    text(body, "service", name + "-service"),
                    text(body, "schoolUrn", null),
                    text(body, "pupilId", null),
                    body.hasNonNull("generatedAt")
                            ? java.time.Instant.parse(body.get("generatedAt").asText())
                            : null,
                    text(body, "summary", null),
                    body.get("data"));
            return new Answer(name, export, null, millisSince(start));
        } catch (IOException | RuntimeException e) {
            return new Answer(
                    name,
                    null,
                    "answered something that is not a subject export (" + e.getMessage() + ")",
                    millisSince(start));
        }
    }

    private static String text(JsonNode body, String field, String fallback) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
