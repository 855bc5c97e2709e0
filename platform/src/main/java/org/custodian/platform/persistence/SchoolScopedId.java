package org.custodian.platform.persistence;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * The key of every aggregate a school owns: the school's URN and the aggregate's id. Entities name it in
 * {@code @IdClass} and declare two {@code @Id} fields, {@code schoolUrn} and {@code id}; their repositories extend
 * {@code PanacheRepositoryBase<Entity, SchoolScopedId>}, so a lookup can never cross from one school to another.
 */
public class SchoolScopedId implements Serializable {

    private String schoolUrn;
    private UUID id;

    protected SchoolScopedId() {}

    public SchoolScopedId(String schoolUrn, UUID id) {
        this.schoolUrn = Objects.requireNonNull(schoolUrn, "schoolUrn");
        this.id = Objects.requireNonNull(id, "id");
    }

    public static SchoolScopedId of(String schoolUrn, UUID id) {
        return new SchoolScopedId(schoolUrn, id);
    }

    public String schoolUrn() {
        return schoolUrn;
    }

    public UUID id() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchoolScopedId other
                && Objects.equals(schoolUrn, other.schoolUrn)
                && Objects.equals(id, other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schoolUrn, id);
    }

    @Override
    public String toString() {
        return schoolUrn + "/" + id;
    }
}
