package org.custodian.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.custodian.platform.http.Locations;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.secrets.Secret;
import org.custodian.platform.secrets.WithoutSecrets;

/**
 * {@code Idempotency-Key} on creating POSTs. The key is claimed in the same transaction as the creation, so a retry
 * with the same key and body gets the first response (and creates nothing), the same key with a different body gets
 * a 409, and two concurrent requests with one key create once. Keys belong to the caller ({@code sub}).
 *
 * <p>The first response is kept (24 h) without its {@link Secret} fields and with its {@code Location} as a public
 * path: a replay answers without them and names them in {@value #OMITTED_HEADER} (issue 16, findings 3 and 9). A
 * secret is shown once, in the first answer, and is never stored in clear here.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** On a replay: the comma-separated names of the secret fields of the first answer that it does not repeat. */
    public static final String OMITTED_HEADER = "Idempotent-Replay-Omitted";

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private static final String CLAIM = """
            INSERT INTO idempotency_key (caller, idem_key, request_hash) VALUES (?, ?, ?)
            ON CONFLICT (caller, idem_key) DO NOTHING
            """;
    private static final String STORE = "UPDATE idempotency_key SET status = ?, response_body = ?, location = ?, "
            + "omitted = ? WHERE caller = ? AND idem_key = ?";
    private static final String FIND = "SELECT request_hash, status, response_body, location, omitted FROM "
            + "idempotency_key WHERE caller = ? AND idem_key = ?";

    private final Jdbc jdbc;
    private final ObjectMapper mapper;
    private final WithoutSecrets withoutSecrets;

    @Inject
    public IdempotencyKeys(Jdbc jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.withoutSecrets = new WithoutSecrets(mapper);
    }

    /**
     * Runs {@code create} once per (caller, key). Without a key it simply runs it.
     *
     * @param request the parsed request body, compared by its JSON form
     * @param operation the method and path, so that one key cannot be replayed against another operation
     */
    @Transactional
    public Response execute(String caller, String key, String operation, Object request, Supplier<Response> create) {
        if (key == null) {
            return create.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw Problems.invalid(HEADER, "1 to 255 visible ASCII characters");
        }
        String requestHash = fingerprint(operation, request);
        if (jdbc.update(CLAIM, caller, key, requestHash) == 1) {
            Response response = create.get();
            store(caller, key, response);
            return response;
        }
        return replay(caller, key, requestHash);
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        purgeOlderThan(Duration.ofHours(24));
    }

    /** Forgets keys older than {@code age}; returns how many. */
    @Transactional
    public int purgeOlderThan(Duration age) {
        return jdbc.update("DELETE FROM idempotency_key WHERE created_at < now() - make_interval(secs => ?)", (double)
                age.toSeconds());
    }

    private void store(String caller, String key, Response response) {
        WithoutSecrets.Json body = response.hasEntity() ? withoutSecrets(response.getEntity()) : null;
        jdbc.update(
                STORE,
                response.getStatus(),
                body == null ? null : body.json(),
                Locations.publicPath(response.getLocation()),
                body == null || body.omitted().isEmpty() ? null : String.join(",", body.omitted()),
                caller,
                key);
    }

    private Response replay(String caller, String key, String requestHash) {
        StoredAnswer stored = jdbc.one(FIND, StoredAnswer::read, caller, key)
                .orElseThrow(() -> Problems.conflict(
                        "the request with this Idempotency-Key is still being processed; retry shortly"));
        if (!stored.requestHash().equals(requestHash)) {
            throw Problems.conflict("this Idempotency-Key was used with a different request; use a new key");
        }
        Response.ResponseBuilder response = Response.status(stored.status()).header(REPLAYED_HEADER, "true");
        if (stored.body() != null) {
            response.entity(stored.body()).type(MediaType.APPLICATION_JSON);
        }
        if (stored.location() != null) {
            response.header(HttpHeaders.LOCATION, Locations.publicPath(stored.location()));
        }
        if (stored.omitted() != null) {
            response.header(OMITTED_HEADER, stored.omitted());
        }
        return response.build();
    }

    /** A stored first answer (a claimed key whose answer is not stored yet has a null status). */
    private record StoredAnswer(String requestHash, int status, String body, String location, String omitted) {
        static StoredAnswer read(ResultSet row) throws SQLException {
            return new StoredAnswer(
                    row.getString("request_hash"),
                    row.getInt("status"),
                    row.getString("response_body"),
                    row.getString("location"),
                    row.getString("omitted"));
        }
    }

    String fingerprint(String operation, Object request) {
        return sha256(operation + "\n" + json(request));
    }

    private WithoutSecrets.Json withoutSecrets(Object value) {
        try {
            return withoutSecrets.write(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private static String sha256(String input) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
