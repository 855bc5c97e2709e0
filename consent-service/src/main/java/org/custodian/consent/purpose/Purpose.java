package org.custodian.consent.purpose;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A consent purpose of a school with every wording it had ({@link PurposeVersion}, in order). {@code reconsentFrom} is
 * the oldest version whose grants still count: a rewording marked "requires reconsent" moves it to the new version.
 * Never an API body: see {@link PurposeView}.
 */
@Entity
@Table(name = "purpose")
@IdClass(Purpose.Key.class)
public class Purpose {

    /** The school-scoped key. */
    public static class Key implements Serializable {
        String schoolUrn;
        String code;

        protected Key() {}

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(schoolUrn, k.schoolUrn) && Objects.equals(code, k.code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(schoolUrn, code);
        }
    }

    @Id
    @Column(name = "school_urn", length = 6)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String schoolUrn;

    @Id
    private String code;

    private String title;

    @Enumerated(EnumType.STRING)
    private PurposeKind kind;

    @Column(name = "data_categories")
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> dataCategories;

    private String validity;

    @Column(name = "current_version")
    private int currentVersion;

    @Column(name = "reconsent_from")
    private int reconsentFrom;

    @OneToMany(mappedBy = "purpose", cascade = CascadeType.ALL)
    @OrderBy("version")
    private List<PurposeVersion> versions = new ArrayList<>();

    protected Purpose() {}

    /** A new purpose of the school, at its first wording. */
    public static Purpose create(
            String schoolUrn,
            String code,
            String title,
            PurposeKind kind,
            List<String> dataCategories,
            String validity,
            String wording,
            String createdBy,
            Instant createdAt) {
        Purpose purpose = new Purpose();
        purpose.schoolUrn = schoolUrn;
        purpose.code = code;
        purpose.title = title;
        purpose.kind = kind;
        purpose.dataCategories = new ArrayList<>(dataCategories);
        purpose.validity = validity;
        purpose.currentVersion = 1;
        purpose.reconsentFrom = 1;
        purpose.versions.add(new PurposeVersion(purpose, 1, title, wording, false, createdBy, createdAt));
        return purpose;
    }

    /**
     * A new wording, which becomes the current one (with a new title when one is given); with {@code requiresReconsent}
     * grants to older wordings stop counting.
     */
    public PurposeVersion reword(
            String newTitle, String wording, boolean requiresReconsent, String createdBy, Instant createdAt) {
        int next = currentVersion + 1;
        if (newTitle != null) {
            this.title = newTitle;
        }
        PurposeVersion added = new PurposeVersion(this, next, title, wording, requiresReconsent, createdBy, createdAt);
        versions.add(added);
        this.currentVersion = next;
        if (requiresReconsent) {
            this.reconsentFrom = next;
        }
        return added;
    }

    /** One wording of the purpose, by its number. */
    public Optional<PurposeVersion> version(int number) {
        return versions.stream().filter(v -> v.version() == number).findFirst();
    }

    public String schoolUrn() {
        return schoolUrn;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public PurposeKind kind() {
        return kind;
    }

    public List<String> dataCategories() {
        return List.copyOf(dataCategories);
    }

    public String validity() {
        return validity;
    }

    public int currentVersion() {
        return currentVersion;
    }

    public int reconsentFrom() {
        return reconsentFrom;
    }

    /** The current wording. */
    public String wording() {
        return version(currentVersion).map(PurposeVersion::wording).orElseThrow();
    }

    /** Every wording, oldest first. */
    public List<PurposeVersion> versions() {
        return List.copyOf(versions);
    }
}
