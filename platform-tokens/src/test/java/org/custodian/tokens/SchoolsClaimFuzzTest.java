package org.custodian.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;
import java.util.Set;

/**
 * Whatever a token's {@code schools} claim holds, reading it never fails, and it grants schools only when it is an
 * array of strings, exactly those strings (Jazzer).
 */
class SchoolsClaimFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void anyClaimIsAnArrayOfStringsOrRefused(FuzzedDataProvider data) {
        JsonValue claim;
        try (var reader = Json.createReader(new StringReader(data.consumeRemainingAsString()))) {
            claim = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            return; // not JSON: a token with it would not have verified
        }
        Optional<Set<String>> schools = SchoolsClaim.parse(claim);
        boolean arrayOfStrings =
                claim instanceof JsonArray array && array.stream().allMatch(JsonString.class::isInstance);
        assertThat(schools.isPresent()).isEqualTo(arrayOfStrings);
        schools.ifPresent(urns -> assertThat(urns)
                .doesNotContainNull()
                .containsExactlyInAnyOrderElementsOf(((JsonArray) claim).getValuesAs(JsonString::getString)));
    }
}
