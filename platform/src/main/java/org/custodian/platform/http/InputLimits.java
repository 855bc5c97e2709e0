package org.custodian.platform.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.ArrayType;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.lang.reflect.Array;
import java.util.Collection;
import org.custodian.platform.problems.Problems;

/**
 * What any request may carry, refused at the door with a 400 naming the field rather than found out deep inside:
 * <ul>
 * <li>no NUL character, in the URL or in a JSON string (PostgreSQL cannot hold it in text);</li>
 * <li>no JSON string longer than {@value #MAX_STRING_LENGTH} characters, unless a field documents less;</li>
 * <li>no JSON array of more than {@value #MAX_ITEMS} items, unless a field documents fewer;</li>
 * <li>no string, boolean or fraction where a number belongs, and no string or number where a boolean does.</li>
 * </ul>
 * {@link DocumentedLimits} writes the same figures into every OpenAPI schema that does not state its own.
 */
@ApplicationScoped
public class InputLimits implements ObjectMapperCustomizer {

    public static final int MAX_STRING_LENGTH = 10_000;
    public static final int MAX_ITEMS = 10_000;

    /** Why a value was refused: the field's error message, as the problem mapper gives it. */
    public record Refusal(String reason) {
        @Override
        public String toString() {
            return reason;
        }
    }

    void register(@Observes Filters filters) {
        filters.register(InputLimits::check, 950);
    }

    static void check(RoutingContext rc) {
        String uri = rc.request().uri();
        if (uri.contains("%00") || uri.indexOf('\u0000') >= 0) {
            RouteProblems.send(rc, Problems.forStatus(400, "the URL contains a NUL character"));
            return;
        }
        rc.next();
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("custodian-input-limits")
                .addDeserializer(String.class, new LimitedStrings())
                .setDeserializerModifier(new LimitedArrays()));
        refuseCoercion(mapper);
    }

    /**
     * A number is a JSON number and a boolean a JSON boolean: {@code "5"} for a number, {@code 1.5} for a whole
     * number, {@code "true"} or {@code 1} for a boolean are refused with a 400 naming the field instead of being
     * silently converted (issue 16, finding 14).
     */
    public static void refuseCoercion(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    }

    static InvalidFormatException refused(JsonParser parser, String reason, Class<?> type) {
        return InvalidFormatException.from(parser, reason, new Refusal(reason), type);
    }

    static final class LimitedStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw refused(parser, "contains a NUL character", String.class);
            }
            if (value != null && value.length() > MAX_STRING_LENGTH) {
                throw refused(parser, "is longer than " + MAX_STRING_LENGTH + " characters", String.class);
            }
            return value;
        }
    }

    static final class LimitedArrays extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyCollectionDeserializer(
                DeserializationConfig config,
                CollectionType type,
                BeanDescription description,
                JsonDeserializer<?> deserializer) {
            // byte[] arrives as one base64 string, which the string limit does not cover and this must not count
            return type.getContentType().hasRawClass(byte.class) ? deserializer : new Counted(deserializer);
        }

        @Override
        public JsonDeserializer<?> modifyArrayDeserializer(
                DeserializationConfig config,
                ArrayType type,
                BeanDescription description,
                JsonDeserializer<?> deserializer) {
            // byte[] arrives as one base64 string, which the string limit does not cover and this must not count
            return type.getContentType().hasRawClass(byte.class) ? deserializer : new Counted(deserializer);
        }
    }

    static final class Counted extends DelegatingDeserializer {
        Counted(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Counted(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            int size = value instanceof Collection<?> items
                    ? items.size()
                    : value != null && value.getClass().isArray() ? Array.getLength(value) : 0;
            if (size > MAX_ITEMS) {
                throw refused(parser, "has more than " + MAX_ITEMS + " items", value.getClass());
            }
            return value;
        }
    }
}
