package org.custodian.sharing.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
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
import org.custodian.platform.persistence.SchoolScopedAggregate;
import org.custodian.platform.persistence.SchoolScopedId;
import org.custodian.sharing.actionkind.ActionDeadline;
import org.custodian.sharing.actionkind.ActionKind;
import org.custodian.sharing.decision.AdequacyScheme;
import org.custodian.sharing.decision.AgreementTerms;
import org.custodian.sharing.decision.DataCategory;
import org.custodian.sharing.decision.LawfulBasis;
import org.custodian.sharing.decision.RecipientRole;
import org.custodian.sharing.decision.RestrictionGround;
import org.custodian.sharing.decision.Schedule1Condition;
import org.custodian.sharing.decision.SpecialCategoryCondition;
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
public class Agreement extends SchoolScopedAggregate {

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

    @Column(name = "recipient_role")
    @Enumerated(EnumType.STRING)
    private RecipientRole recipientRole;

    @Column(name = "special_category_condition")
    @Enumerated(EnumType.STRING)
    private SpecialCategoryCondition specialCategoryCondition;

    @Column(name = "schedule1_condition")
    @Enumerated(EnumType.STRING)
    private Schedule1Condition schedule1Condition;

    @Column(name = "data_subject_contract")
    private String dataSubjectContract;

    @Column(name = "adequacy_scheme")
    @Enumerated(EnumType.STRING)
    private AdequacyScheme adequacyScheme;

    @Column(name = "restriction_ground")
    @Enumerated(EnumType.STRING)
    private RestrictionGround restrictionGround;

    protected Agreement() {}

    private Agreement(String schoolUrn, UUID id, Instant at) {
        super(schoolUrn, id, at);
    }

    /** A new agreement with the recipient, at version 1. */
    public static Agreement create(String schoolUrn, UUID recipientId, AgreementDetails details, Instant at) {
        return started(schoolUrn, recipientId, false, details, at);
    }

    /** A statutory flow the school's privacy notice describes, seeded for it. */
    public static Agreement seeded(String schoolUrn, UUID recipientId, AgreementDetails details, Instant at) {
        return started(schoolUrn, recipientId, true, details, at);
    }

    private static Agreement started(
            String schoolUrn, UUID recipientId, boolean seeded, AgreementDetails details, Instant at) {
        Agreement a = new Agreement(schoolUrn, UUID.randomUUID(), at);
        a.recipientId = recipientId;
        a.seeded = seeded;
        a.change(details, at);
        return a;
    }

    /** Changes what the agreement says; the recipient never changes (the version moves on when the change is written). */
    public void change(AgreementDetails details, Instant at) {
        this.name = details.name();
        this.purposes = List.copyOf(new LinkedHashSet<>(details.purposes()));
        this.dataCategories = List.copyOf(EnumSet.copyOf(details.dataCategories()));
        this.lawfulBasis = details.lawfulBasis();
        this.consentPurpose = details.consentPurpose();
        this.legalReference = details.legalReference();
        this.validFrom = details.validFrom();
        this.validTo = details.validTo();
        this.transferCountry = details.transferCountry();
        this.transferSafeguard = details.transferSafeguard();
        this.actionDeadlines = details.actionDeadlines().isEmpty()
                ? new EnumMap<>(ActionKind.class)
                : new EnumMap<>(details.actionDeadlines());
        AgreementTerms.Conditions c = details.conditions();
        this.recipientRole = c.recipientRole();
        this.specialCategoryCondition = c.specialCategory();
        this.schedule1Condition = c.schedule1();
        this.dataSubjectContract = c.dataSubjectContract();
        this.adequacyScheme = c.adequacyScheme();
        this.restrictionGround = c.restrictionGround();
        changedAt(at);
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
                transferSafeguard,
                conditions());
    }

    /** What the law needs recorded beside the basis. */
    public AgreementTerms.Conditions conditions() {
        return new AgreementTerms.Conditions(
                specialCategoryCondition,
                schedule1Condition,
                recipientRole,
                dataSubjectContract,
                adequacyScheme,
                restrictionGround);
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
}
