package org.custodian.sharing.recipient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.custodian.platform.persistence.SchoolScopedAggregate;
import org.custodian.platform.persistence.SchoolScopedId;
import org.custodian.sharing.decision.RecipientTerms;
import org.custodian.sharing.decision.Sector;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Someone the school shares pupils' data with: what it is, where it is, and whether sharing with it is active. */
@Entity
@Table(name = "recipient")
@IdClass(SchoolScopedId.class)
public class Recipient extends SchoolScopedAggregate {

    public enum Kind {
        STATUTORY_BODY,
        PROCESSOR,
        CONTROLLER,
        FAMILY,
        OTHER
    }

    @Schema(name = "RecipientStatus")
    public enum Status {
        ACTIVE,
        SUSPENDED
    }

    private String name;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    private Sector sector;

    @Column(length = 2)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String country;

    private String contact;

    @Column(name = "contract_reference")
    private String contractReference;

    private String description;

    @Enumerated(EnumType.STRING)
    private Status status;

    private boolean seeded;

    /** The partner organisation linked to this recipient (its tokens' {@code partner_id}), if any. */
    @Column(name = "partner_id")
    private String partnerId;

    protected Recipient() {}

    private Recipient(String schoolUrn, UUID id, Instant at) {
        super(schoolUrn, id, at);
    }

    /** A new recipient, at version 1. */
    public static Recipient create(
            String schoolUrn,
            String name,
            Kind kind,
            Sector sector,
            String country,
            String contact,
            String contractReference,
            String description,
            Status status,
            boolean seeded,
            Instant at) {
        Recipient r = new Recipient(schoolUrn, UUID.randomUUID(), at);
        r.seeded = seeded;
        r.change(name, kind, sector, country, contact, contractReference, description, status, at);
        return r;
    }

    /** Changes what the school says about the recipient (the version moves on when the change is written). */
    public void change(
            String name,
            Kind kind,
            Sector sector,
            String country,
            String contact,
            String contractReference,
            String description,
            Status status,
            Instant at) {
        this.name = name;
        this.kind = kind;
        this.sector = sector;
        this.country = country;
        this.contact = contact;
        this.contractReference = contractReference;
        this.description = description;
        this.status = status;
        changedAt(at);
    }

    /** Links the recipient to a partner organisation, or unlinks it ({@code null}). */
    public void linkPartner(String partnerId, Instant at) {
        this.partnerId = partnerId;
        changedAt(at);
    }

    public String partnerId() {
        return partnerId;
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    /** As the decision engine reads it. */
    public RecipientTerms terms() {
        return new RecipientTerms(id(), active(), country, sector);
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public Sector sector() {
        return sector;
    }

    public String country() {
        return country;
    }

    public String contact() {
        return contact;
    }

    public String contractReference() {
        return contractReference;
    }

    public String description() {
        return description;
    }

    public Status status() {
        return status;
    }

    public boolean seeded() {
        return seeded;
    }
}
