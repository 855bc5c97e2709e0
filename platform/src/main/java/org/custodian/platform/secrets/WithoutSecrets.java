package org.custodian.platform.secrets;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Serialises an answer to JSON without its {@link Secret} fields, at any depth, and says which it left out (by
 * property name).
 */
public final class WithoutSecrets {

    /** The JSON written, and the names of the properties left out (empty when none). */
    public record Json(String json, Set<String> omitted) {}

    private static final ThreadLocal<Set<String>> OMITTED = new ThreadLocal<>();

    private final ObjectMapper mapper;

    public WithoutSecrets(ObjectMapper mapper) {
        this.mapper = mapper.copy().registerModule(new SimpleModule("custodian-without-secrets") {
            {
                setSerializerModifier(new BeanSerializerModifier() {
                    @Override
                    public List<BeanPropertyWriter> changeProperties(
                            SerializationConfig config, BeanDescription description, List<BeanPropertyWriter> writers) {
                        List<BeanPropertyWriter> changed = new ArrayList<>(writers.size());
                        for (BeanPropertyWriter writer : writers) {
                            changed.add(isSecret(writer) ? new Omitted(writer) : writer);
                        }
                        return changed;
                    }
                });
            }
        });
    }

    /** {@code value} as JSON, without its secrets. */
    public Json write(Object value) throws JsonProcessingException {
        Set<String> omitted = new TreeSet<>();
        OMITTED.set(omitted);
        try {
            return new Json(mapper.writeValueAsString(value), omitted);
        } finally {
            OMITTED.remove();
        }
    }

    static boolean isSecret(BeanPropertyWriter writer) {
        return writer.getAnnotation(Secret.class) != null || writer.getContextAnnotation(Secret.class) != null;
    }

    /** Writes nothing, and notes the property's name. */
    private static final class Omitted extends BeanPropertyWriter {

        Omitted(BeanPropertyWriter base) {
            super(base);
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator generator, SerializerProvider provider) {
            note();
        }

        @Override
        public void serializeAsElement(Object bean, JsonGenerator generator, SerializerProvider provider)
                throws Exception {
            note();
            generator.writeNull();
        }

        private void note() {
            Set<String> omitted = OMITTED.get();
            if (omitted != null) {
                omitted.add(getName());
            }
        }
    }
}
