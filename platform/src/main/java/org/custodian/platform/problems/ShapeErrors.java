package org.custodian.platform.problems;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.custodian.platform.problems.Problem.FieldError;

/**
 * Reads a batch body into its type with every value of the wrong shape reported, not only the first: a date that is
 * not a date, a number that is a word, an object where a string belongs, an unknown property. Each such value is read
 * as absent and listed with its path ({@code pupils[2].dateOfBirth}), so that the caller can report them together with
 * its own checks of the rest (issue 17: every problem of a batch at once). A caller that gets errors back must refuse
 * the whole body: the value it holds is incomplete.
 */
public final class ShapeErrors {

    /** The value read, with the wrong-shaped values absent, and what was wrong with each. */
    public record Read<T>(T value, List<FieldError> errors) {}

    private ShapeErrors() {}

    /** The services' mappers, each with strings for numbers and booleans passed to the handler instead of thrown. */
    private static final Map<ObjectMapper, ObjectMapper> READERS = Collections.synchronizedMap(new WeakHashMap<>());

    /** Throws what Jackson throws for a problem no value can stand in for (a record refusing its own values). */
    public static <T> Read<T> read(ObjectMapper mapper, JsonNode body, Class<T> type) throws JsonProcessingException {
        Collecting collecting = new Collecting();
        ObjectMapper reader = READERS.computeIfAbsent(mapper, ShapeErrors::collectingScalars);
        try {
            T value = reader.readerFor(type).withHandler(collecting).readValue(reader.treeAsTokens(body));
            return new Read<>(value, List.copyOf(collecting.errors));
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a tree in memory has no input to fail
        }
    }

    /**
     * A copy of {@code mapper} on which a string where a number or boolean belongs goes to the problem handler: the
     * mapper refuses that coercion (InputLimits) by throwing, which would end the read at the first one.
     */
    private static ObjectMapper collectingScalars(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("custodian-shape-errors");
        add(module, Integer.class);
        add(module, Long.class);
        add(module, Double.class);
        add(module, BigDecimal.class);
        add(module, Boolean.class);
        return mapper.copy().registerModule(module);
    }

    private static <T> void add(SimpleModule module, Class<T> type) {
        @SuppressWarnings("unchecked")
        JsonDeserializer<T> standard = (JsonDeserializer<T>)
                (type == Boolean.class
                        ? NumberDeserializers.find(Boolean.class, Boolean.class.getName())
                        : NumberDeserializers.find(type, type.getName()));
        module.addDeserializer(type, new StdScalarDeserializer<T>(type) {
            @Override
            @SuppressWarnings("unchecked")
            public T deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
                if (parser.hasToken(JsonToken.VALUE_STRING)) {
                    return (T) ctxt.handleWeirdStringValue(type, parser.getText(), "a string is not a %s", type);
                }
                return standard.deserialize(parser, ctxt);
            }
        });
    }

    /** Where the parser is, as the problem's field names it: {@code guardians[3].email}. */
    static String path(JsonParser parser) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.addFirst("." + c.getCurrentName());
            } else if (c.inArray()) {
                parts.addFirst("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static final class Collecting extends DeserializationProblemHandler {

        private final List<FieldError> errors = new ArrayList<>();

        @Override
        public Object handleWeirdStringValue(
                DeserializationContext ctxt, Class<?> target, String value, String failureMsg) {
            return absent(ctxt.getParser(), target, ProblemMappers.notValid(value, target));
        }

        @Override
        public Object handleWeirdNumberValue(
                DeserializationContext ctxt, Class<?> target, Number value, String failureMsg) {
            return absent(ctxt.getParser(), target, ProblemMappers.notValid(value, target));
        }

        @Override
        public Object handleUnexpectedToken(
                DeserializationContext ctxt, JavaType target, JsonToken token, JsonParser parser, String failureMsg)
                throws IOException {
            if (target.isPrimitive() || token == null) {
                return NOT_HANDLED;
            }
            errors.add(new FieldError(path(parser), "expected " + ProblemMappers.describe(target.getRawClass())));
            parser.skipChildren();
            return null;
        }

        @Override
        public Object handleMissingInstantiator(
                DeserializationContext ctxt,
                Class<?> target,
                ValueInstantiator instantiator,
                JsonParser parser,
                String failureMsg)
                throws IOException {
            errors.add(new FieldError(path(parser), "expected " + ProblemMappers.describe(target)));
            parser.skipChildren();
            return null;
        }

        @Override
        public boolean handleUnknownProperty(
                DeserializationContext ctxt,
                JsonParser parser,
                JsonDeserializer<?> deserializer,
                Object beanOrClass,
                String propertyName)
                throws IOException {
            errors.add(new FieldError(path(parser), "unknown property '" + propertyName + "'"));
            parser.skipChildren();
            return true;
        }

        private Object absent(JsonParser parser, Class<?> target, String message) {
            if (target.isPrimitive()) {
                return NOT_HANDLED;
            }
            errors.add(new FieldError(path(parser), message));
            return null;
        }
    }
}
