package org.custodian.platform.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.custodian.platform.problems.Problems;

import java.io.IOException;

/**
 * PostgreSQL cannot hold the NUL character in text, so a NUL anywhere in a request would end in a 500 deep inside
 * a query. It is refused at the door instead: in the URL (400) and in any JSON string (400 naming the field).
 */
@ApplicationScoped
public class NulCharacters implements ObjectMapperCustomizer {

    void register(@Observes Filters filters) {
        filters.register(NulCharacters::check, 950);
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
        mapper.registerModule(new SimpleModule("custodian-no-nul").addDeserializer(String.class, new NoNulStrings()));
    }

    static final class NoNulStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw InvalidFormatException.from(parser, "contains a NUL character", value, String.class);
            }
            return value;
        }
    }
}
