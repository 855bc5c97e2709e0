package org.custodian.platform.persistence;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * The key of a school-scoped aggregate: the school first, then the aggregate's id. An entity names it as its
 * {@code @IdClass} and declares two {@code @Id} fields, {@code schoolUrn} and {@code id}.
 */
public class SchoolScopedId implements Serializable {

    private String schoolUrn;
    private UUID id;

    protected SchoolScopedId() {}

    public SchoolScopedId(String schoolUrn, UUID id) {
        this.schoolUrn = schoolUrn;
        this.id = id;
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
        return o instanceof SchoolScopedId k && Objects.equals(schoolUrn, k.schoolUrn) && Objects.equals(id, k.id);
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
