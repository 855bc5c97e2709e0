package org.custodian.sharing.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.custodian.platform.persistence.SchoolScopedEntity;
import org.custodian.platform.persistence.SchoolScopedId;
import org.custodian.sharing.actionkind.ActionDeadline;
import org.custodian.sharing.actionkind.ActionKind;
import org.custodian.sharing.decision.AgreementTerms;
import org.custodian.sharing.decision.DataCategory;
import org.custodian.sharing.decision.LawfulBasis;
import org.custodian.sharing.decision.TransferSafeguard;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What may go to whom and why: a sharing agreement with one recipient, its lawful basis, and how long partners have
 * to act on what they received under it ({@code actionDeadlines}: only the kinds it changes from the defaults).
 */
@Entity
@Table(name = "agreement")
@IdClass(SchoolScopedId.class)
public class Agreement extends SchoolScopedEntity {

    @Column(name = "recipient_id")
    private UUID recipientId;

    private String name;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> purposes;

    @Column(name = "data_categories")
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<DataCategory> dataCategories;

    @Column(name = "lawful_basis")
    @Enumerated(EnumType.STRING)
    private LawfulBasis lawfulBasis;

    @Column(name = "consent_purpose")
    private String consentPurpose;

    @Column(name = "legal_reference")
    private String legalReference;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Column(name = "transfer_country", length = 2)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String transferCountry;

    @Column(name = "transfer_safeguard")
    @Enumerated(EnumType.STRING)
    private TransferSafeguard transferSafeguard;

    @Column(name = "action_deadlines")
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<ActionKind, ActionDeadline> actionDeadlines;

    private boolean seeded;

    /** The ETag: 1 when created, one more on each change. */
    @Version
    private long version;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Agreement() {}

    private Agreement(String schoolUrn, UUID id) {
        super(schoolUrn, id);
    }

    /** A new agreement with the recipient, at version 1. */
    public static Agreement create(
            String schoolUrn,
            UUID recipientId,
            String name,
            Set<String> purposes,
            Set<DataCategory> dataCategories,
            LawfulBasis lawfulBasis,
            String consentPurpose,
            String legalReference,
            LocalDate validFrom,
            LocalDate validTo,
            String transferCountry,
            TransferSafeguard transferSafeguard,
            Map<ActionKind, ActionDeadline> actionDeadlines,
            Instant at) {
        Agreement a = started(schoolUrn, recipientId, false, at);
        a.change(
                name,
                purposes,
                dataCategories,
                lawfulBasis,
                consentPurpose,
                legalReference,
                validFrom,
                validTo,
                transferCountry,
                transferSafeguard,
                actionDeadlines,
                at);
        return a;
    }

    /**
     * A statutory flow the school's privacy notice describes, seeded for it: a legal obligation in force from
     * {@code from}, open-ended, inside the UK, with the default deadlines.
     */
    public static Agreement statutory(
            String schoolUrn,
            UUID recipientId,
            String name,
            Set<String> purposes,
            Set<DataCategory> dataCategories,
            String legalReference,
            LocalDate from,
            Instant at) {
        Agreement a = started(schoolUrn, recipientId, true, at);
        a.change(
                name,
                purposes,
                dataCategories,
                LawfulBasis.LEGAL_OBLIGATION,
                null,
                legalReference,
                from,
                null,
                null,
                null,
                Map.of(),
                at);
        return a;
    }

    private static Agreement started(String schoolUrn, UUID recipientId, boolean seeded, Instant at) {
        Agreement a = new Agreement(schoolUrn, UUID.randomUUID());
        a.recipientId = recipientId;
        a.seeded = seeded;
        a.version = 1;
        a.createdAt = at;
        return a;
    }

    /**
     * Changes what the agreement says; the recipient never changes (the version moves on when the change is written).
     * The rules the school must be told about ({@code AgreementRules}) are checked before; this keeps the ones the
     * table relies on.
     */
    public void change(
            String name,
            Set<String> purposes,
            Set<DataCategory> dataCategories,
            LawfulBasis lawfulBasis,
            String consentPurpose,
            String legalReference,
            LocalDate validFrom,
            LocalDate validTo,
            String transferCountry,
            TransferSafeguard transferSafeguard,
            Map<ActionKind, ActionDeadline> actionDeadlines,
            Instant at) {
        if (purposes.isEmpty() || dataCategories.isEmpty()) {
            throw new IllegalArgumentException("an agreement names at least one purpose and one data category");
        }
        if ((lawfulBasis == LawfulBasis.CONSENT) != (consentPurpose != null)) {
            throw new IllegalArgumentException("a consent purpose is named exactly when the basis is CONSENT");
        }
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("an agreement cannot end before it starts");
        }
        this.name = name;
        this.purposes = List.copyOf(new LinkedHashSet<>(purposes));
        this.dataCategories = List.copyOf(EnumSet.copyOf(dataCategories));
        this.lawfulBasis = lawfulBasis;
        this.consentPurpose = consentPurpose;
        this.legalReference = legalReference;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.transferCountry = transferCountry;
        this.transferSafeguard = transferSafeguard;
        this.actionDeadlines =
                actionDeadlines.isEmpty() ? new EnumMap<>(ActionKind.class) : new EnumMap<>(actionDeadlines);
        this.updatedAt = at;
    }

    /** As the decision engine reads it. */
    public AgreementTerms terms() {
        return new AgreementTerms(
                id(),
                purposes(),
                dataCategories(),
                lawfulBasis,
                consentPurpose,
                validFrom,
                validTo,
                transferCountry,
                transferSafeguard);
    }

    public UUID recipientId() {
        return recipientId;
    }

    public String name() {
        return name;
    }

    /** In the order the school gave them. */
    public Set<String> purposes() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(purposes));
    }

    public Set<DataCategory> dataCategories() {
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        categories.addAll(dataCategories);
        return Collections.unmodifiableSet(categories);
    }

    public LawfulBasis lawfulBasis() {
        return lawfulBasis;
    }

    public String consentPurpose() {
        return consentPurpose;
    }

    public String legalReference() {
        return legalReference;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validTo() {
        return validTo;
    }

    public String transferCountry() {
        return transferCountry;
    }

    public TransferSafeguard transferSafeguard() {
        return transferSafeguard;
    }

    /** Only the kinds this agreement changes from the defaults. */
    public Map<ActionKind, ActionDeadline> actionDeadlines() {
        return Collections.unmodifiableMap(actionDeadlines);
    }

    public boolean seeded() {
        return seeded;
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
