package org.custodian.sar.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A request's resolution as the JSON its column holds (ISO dates, as the service always wrote it). */
@Converter
public class ResolutionJson implements AttributeConverter<Resolution, String> {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Override
    public String convertToDatabaseColumn(Resolution resolution) {
        try {
            return JSON.writeValueAsString(resolution == null ? Resolution.NONE : resolution);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a resolution", e);
        }
    }

    @Override
    public Resolution convertToEntityAttribute(String json) {
        try {
            return json == null ? Resolution.NONE : JSON.readValue(json, Resolution.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a stored resolution", e);
        }
    }
}
