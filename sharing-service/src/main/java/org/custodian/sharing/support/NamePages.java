package org.custodian.sharing.support;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;

/** Keyset pages of rows ordered by name then id, for the lists people read by name (recipients, agreements). */
public final class NamePages {

    private NamePages() {}

    /**
     * One page: {@code sql} selects with its filters already in place; this adds the cursor position, the order and
     * the limit.
     */
    public static <T> Page<T> page(
            Jdbc jdbc,
            StringBuilder sql,
            List<Object> params,
            PageRequest page,
            Jdbc.Row<T> mapper,
            Function<T, String> name,
            Function<T, UUID> id) {
        List<Object> all = new ArrayList<>(params);
        if (!page.isFirst()) {
            sql.append(" AND (name, id) > (?, ?)");
            all.add(page.after(0));
            all.add(page.afterUuid(1));
        }
        sql.append(" ORDER BY name, id LIMIT ?");
        all.add(page.fetchSize());
        return Page.fromRows(
                jdbc.list(sql.toString(), mapper, all.toArray()),
                page,
                row -> List.of(name.apply(row), id.apply(row).toString()));
    }
}
