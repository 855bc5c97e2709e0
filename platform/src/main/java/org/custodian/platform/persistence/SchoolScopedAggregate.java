package org.custodian.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A school-owned aggregate that clients change with {@code If-Match}: its version is the ETag (1 when created, one
 * more each time a change is written; Hibernate keeps a version set before the first write), with the times it was
 * created and last changed.
 */
@MappedSuperclass
public abstract class SchoolScopedAggregate extends SchoolScopedEntity {

    @Version
    private long version;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    /** For Hibernate, which sets everything from the row. */
    protected SchoolScopedAggregate() {}

    /** A new aggregate, at version 1, created and last changed at {@code at}. */
    protected SchoolScopedAggregate(String schoolUrn, UUID id, Instant at) {
        super(schoolUrn, id);
        this.version = 1;
        this.createdAt = at;
        this.updatedAt = at;
    }

    /** Records a change made at {@code at}; the version moves on when the change is written. */
    protected void changedAt(Instant at) {
        this.updatedAt = at;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
