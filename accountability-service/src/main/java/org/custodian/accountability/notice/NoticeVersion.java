package org.custodian.accountability.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.custodian.platform.persistence.SchoolScopedEntity;
import org.custodian.platform.persistence.SchoolScopedId;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A published version of a school's notice, never changed (the table refuses updates and deletes): its number, the
 * hash it is known by (SHA-256 of its canonical JSON), what it said, and which sections changed from the one before.
 */
@Entity
@Immutable
@Table(name = "notice_version")
@IdClass(SchoolScopedId.class)
public class NoticeVersion extends SchoolScopedEntity {

    private int number;

    private String hash;

    @JdbcTypeCode(SqlTypes.JSON)
    private String content;

    @Column(name = "changed_sections")
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> changedSections;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> changes;

    @Column(name = "published_by")
    private String publishedBy;

    @Column(name = "published_at")
    private Instant publishedAt;

    protected NoticeVersion() {}

    NoticeVersion(
            String urn,
            int number,
            String hash,
            String content,
            List<String> changedSections,
            List<String> changes,
            String publishedBy,
            Instant publishedAt) {
        super(urn, UUID.randomUUID());
        this.changes = List.copyOf(changes);
        this.number = number;
        this.hash = hash;
        this.content = content;
        this.changedSections = List.copyOf(changedSections);
        this.publishedBy = publishedBy;
        this.publishedAt = publishedAt;
    }

    public int number() {
        return number;
    }

    public String hash() {
        return hash;
    }

    /** The notice as published, canonical JSON of a {@link NoticeContent}. */
    public String content() {
        return content;
    }

    public List<String> changedSections() {
        return changedSections;
    }

    /** What changed from the previous version, in sentences a parent can read. */
    public List<String> changes() {
        return changes;
    }

    public String publishedBy() {
        return publishedBy;
    }

    public Instant publishedAt() {
        return publishedAt;
    }
}
