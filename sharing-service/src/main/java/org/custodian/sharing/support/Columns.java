package org.custodian.sharing.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Rows turned into one array per column, for multi-row statements that {@code unnest(?::text[], …)} them. */
public final class Columns {

    private Columns() {}

    public static <T> List<String> of(List<T> rows, Function<T, String> value) {
        List<String> values = new ArrayList<>(rows.size());
        for (T row : rows) {
            values.add(value.apply(row));
        }
        return values;
    }
}
