package org.custodian.accountability.ropa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.custodian.platform.persistence.SchoolScopedEntity;
import org.custodian.platform.persistence.SchoolScopedId;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The DPO's confirmation that the record of processing was reviewed, with each row as it then stood (by hash). */
@Entity
@Immutable
@Table(name = "ropa_review")
@IdClass(SchoolScopedId.class)
public class RopaReview extends SchoolScopedEntity {

    @Column(name = "reviewed_by")
    private String reviewedBy;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    private String note;

    @Column(name = "row_hashes")
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, String> rowHashes;

    protected RopaReview() {}

    RopaReview(String urn, String reviewedBy, Instant reviewedAt, String note, Map<String, String> rowHashes) {
        super(urn, UUID.randomUUID());
        this.reviewedBy = reviewedBy;
        this.reviewedAt = reviewedAt;
        this.note = note;
        this.rowHashes = Map.copyOf(rowHashes);
    }

    public String reviewedBy() {
        return reviewedBy;
    }

    public Instant reviewedAt() {
        return reviewedAt;
    }

    public String note() {
        return note;
    }

    public Map<String, String> rowHashes() {
        return rowHashes;
    }
}
