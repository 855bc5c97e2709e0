package org.custodian.systemtests.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class DocumentedFieldsTest {

    static final JsonNode DOCUMENT = Api.parse("""
            {"components": {"schemas": {
              "Page": {"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Pupil"}},
                                                          "nextCursor": {"type": "string"}}},
              "Pupil": {"allOf": [{"$ref": "#/components/schemas/Named"},
                                  {"type": "object", "properties": {"yearGroup": {"type": "integer"},
                                                                    "notes": {"type": "object", "additionalProperties": {"type": "string"}}}}]},
              "Named": {"type": "object", "properties": {"name": {"type": "string"}}},
              "Either": {"oneOf": [{"type": "object", "properties": {"a": {}}}, {"type": "object", "properties": {"b": {}}}]}
            }}}""");

    final DocumentedFields fields = new DocumentedFields(DOCUMENT);

    @Test
    void documentedAnswersPassThroughRefsAllOfArraysAndMaps() {
        JsonNode page = Api.parse("""
                {"items": [{"name": "Ada", "yearGroup": 5, "notes": {"any": "thing"}}], "nextCursor": null}""");
        assertThat(fields.undocumented(page, Api.parse("{\"$ref\": \"#/components/schemas/Page\"}")))
                .isEmpty();
        assertThat(fields.undocumented(
                        Api.parse("{\"b\": 1}"), Api.parse("{\"$ref\": \"#/components/schemas/Either\"}")))
                .isEmpty();
    }

    @Test
    void anUndocumentedPropertyIsNamedWithItsPath() {
        JsonNode page = Api.parse("""
                {"items": [{"name": "Ada"}, {"name": "Bo", "passwordHash": "x", "notes": {}}], "internalVersion": 3}""");
        assertThat(fields.undocumented(page, Api.parse("{\"$ref\": \"#/components/schemas/Page\"}")))
                .containsExactlyInAnyOrder("items[1].passwordHash", "internalVersion");
        assertThat(fields.undocumented(
                        Api.parse("{\"a\": 1, \"c\": 2}"), Api.parse("{\"$ref\": \"#/components/schemas/Either\"}")))
                .containsExactly("c");
    }
}
