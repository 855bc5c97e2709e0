package org.custodian.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;

/**
 * One school of a test, with no rows of any other test: tokens for each role, requests as a caller, JSON bodies from
 * records or maps, counts of rows to prove what was (not) stored, and the events the service published.
 *
 * <pre>{@code
 * SchoolFixture school = SchoolFixture.newSchool();
 * school.as("mis").body(school.json(Map.of("givenName", "Ada"))).put(school.path("/pupils/P-1")).then().statusCode(201);
 * }</pre>
 */
public class SchoolFixture {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public final String urn;

    protected SchoolFixture(String urn) {
        this.urn = urn;
    }

    /** A school no other test uses (URNs from 200000, clear of the contract's 199999 and 199998). */
    public static SchoolFixture newSchool() {
        return new SchoolFixture(randomUrn());
    }

    public static String randomUrn() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(200_000, 999_999));
    }

    /** {@code /api/v1/schools/{urn}}. */
    public String base() {
        return "/api/v1/schools/" + urn;
    }

    /** A path under the school, e.g. {@code path("/pupils/P-1")}. */
    public String path(String relative) {
        return base() + relative;
    }

    /** An {@code Authorization} header value for a role acting for this school. */
    public String bearer(String role) {
        return TestTokens.bearer(role, urn);
    }

    /** A parent's token: their guardian id is the subject. */
    public String parent(String guardianId) {
        return TestTokens.role("parent").school(urn).subject(guardianId).bearer();
    }

    /** A pupil's own token. */
    public String pupil(String pupilId) {
        return TestTokens.role("pupil").school(urn).subject(pupilId).bearer();
    }

    /** A JSON request with the given {@code Authorization} header value. */
    public RequestSpecification as(String bearerOrRole) {
        String bearer = bearerOrRole.startsWith("Bearer ") ? bearerOrRole : bearer(bearerOrRole);
        return given().header("Authorization", bearer).contentType("application/json");
    }

    /** A record, a map or a list as a JSON body. */
    public static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as JSON: " + body, e);
        }
    }

    /** The single number a {@code SELECT count(*)} (or any one-value query) answers, read directly from the database. */
    public static long count(String sql, Object... params) {
        try (Connection c = PostgresResource.connect();
                PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                q.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads topics of the test broker from their beginning; close it (try-with-resources). */
    public EventWatch events(String... topics) {
        return new EventWatch(new KafkaTestConsumer(topics), urn);
    }

    /** The events of one school on the test broker. */
    public static final class EventWatch implements AutoCloseable {

        private final KafkaTestConsumer consumer;
        private final String urn;

        EventWatch(KafkaTestConsumer consumer, String urn) {
            this.consumer = consumer;
            this.urn = urn;
        }

        /** The first event of this school of {@code type} whose JSON contains every fragment, within {@code timeout}. */
        public Optional<CloudEvent> find(String type, Duration timeout, String... fragments) {
            long deadline = System.nanoTime() + timeout.toNanos();
            do {
                List<ConsumerRecord<String, String>> seen = consumer.drain(Duration.ofMillis(200));
                Optional<CloudEvent> found = seen.stream()
                        .filter(r -> Arrays.stream(fragments).allMatch(r.value()::contains))
                        .map(r -> CloudEventCodec.fromJson(r.value()))
                        .filter(e -> e.type().equals(type) && urn.equals(e.schoolurn()))
                        .findFirst();
                if (found.isPresent()) {
                    return found;
                }
            } while (System.nanoTime() < deadline);
            return Optional.empty();
        }

        /** The event, waiting up to 20 seconds; fails the test if it never comes. */
        public CloudEvent await(String type, String... fragments) {
            Optional<CloudEvent> event = find(type, Duration.ofSeconds(20), fragments);
            assertThat(event)
                    .as("event %s of school %s containing %s", type, urn, Arrays.toString(fragments))
                    .isPresent();
            return event.get();
        }

        /** Every event of this school of {@code type} seen after listening for {@code duration}. */
        public List<CloudEvent> all(String type, Duration duration) {
            return consumer.drain(duration).stream()
                    .map(r -> CloudEventCodec.fromJson(r.value()))
                    .filter(e -> e.type().equals(type) && urn.equals(e.schoolurn()))
                    .toList();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
