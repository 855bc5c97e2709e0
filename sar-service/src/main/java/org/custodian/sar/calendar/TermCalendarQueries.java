package org.custodian.sar.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.custodian.platform.jdbc.Jdbc;

/** Persistence of each school's term calendar. */
@ApplicationScoped
public class TermCalendarQueries {

    /** A school's calendar with its version (the ETag) and where it came from. Version 0: never set. */
    public record Stored(
            String schoolUrn,
            long version,
            String source,
            Instant updatedAt,
            String updatedBy,
            TermCalendar calendar) {}

    private final Jdbc sql;

    @Inject
    public TermCalendarQueries(Jdbc sql) {
        this.sql = sql;
    }

    @Transactional
    public Stored load(String urn) {
        List<TermCalendar.Entry> entries = sql.list(
                """
                SELECT kind, name, starts_on, ends_on FROM term_calendar_entry WHERE school_urn = ? ORDER BY position
                """,
                r -> new TermCalendar.Entry(
                        TermCalendar.Kind.valueOf(r.getString(1)),
                        r.getString(2),
                        r.getObject(3, LocalDate.class),
                        r.getObject(4, LocalDate.class)),
                urn);
        return sql.one(
                        "SELECT version, source, updated_at, updated_by FROM term_calendar WHERE school_urn = ?",
                        r -> new Stored(
                                urn,
                                r.getLong(1),
                                r.getString(2),
                                r.getObject(3, OffsetDateTime.class).toInstant(),
                                r.getString(4),
                                new TermCalendar(entries)),
                        urn)
                .orElseGet(() -> new Stored(urn, 0, null, null, null, TermCalendar.EMPTY));
    }

    /** The version now, locking the school's calendar row (0 when there is none yet). */
    @Transactional(Transactional.TxType.MANDATORY)
    public long lockVersion(String urn) {
        return sql.one("SELECT version FROM term_calendar WHERE school_urn = ? FOR UPDATE", r -> r.getLong(1), urn)
                .orElse(0L);
    }

    /** Replaces the whole calendar; returns the new version. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long replace(String urn, TermCalendar calendar, String source, String by) {
        long version = sql.one("""
                INSERT INTO term_calendar (school_urn, version, source, updated_at, updated_by) VALUES (?, 1, ?, now(), ?)
                ON CONFLICT (school_urn) DO UPDATE SET version = term_calendar.version + 1, source = excluded.source,
                    updated_at = now(), updated_by = excluded.updated_by
                RETURNING version
                """, r -> r.getLong(1), urn, source, by).orElseThrow();
        sql.update("DELETE FROM term_calendar_entry WHERE school_urn = ?", urn);
        int position = 0;
        for (TermCalendar.Entry entry : calendar.entries()) {
            sql.update(
                    "INSERT INTO term_calendar_entry (school_urn, position, kind, name, starts_on, ends_on) VALUES (?, ?, ?, ?, ?, ?)",
                    urn,
                    position++,
                    entry.kind(),
                    entry.name(),
                    entry.startsOn(),
                    entry.endsOn());
        }
        return version;
    }
}
