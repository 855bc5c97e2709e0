package org.custodian.platform.problems;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import org.custodian.platform.problems.Problem.FieldError;
import org.junit.jupiter.api.Test;

/** Worked examples: every wrong-shaped value of a batch, with its path, in one pass. */
class ShapeErrorsTest {

    enum Kind {
        PARENT,
        CARER
    }

    record Row(String id, LocalDate born, Integer year, Kind kind, List<String> tags, Boolean carer) {}

    record Batch(List<Row> rows, String note) {}

    private static final ObjectMapper MAPPER = mapper();

    /** As the services' mappers are: no coercion of "5" to a number (InputLimits). */
    private static ObjectMapper mapper() {
        ObjectMapper mapper =
                JsonMapper.builder().addModule(new JavaTimeModule()).build();
        org.custodian.platform.http.InputLimits.refuseCoercion(mapper);
        return mapper;
    }

    private static ShapeErrors.Read<Batch> read(String json) throws Exception {
        return ShapeErrors.read(MAPPER, MAPPER.readTree(json), Batch.class);
    }

    @Test
    void aWellFormedBatchReadsWhole() throws Exception {
        ShapeErrors.Read<Batch> read = read("""
                {"rows":[{"id":"a","born":"2017-11-06","year":4,"kind":"PARENT","tags":["x"],"carer":true}],"note":"n"}""");
        assertThat(read.errors()).isEmpty();
        assertThat(read.value().rows().get(0).born()).isEqualTo(LocalDate.of(2017, 11, 6));
        assertThat(read.value().rows().get(0).year()).isEqualTo(4);
        assertThat(read.value().rows().get(0).carer()).isTrue();
    }

    @Test
    void everyWrongShapeInEveryRowIsListedWithItsPath() throws Exception {
        ShapeErrors.Read<Batch> read = read("""
                {"rows":[
                  {"id":"a","born":"2017-11-06","year":4,"carer":"yes"},
                  {"id":"b","born":"06/11/2017","year":"four","kind":"AUNT"},
                  {"id":"c","born":{"y":2017},"year":4,"colour":"red","tags":"x"}],
                 "note":"n"}""");
        assertThat(read.errors())
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder(
                        "rows[0].carer",
                        "rows[1].born",
                        "rows[1].year",
                        "rows[1].kind",
                        "rows[2].born",
                        "rows[2].colour",
                        "rows[2].tags");
        java.util.Map<String, String> messages = read.errors().stream()
                .collect(java.util.stream.Collectors.toMap(FieldError::field, FieldError::message));
        assertThat(messages)
                .containsEntry("rows[0].carer", "expected boolean, not a string")
                .containsEntry("rows[1].born", "'06/11/2017' is not a valid date (YYYY-MM-DD)")
                .containsEntry("rows[1].year", "expected number, not a string")
                .containsEntry("rows[1].kind", "'AUNT' is not one of PARENT, CARER")
                .containsEntry("rows[2].born", "expected date (YYYY-MM-DD)")
                .containsEntry("rows[2].colour", "unknown property 'colour'")
                .containsEntry("rows[2].tags", "expected array");
        // the wrong values are read as absent, the rest as sent: the caller refuses the whole body
        assertThat(read.value().rows()).hasSize(3);
        assertThat(read.value().rows().get(1).born()).isNull();
        assertThat(read.value().rows().get(1).id()).isEqualTo("b");
        assertThat(read.value().rows().get(2).year()).isEqualTo(4);
    }
}
