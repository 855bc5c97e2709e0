package org.custodian.consent.changes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import org.custodian.platform.pagination.ListCursors;
import org.custodian.platform.problems.ProblemException;
import org.custodian.platform.problems.Problems;

/** Reading the MIS changes feed. */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class ChangesService {

    public static final int DEFAULT_LIMIT = 100;

    private final ChangeQueries queries;

    public ChangesService(ChangeQueries queries) {
        this.queries = queries;
    }

    /**
     * The school's changes after the cursor {@code since} (from the first without one), oldest first, and the cursor
     * to read on from: after the last item, or the same position when nothing is new. A cursor is the school and the
     * position sealed for this list; one of another school, or not issued by this service, is a 400 naming
     * {@code since}.
     */
    public ChangesPage read(String urn, String since, int limit, ListCursors cursors) {
        long after = since == null || since.isEmpty() ? 0 : positionOf(urn, since, cursors);
        List<ChangeQueries.Stored> rows = queries.after(urn, after, limit + 1);
        boolean more = rows.size() > limit;
        List<ChangeQueries.Stored> page = more ? rows.subList(0, limit) : rows;
        long last = page.isEmpty() ? after : page.get(page.size() - 1).seq();
        return new ChangesPage(
                page.stream().map(ChangeQueries.Stored::change).toList(),
                cursors.issue(List.of(urn, Long.toString(last))),
                more);
    }

    private static long positionOf(String urn, String since, ListCursors cursors) {
        List<String> position;
        try {
            position = cursors.open(since);
        } catch (ProblemException notOurs) {
            throw refused();
        }
        if (position.size() != 2 || !position.get(0).equals(urn)) {
            throw refused();
        }
        try {
            long seq = Long.parseLong(position.get(1));
            if (seq < 0) {
                throw refused();
            }
            return seq;
        } catch (NumberFormatException e) {
            throw refused();
        }
    }

    /** The same 400 for every cursor that is not one this service issued for this school's feed. */
    private static ProblemException refused() {
        return Problems.invalid("since", "not a cursor this service issued for this school's changes");
    }
}
