package org.custodian.sar.calendar;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A school's stored term calendar: its entries in order, where it came from, and its version (the ETag). The rules
 * read it as the plain {@link TermCalendar}. Never an API body: see {@link CalendarDtos.CalendarView}.
 */
@Entity
@Table(name = "term_calendar")
public class SchoolCalendar {

    /** One stored entry (a row of {@code term_calendar_entry}, in its position). */
    @Embeddable
    public static class StoredEntry {
        @Enumerated(EnumType.STRING)
        private TermCalendar.Kind kind;

        private String name;

        @Column(name = "starts_on")
        private LocalDate startsOn;

        @Column(name = "ends_on")
        private LocalDate endsOn;

        protected StoredEntry() {}

        StoredEntry(TermCalendar.Entry entry) {
            this.kind = entry.kind();
            this.name = entry.name();
            this.startsOn = entry.startsOn();
            this.endsOn = entry.endsOn();
        }

        TermCalendar.Entry entry() {
            return new TermCalendar.Entry(kind, name, startsOn, endsOn);
        }
    }

    @Id
    @Column(name = "school_urn", length = 6)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String schoolUrn;

    @Version
    private long version;

    private String source;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "term_calendar_entry", joinColumns = @JoinColumn(name = "school_urn"))
    @OrderColumn(name = "position")
    private List<StoredEntry> entries = new ArrayList<>();

    protected SchoolCalendar() {}

    /** The calendar of a school that has none yet: version 0, no terms (never stored as such). */
    public static SchoolCalendar none(String schoolUrn) {
        SchoolCalendar calendar = new SchoolCalendar();
        calendar.schoolUrn = schoolUrn;
        return calendar;
    }

    /** A school's first calendar, at version 1. */
    public static SchoolCalendar first(String schoolUrn, TermCalendar calendar, String source, String by, Instant at) {
        SchoolCalendar stored = none(schoolUrn);
        stored.version = 1;
        stored.replace(calendar, source, by, at);
        return stored;
    }

    /** Replaces every entry; the version moves on when the change is flushed. */
    public void replace(TermCalendar calendar, String source, String by, Instant at) {
        this.entries.clear();
        calendar.entries().forEach(e -> this.entries.add(new StoredEntry(e)));
        this.source = source;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public TermCalendar calendar() {
        return new TermCalendar(entries.stream().map(StoredEntry::entry).toList());
    }

    public String schoolUrn() {
        return schoolUrn;
    }

    public long version() {
        return version;
    }

    public String source() {
        return source;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }
}
