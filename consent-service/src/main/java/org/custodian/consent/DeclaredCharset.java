package org.custodian.consent;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import org.custodian.platform.problems.ProblemException;
import org.custodian.platform.problems.Problems;

/**
 * Honours the charset a JSON request declares ({@code Content-Type: application/json; charset=ISO-8859-1}): the body
 * is decoded with it and handed on as UTF-8, which is all the JSON reader understands (it detects only the Unicode
 * encodings from the bytes and would otherwise misread or refuse other ones). A charset Java does not know is a 415;
 * bodies are at most 8 MB, read whole.
 */
@Provider
public class DeclaredCharset implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        String declared = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (declared != null && isJson(type)) {
            Charset charset = charset(declared);
            if (!StandardCharsets.UTF_8.equals(charset)) {
                byte[] body = context.getInputStream().readAllBytes();
                context.setInputStream(
                        new ByteArrayInputStream(new String(body, charset).getBytes(StandardCharsets.UTF_8)));
            }
        }
        return context.proceed();
    }

    private static boolean isJson(MediaType type) {
        return "application".equalsIgnoreCase(type.getType())
                && ("json".equalsIgnoreCase(type.getSubtype())
                        || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
    }

    private static Charset charset(String declared) {
        String name = declared.strip();
        if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1);
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ProblemException(Problems.forStatus(
                    415, "charset '" + name + "' is not one this service can decode: send UTF-8 (or declare none)"));
        }
    }
}
