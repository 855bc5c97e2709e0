package org.custodian.platform.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.InvalidEventException;
import org.custodian.platform.pagination.CursorKeys;
import org.custodian.platform.pagination.ListCursors;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.problems.ProblemException;

/**
 * Coverage-guided fuzzing (Jazzer) of the kernel's parsers that read what callers send: cursors (forged and tampered
 * with) and limits, and
 * CloudEvents from Kafka. The only acceptable failures are the ones the code means (a 400 problem, an invalid event).
 * Runs its seeds in every build; {@code JAZZER_FUZZ=1 ../mvnw test -Dtest=OutsideInputFuzzTest} fuzzes for real.
 */
class OutsideInputFuzzTest {

    private static final CursorKeys KEYS = CursorKeys.parse("ZnV6emluZyB0aGUgY3Vyc29ycywgdGhpcnR5LXR3byBieXRlcw==");
    private static final ListCursors PUPILS = KEYS.forList("GET /api/v1/schools/{urn}/pupils");
    private static final ListCursors GUARDIANS = KEYS.forList("GET /api/v1/schools/{urn}/guardians");

    @FuzzTest(maxDuration = "20s")
    void pageRequestsEitherParseOrAreA400(FuzzedDataProvider data) {
        String limit = data.consumeString(12);
        String cursor = data.consumeRemainingAsString();
        try {
            PageRequest request = PageRequest.of(limit, cursor, PUPILS);
            assertThat(request.limit()).isBetween(1, PageRequest.MAX_LIMIT);
            assertThat(cursor)
                    .as("only an issued cursor opens, and the fuzzer holds no key")
                    .isEmpty();
        } catch (ProblemException e) {
            assertThat(e.problem().status()).isEqualTo(400);
        }
    }

    @FuzzTest(maxDuration = "20s")
    void cursorsRoundTrip(FuzzedDataProvider data) {
        List<String> position = List.of(data.consumeString(50), data.consumeRemainingAsString());
        if (position.stream().allMatch(OutsideInputFuzzTest::postgresText)) {
            assertThat(PageRequest.of(null, PUPILS.issue(position), PUPILS).after())
                    .isEqualTo(position);
        }
    }

    /**
     * Issue 16, finding 8: an issued cursor with bytes flipped, cut short, grown, a value changed and re-encoded, or
     * taken to another list, is always the same 400, never anything else.
     */
    @FuzzTest(maxDuration = "20s")
    void tamperedCursorsAreTheSame400(FuzzedDataProvider data) {
        String value = data.consumeString(40);
        if (!postgresText(value)) {
            return;
        }
        String issued = PUPILS.issue(List.of(value, Integer.toString(data.consumeInt())));
        byte[] bytes = Base64.getUrlDecoder().decode(issued);
        String tampered = switch (data.consumeInt(0, 4)) {
            case 0 -> {
                int i = data.consumeInt(0, bytes.length - 1);
                bytes[i] ^= (byte) Math.max(1, data.consumeInt(1, 255));
                yield Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            }
            case 1 -> issued.substring(0, data.consumeInt(1, issued.length() - 1));
            case 2 -> issued + data.consumeString(8);
            case 3 -> {
                byte[] payload = data.consumeBytes(64);
                byte[] forged = new byte[payload.length + bytes.length];
                System.arraycopy(payload, 0, forged, 0, payload.length);
                System.arraycopy(bytes, 0, forged, payload.length, bytes.length);
                yield Base64.getUrlEncoder().withoutPadding().encodeToString(forged);
            }
            default -> GUARDIANS.issue(List.of(value));
        };
        if (tampered.equals(issued) || tampered.isEmpty()) {
            return;
        }
        try {
            PageRequest.of(null, tampered, PUPILS);
            throw new AssertionError("a tampered cursor opened: " + tampered);
        } catch (ProblemException e) {
            assertThat(e.problem().status()).isEqualTo(400);
            assertThat(e.problem().errors()).extracting("field").containsExactly("cursor");
        }
    }

    /** What a PostgreSQL text column can hold, so what a list can put in a cursor: no NUL, no unpaired surrogate. */
    private static boolean postgresText(String value) {
        return value.indexOf('\0') < 0 && StandardCharsets.UTF_8.newEncoder().canEncode(value);
    }

    @FuzzTest(maxDuration = "20s")
    void cloudEventsEitherParseOrAreRefusedAsInvalid(FuzzedDataProvider data) {
        String record = data.consumeRemainingAsString();
        try {
            assertThat(CloudEventCodec.fromJson(record).specversion()).isEqualTo("1.0");
        } catch (InvalidEventException expected) {
            // a poison message: the consumer parks it on the dead-letter topic
        }
    }
}
