package org.custodian.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What every aggregate a school owns has: the school's URN ({@code school_urn char(6)}) and its own id, together its
 * key. The entity names {@code @IdClass(SchoolScopedId.class)}; its repository extends
 * {@code PanacheRepositoryBase<Entity, SchoolScopedId>}.
 */
@MappedSuperclass
public abstract class SchoolScopedEntity {

    @Id
    @Column(name = "school_urn", length = 6)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String schoolUrn;

    @Id
    private UUID id;

    /** For Hibernate, which sets the key from the row. */
    protected SchoolScopedEntity() {}

    protected SchoolScopedEntity(String schoolUrn, UUID id) {
        this.schoolUrn = Objects.requireNonNull(schoolUrn, "schoolUrn");
        this.id = Objects.requireNonNull(id, "id");
    }

    public String schoolUrn() {
        return schoolUrn;
    }

    public UUID id() {
        return id;
    }
}
