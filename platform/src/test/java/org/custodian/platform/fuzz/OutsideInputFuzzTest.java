package org.custodian.platform.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.InvalidEventException;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.problems.ProblemException;

/**
 * Coverage-guided fuzzing (Jazzer) of the kernel's parsers that read what callers send: cursors and limits, and
 * CloudEvents from Kafka. The only acceptable failures are the ones the code means (a 400 problem, an invalid event).
 * Runs its seeds in every build; {@code JAZZER_FUZZ=1 ../mvnw test -Dtest=OutsideInputFuzzTest} fuzzes for real.
 */
class OutsideInputFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void pageRequestsEitherParseOrAreA400(FuzzedDataProvider data) {
        String limit = data.consumeString(12);
        String cursor = data.consumeRemainingAsString();
        try {
            PageRequest request = PageRequest.of(limit, cursor);
            assertThat(request.limit()).isBetween(1, PageRequest.MAX_LIMIT);
            if (!request.isFirst()) {
                assertThat(PageRequest.encode(request.after()))
                        .as("a cursor that parses re-encodes")
                        .isNotEmpty();
            }
        } catch (ProblemException e) {
            assertThat(e.problem().status()).isEqualTo(400);
        }
    }

    @FuzzTest(maxDuration = "20s")
    void cursorsRoundTrip(FuzzedDataProvider data) {
        List<String> position = List.of(data.consumeString(50), data.consumeRemainingAsString());
        assertThat(PageRequest.of(null, PageRequest.encode(position)).after()).isEqualTo(position);
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
