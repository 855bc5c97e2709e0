package org.custodian.platform.pagination;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: {@code { "items": [...], "nextCursor": "..." }}; {@code nextCursor} is null on the last page. */
public record Page<T>(
        List<T> items,

        @Schema(nullable = true, description = "The cursor of the next page; null on the last page.")
        String nextCursor) {

    /**
     * Builds a page from rows fetched with {@link PageRequest#fetchSize()}: the extra row, if any, is dropped and
     * tells that another page follows, positioned after the last item kept.
     */
    public static <T> Page<T> fromRows(List<T> rows, PageRequest request, Function<T, List<String>> positionOf) {
        if (rows.size() <= request.limit()) {
            return new Page<>(List.copyOf(rows), null);
        }
        List<T> items = List.copyOf(rows.subList(0, request.limit()));
        return new Page<>(items, request.cursorAfter(positionOf.apply(items.get(items.size() - 1))));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
