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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.custodian.platform.http.Locations;
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

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final WithoutSecrets withoutSecrets;

    @Inject
    public IdempotencyKeys(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
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
        try (Connection connection = dataSource.getConnection()) {
            if (claim(connection, caller, key, requestHash)) {
                Response response = create.get();
                store(connection, caller, key, response);
                return response;
            }
            return replay(connection, caller, key, requestHash);
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency key store failed", e);
        }
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        purgeOlderThan(Duration.ofHours(24));
    }

    /** Forgets keys older than {@code age}; returns how many. */
    @Transactional
    public int purgeOlderThan(Duration age) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement purge =
                        connection.prepareStatement("DELETE FROM idempotency_key WHERE created_at < ?")) {
            purge.setObject(1, OffsetDateTime.now().minus(age));
            return purge.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot purge idempotency keys", e);
        }
    }

    private static boolean claim(Connection connection, String caller, String key, String hash) throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setString(1, caller);
            claim.setString(2, key);
            claim.setString(3, hash);
            return claim.executeUpdate() == 1;
        }
    }

    private void store(Connection connection, String caller, String key, Response response) throws SQLException {
        try (PreparedStatement store = connection.prepareStatement(STORE)) {
            WithoutSecrets.Json body = response.hasEntity() ? withoutSecrets(response.getEntity()) : null;
            store.setInt(1, response.getStatus());
            store.setString(2, body == null ? null : body.json());
            URI location = response.getLocation();
            store.setString(3, Locations.publicPath(location));
            store.setString(4, body == null || body.omitted().isEmpty() ? null : String.join(",", body.omitted()));
            store.setString(5, caller);
            store.setString(6, key);
            store.executeUpdate();
        }
    }

    private static Response replay(Connection connection, String caller, String key, String requestHash)
            throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setString(1, caller);
            find.setString(2, key);
            try (ResultSet row = find.executeQuery()) {
                if (!row.next()) {
                    throw Problems.conflict(
                            "the request with this Idempotency-Key is still being processed; retry shortly");
                }
                if (!row.getString(1).equals(requestHash)) {
                    throw Problems.conflict("this Idempotency-Key was used with a different request; use a new key");
                }
                Response.ResponseBuilder response =
                        Response.status(row.getInt(2)).header(REPLAYED_HEADER, "true");
                String body = row.getString(3);
                if (body != null) {
                    response.entity(body).type(MediaType.APPLICATION_JSON);
                }
                if (row.getString(4) != null) {
                    response.header(HttpHeaders.LOCATION, Locations.publicPath(row.getString(4)));
                }
                if (row.getString(5) != null) {
                    response.header(OMITTED_HEADER, row.getString(5));
                }
                return response.build();
            }
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
