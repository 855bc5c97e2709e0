package org.custodian.accountability.notice;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.custodian.platform.jdbc.Jdbc;

/**
 * Since when each school's published notice has been outdated, so that {@code notice.outdated} is sent once when it
 * becomes so (the differences themselves are worked out afresh from the facts whenever they are asked for).
 */
@ApplicationScoped
public class DriftQueries {

    /** The outdated state recorded for the school's published version. */
    public record Recorded(int published, Instant outdatedSince) {}

    private static final String RECORDED =
            "SELECT published, outdated_since FROM notice_status WHERE school_urn = ? FOR UPDATE";

    private static final String RECORD = """
            INSERT INTO notice_status (school_urn, published, outdated_since, checked_at)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (school_urn) DO UPDATE SET published = EXCLUDED.published,
                outdated_since = EXCLUDED.outdated_since, checked_at = EXCLUDED.checked_at
            """;

    private final Jdbc jdbc;

    DriftQueries(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Recorded> recorded(String urn) {
        return jdbc.one(
                RECORDED, row -> new Recorded(row.getInt("published"), Jdbc.instant(row, "outdated_since")), urn);
    }

    void record(String urn, int published, Instant outdatedSince, Instant at) {
        jdbc.update(RECORD, urn, published, outdatedSince, at);
    }
}
