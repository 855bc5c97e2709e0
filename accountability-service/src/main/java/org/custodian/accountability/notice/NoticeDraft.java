package org.custodian.accountability.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.custodian.platform.persistence.SchoolScopedAggregate;
import org.custodian.platform.persistence.SchoolScopedId;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The DPO's words in the school's next notice: the introduction, the explanations that follow generated sections, and
 * the security measures the record of processing states. One per school; changed with {@code If-Match}.
 */
@Entity
@Table(name = "notice_draft")
@IdClass(SchoolScopedId.class)
public class NoticeDraft extends SchoolScopedAggregate {

    private String introduction;

    @Column(name = "local_explanations")
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, String> localExplanations;

    @Column(name = "security_measures")
    private String securityMeasures;

    @Column(name = "updated_by")
    private String updatedBy;

    protected NoticeDraft() {}

    private NoticeDraft(String urn, Instant at) {
        super(urn, UUID.randomUUID(), at);
    }

    /** A school's first draft, with the DPO's first words. */
    public static NoticeDraft first(
            String urn,
            String introduction,
            Map<String, String> localExplanations,
            String securityMeasures,
            String by,
            Instant at) {
        NoticeDraft draft = new NoticeDraft(urn, at);
        draft.write(introduction, localExplanations, securityMeasures, by);
        return draft;
    }

    /** The DPO's new words, replacing the old ones. */
    public void edit(
            String introduction,
            Map<String, String> localExplanations,
            String securityMeasures,
            String by,
            Instant at) {
        write(introduction, localExplanations, securityMeasures, by);
        changedAt(at);
    }

    private void write(String introduction, Map<String, String> localExplanations, String securityMeasures, String by) {
        this.introduction = introduction;
        this.localExplanations = localExplanations == null ? Map.of() : Map.copyOf(localExplanations);
        this.securityMeasures = securityMeasures;
        this.updatedBy = by;
    }

    public DraftText text() {
        return new DraftText(introduction, localExplanations);
    }

    public String securityMeasures() {
        return securityMeasures;
    }

    public String updatedBy() {
        return updatedBy;
    }
}
