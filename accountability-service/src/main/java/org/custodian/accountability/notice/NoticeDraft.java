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

    @Column(name = "automated_decisions")
    private String automatedDecisions;

    @Column(name = "updated_by")
    private String updatedBy;

    protected NoticeDraft() {}

    private NoticeDraft(String urn, Instant at) {
        super(urn, UUID.randomUUID(), at);
    }

    /** A school's first draft, with the DPO's first words. */
    public static NoticeDraft first(String urn, DraftText text, String securityMeasures, String by, Instant at) {
        NoticeDraft draft = new NoticeDraft(urn, at);
        draft.write(text, securityMeasures, by);
        return draft;
    }

    /** The DPO's new words, replacing the old ones. */
    public void edit(DraftText text, String securityMeasures, String by, Instant at) {
        write(text, securityMeasures, by);
        changedAt(at);
    }

    private void write(DraftText text, String securityMeasures, String by) {
        this.introduction = text.introduction();
        this.localExplanations = text.localExplanations();
        this.automatedDecisions = text.automatedDecisions();
        this.securityMeasures = securityMeasures;
        this.updatedBy = by;
    }

    public DraftText text() {
        return new DraftText(introduction, localExplanations, automatedDecisions);
    }

    public String securityMeasures() {
        return securityMeasures;
    }

    public String updatedBy() {
        return updatedBy;
    }
}
