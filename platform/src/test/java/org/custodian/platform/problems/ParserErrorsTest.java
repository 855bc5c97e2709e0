package org.custodian.platform.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.math.BigDecimal;
import java.util.List;
import org.custodian.platform.http.InputLimits;
import org.junit.jupiter.api.Test;

/** Issue 16, finding 14: no silent coercion, and parser errors in plain words. */
class ParserErrorsTest {

    record Item(int count, Long total, BigDecimal amount, boolean active, Boolean flag) {}

    record Order(List<Item> items) {}

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        new InputLimits().customize(MAPPER);
    }

    private static String refusedField(String json, Class<?> type) {
        try {
            MAPPER.readValue(json, type);
        } catch (MismatchedInputException e) {
            return ProblemMappers.path(e);
        } catch (JsonProcessingException e) {
            throw new AssertionError("expected a refused value, got " + e, e);
        }
        throw new AssertionError(json + " was taken");
    }

    @Test
    void aStringIsNotANumber() {
        assertThat(refusedField("{\"count\":\"5\"}", Item.class)).isEqualTo("count");
        assertThat(refusedField("{\"total\":\"5\"}", Item.class)).isEqualTo("total");
        assertThat(refusedField("{\"amount\":\"5.5\"}", Item.class)).isEqualTo("amount");
        assertThat(refusedField("{\"items\":[{\"count\":\"5\"}]}", Order.class)).isEqualTo("items[0].count");
    }

    @Test
    void aFractionIsNotAWholeNumber() {
        assertThat(refusedField("{\"count\":1.5}", Item.class)).isEqualTo("count");
    }

    @Test
    void aStringOrANumberIsNotABoolean() {
        assertThat(refusedField("{\"active\":\"true\"}", Item.class)).isEqualTo("active");
        assertThat(refusedField("{\"flag\":\"false\"}", Item.class)).isEqualTo("flag");
        assertThat(refusedField("{\"active\":1}", Item.class)).isEqualTo("active");
        assertThat(refusedField("{\"flag\":0}", Item.class)).isEqualTo("flag");
    }

    @Test
    void realNumbersAndBooleansStillArrive() throws Exception {
        Item item =
                MAPPER.readValue("{\"count\":5,\"total\":7,\"amount\":2.5,\"active\":true,\"flag\":false}", Item.class);
        assertThat(item).isEqualTo(new Item(5, 7L, new BigDecimal("2.5"), true, false));
    }

    @Test
    void malformedJsonIsDescribedWithoutTheParsersWords() {
        for (String body : List.of("{", "{\"a\":", "[1,2", "}{", "nul", "{\"a\":1,}", "[".repeat(5000), "\u0000")) {
            assertThatThrownBy(() -> MAPPER.readTree(body))
                    .isInstanceOf(JsonProcessingException.class)
                    .satisfies(e -> {
                        String detail = ProblemMappers.malformed((JsonProcessingException) e);
                        assertThat(detail).startsWith("malformed JSON");
                        assertThat(ProblemMappers.plain(detail)).as(detail).isEqualTo(detail);
                        assertThat(detail).doesNotContain("Source", "REDACTED", "code", "`");
                    });
        }
    }

    @Test
    void messagesThatSpeakOfTheImplementationAreNotShown() {
        assertThat(ProblemMappers.plain("Cannot invoke \"String.length()\" because \"name\" is null"))
                .isNull();
        assertThat(ProblemMappers.plain("Cannot deserialize value of type `java.util.LinkedHashMap`"))
                .isNull();
        assertThat(ProblemMappers.plain("must be after the start date")).isEqualTo("must be after the start date");
    }
}
