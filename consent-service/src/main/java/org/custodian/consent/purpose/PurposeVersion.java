package org.custodian.consent.purpose;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One wording of a purpose as it was shown to parents; never changed once written. */
@Entity
@Table(name = "purpose_version")
@IdClass(PurposeVersion.Key.class)
public class PurposeVersion {

    /** The school-scoped key: the purpose and the version number. */
    public static class Key implements Serializable {
        String schoolUrn;
        String code;
        int version;

        protected Key() {}

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(schoolUrn, k.schoolUrn)
                    && Objects.equals(code, k.code)
                    && version == k.version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(schoolUrn, code, version);
        }
    }

    @Id
    @Column(name = "school_urn", length = 6)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String schoolUrn;

    @Id
    private String code;

    @Id
    private int version;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumns({
        @JoinColumn(name = "school_urn", referencedColumnName = "school_urn", insertable = false, updatable = false),
        @JoinColumn(name = "code", referencedColumnName = "code", insertable = false, updatable = false)
    })
    private Purpose purpose;

    private String title;

    private String wording;

    @Column(name = "requires_reconsent")
    private boolean requiresReconsent;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    protected PurposeVersion() {}

    PurposeVersion(
            Purpose purpose,
            int version,
            String title,
            String wording,
            boolean requiresReconsent,
            String createdBy,
            Instant createdAt) {
        this.purpose = purpose;
        this.schoolUrn = purpose.schoolUrn();
        this.code = purpose.code();
        this.version = version;
        this.title = title;
        this.wording = wording;
        this.requiresReconsent = requiresReconsent;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public int version() {
        return version;
    }

    public String title() {
        return title;
    }

    public String wording() {
        return wording;
    }

    public boolean requiresReconsent() {
        return requiresReconsent;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
