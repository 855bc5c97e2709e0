package org.custodian.sar.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.custodian.platform.security.ServiceTokens;
import org.custodian.sar.config.SarConfig;
import org.jboss.logging.Logger;

/**
 * Asks accountability-service for the school's published privacy notice
 * ({@code GET /internal/v1/schools/{urn}/privacy-notice}), directly (never through the gateway), with a service token,
 * within the sources' timeout, each time an answer is made (never cached: a version published a moment ago is the one
 * the next answer relies on). Never fails: a school that has published nothing (404), an error, no answer in time or
 * something that is not a notice gives the {@link StatutoryMinimum} with the reason.
 */
@ApplicationScoped
public class PrivacyNotices {

    private static final Logger LOG = Logger.getLogger(PrivacyNotices.class);
    public static final String PATH = "/internal/v1/schools/{urn}/privacy-notice";

    private final URI baseUrl;
    private final Duration timeout;
    private final ServiceTokens tokens;
    private final ObjectMapper mapper;
    private final HttpClient client;

    @Inject
    public PrivacyNotices(SarConfig config, ServiceTokens tokens, ObjectMapper mapper) {
        this.baseUrl = config.sources().accountability().url();
        this.timeout = config.sources().timeout();
        this.tokens = tokens;
        this.mapper = mapper;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The school's published notice now, or the statutory minimum and why. */
    public SchoolNotice current(String urn) {
        return ask(urn).join();
    }

    /** The same, asked without waiting (the response bundle asks it beside the subject exports). */
    public CompletableFuture<SchoolNotice> ask(String urn) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(baseUrl.resolve(PATH.replace("{urn}", urn)))
                    .timeout(timeout)
                    .header("Authorization", tokens.authorizationFor(urn))
                    .header("Accept", "application/json")
                    .GET()
                    .build();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(unavailable(urn, "it could not be asked for (" + e + ")"));
        }
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> answer(urn, response))
                .exceptionally(e -> {
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    return unavailable(
                            urn,
                            cause instanceof HttpTimeoutException
                                    ? "accountability-service gave no answer within " + timeout.toMillis() + " ms"
                                    : cause instanceof IOException
                                            ? "accountability-service is not reachable ("
                                                    + cause.getClass().getSimpleName()
                                                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
                                                    + ")"
                                            : "accountability-service could not be asked (" + cause + ")");
                });
    }

    private SchoolNotice answer(String urn, HttpResponse<byte[]> response) {
        if (response.statusCode() == 404) {
            LOG.infof("school %s has published no privacy notice: the statutory minimum is used", urn);
            return SchoolNotice.statutoryMinimum(
                    "the school has published no privacy notice (accountability-service answered 404)");
        }
        if (response.statusCode() != 200) {
            return unavailable(urn, "accountability-service answered HTTP " + response.statusCode());
        }
        try {
            JsonNode body = mapper.readTree(response.body());
            JsonNode content = body == null ? null : body.get("content");
            if (body == null
                    || !body.path("version").canConvertToInt()
                    || body.path("version").asInt() < 1
                    || content == null
                    || !content.isObject()) {
                return unavailable(
                        urn, "accountability-service answered something that is not a privacy notice version");
            }
            NoticeUsed used = new NoticeUsed(
                    body.path("version").asInt(),
                    body.hasNonNull("hash") ? body.get("hash").asText() : null,
                    body.hasNonNull("publishedAt")
                            ? Instant.parse(body.get("publishedAt").asText())
                            : null);
            return SchoolNotice.published(used, content);
        } catch (IOException | RuntimeException e) {
            return unavailable(
                    urn,
                    "accountability-service answered something that is not a privacy notice (" + e.getMessage() + ")");
        }
    }

    private static SchoolNotice unavailable(String urn, String why) {
        LOG.warnf("privacy notice of school %s: %s; the statutory minimum is used", urn, why);
        return SchoolNotice.statutoryMinimum(why);
    }
}
