package org.custodian.platform.security;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a token's {@code schools} claim holds, reading it never fails and yields only strings (Jazzer). */
class SchoolsClaimFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void anyClaimReadsAsASetOfStrings(FuzzedDataProvider data) {
        JsonValue claim;
        try (var reader = Json.createReader(new StringReader(data.consumeRemainingAsString()))) {
            claim = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            return; // not JSON: a token with it would not have verified
        }
        Set<String> schools = Caller.schoolsIn(claim);
        assertThat(schools).doesNotContainNull();
    }
}
