package org.custodian.platform.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL file written with psql variables ({@code :'name'} for a quoted value, {@code :name} for a bare one), so that
 * psql can run the very text the service runs; for JDBC each variable becomes a {@code ?} bound by name.
 */
public final class NamedSql {

    private static final Pattern VARIABLE = Pattern.compile("(?<!:):'?([a-z_]+)'?");

    private final String jdbc;
    private final List<String> names;

    private NamedSql(String jdbc, List<String> names) {
        this.jdbc = jdbc;
        this.names = List.copyOf(names);
    }

    public static NamedSql parse(String text) {
        StringBuilder out = new StringBuilder();
        List<String> names = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.stripLeading().startsWith("--")) {
                continue;
            }
            Matcher m = VARIABLE.matcher(line);
            while (m.find()) {
                names.add(m.group(1));
                m.appendReplacement(out, "?");
            }
            m.appendTail(out);
            out.append('\n');
        }
        return new NamedSql(out.toString(), names);
    }

    public static NamedSql resource(String path) {
        try (InputStream in = NamedSql.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing SQL resource " + path);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbc() {
        return jdbc;
    }

    /** The positional parameters for the given values by name. */
    public Object[] params(Map<String, ?> values) {
        Object[] params = new Object[names.size()];
        for (int i = 0; i < names.size(); i++) {
            if (!values.containsKey(names.get(i))) {
                throw new IllegalArgumentException("no value for :" + names.get(i));
            }
            params[i] = values.get(names.get(i));
        }
        return params;
    }
}
