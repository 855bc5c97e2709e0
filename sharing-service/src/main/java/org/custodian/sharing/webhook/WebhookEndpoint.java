package org.custodian.sharing.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.custodian.platform.persistence.SchoolScopedAggregate;
import org.custodian.platform.persistence.SchoolScopedId;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.type.SqlTypes;

/** A partner's URL for one recipient, the event types it wants, and its (encrypted) signing secrets. */
@Entity
@Table(name = "webhook_endpoint")
@IdClass(SchoolScopedId.class)
@DynamicUpdate
public class WebhookEndpoint extends SchoolScopedAggregate {

    @Schema(name = "EndpointStatus")
    public enum Status {
        ENABLED,
        DISABLED
    }

    /** Who disabled an endpoint: only the school enables again what the school disabled. */
    public enum DisabledBy {
        SCHOOL,
        PARTNER,
        DELIVERY
    }

    @Column(name = "recipient_id")
    private UUID recipientId;

    private String url;

    /** Wire names ({@code disclosure.made}), as the fan-out query matches them. */
    @Column(name = "event_types")
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> eventTypes;

    private String description;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "disabled_reason")
    private String disabledReason;

    @Column(name = "disabled_by")
    @Enumerated(EnumType.STRING)
    private DisabledBy disabledBy;

    @Column(name = "secret_enc")
    private String secretSealed;

    @Column(name = "previous_secret_enc")
    private String previousSecretSealed;

    @Column(name = "previous_secret_expires_at")
    private Instant previousSecretExpiresAt;

    // the delivery worker's bookkeeping, not a change the client made: its ETag stays
    @Column(name = "failing_since")
    @OptimisticLock(excluded = true)
    private Instant failingSince;

    protected WebhookEndpoint() {}

    private WebhookEndpoint(String schoolUrn, UUID id, Instant at) {
        super(schoolUrn, id, at);
    }

    /**
     * A new endpoint, at version 1, signing with {@code secretSealed} (sealed for {@link #binding(String, UUID)} of
     * this school and id).
     */
    public static WebhookEndpoint register(
            String schoolUrn,
            UUID id,
            UUID recipientId,
            String url,
            List<PartnerEventType> eventTypes,
            String description,
            Status status,
            DisabledBy by,
            String secretSealed,
            Instant at) {
        WebhookEndpoint e = new WebhookEndpoint(schoolUrn, id, at);
        e.recipientId = recipientId;
        e.url = url;
        e.eventTypes = wireNames(eventTypes);
        e.description = description;
        e.status = status;
        e.secretSealed = secretSealed;
        e.disabledBy = status == Status.ENABLED ? null : by;
        e.disabledReason = status == Status.ENABLED ? null : reasonOf(by);
        return e;
    }

    /**
     * What the school or the partner ({@code by}) changes: URL, event types, description, status. Re-enabling clears
     * the failing streak; disabling records who did it.
     */
    public void change(
            String url,
            List<PartnerEventType> eventTypes,
            String description,
            Status status,
            DisabledBy by,
            Instant at) {
        boolean reenabled = status == Status.ENABLED && this.status != Status.ENABLED;
        this.url = url;
        this.eventTypes = wireNames(eventTypes);
        this.description = description;
        if (status == Status.ENABLED) {
            this.disabledReason = null;
            this.disabledBy = null;
        } else if (this.status == Status.ENABLED || (by == DisabledBy.SCHOOL && this.disabledBy != DisabledBy.SCHOOL)) {
            // a new disabling, or the school taking over one the partner or a failure made
            this.disabledReason = reasonOf(by);
            this.disabledBy = by;
        }
        if (reenabled) {
            this.failingSince = null;
        }
        this.status = status;
        changedAt(at);
    }

    /**
     * A new signing secret. With an expiry, the current one keeps signing until then; without, it stops at once.
     */
    public void rotate(String newSecretSealed, Instant previousExpiresAt, Instant at) {
        this.previousSecretSealed = previousExpiresAt == null ? null : this.secretSealed;
        this.previousSecretExpiresAt = previousExpiresAt;
        this.secretSealed = newSecretSealed;
        changedAt(at);
    }

    /** A delivery succeeded: the failing streak, if any, is over. */
    public void succeeded() {
        this.failingSince = null;
    }

    /**
     * A delivery failed: a failing streak starts unless one is under way.
     *
     * @return when the current failing streak began
     */
    public Instant failed(Instant at) {
        if (failingSince == null) {
            failingSince = at;
        }
        return failingSince;
    }

    /** Disables an enabled endpoint; false when it already was. */
    public boolean disable(String reason, Instant at) {
        if (status != Status.ENABLED) {
            return false;
        }
        this.status = Status.DISABLED;
        this.disabledReason = reason;
        this.disabledBy = DisabledBy.DELIVERY;
        changedAt(at);
        return true;
    }

    /** What a sealed secret of this endpoint is bound to. */
    public static String binding(String schoolUrn, UUID id) {
        return "webhook-endpoint:" + schoolUrn + ":" + id;
    }

    public String binding() {
        return binding(schoolUrn(), id());
    }

    public boolean enabled() {
        return status == Status.ENABLED;
    }

    public UUID recipientId() {
        return recipientId;
    }

    public String url() {
        return url;
    }

    public List<PartnerEventType> eventTypes() {
        return eventTypes.stream()
                .map(t -> PartnerEventType.byWireName(t).orElseThrow())
                .toList();
    }

    public String description() {
        return description;
    }

    public Status status() {
        return status;
    }

    public String disabledReason() {
        return disabledReason;
    }

    public DisabledBy disabledBy() {
        return disabledBy;
    }

    public String secretSealed() {
        return secretSealed;
    }

    public String previousSecretSealed() {
        return previousSecretSealed;
    }

    public Instant previousSecretExpiresAt() {
        return previousSecretExpiresAt;
    }

    public Instant failingSince() {
        return failingSince;
    }

    private static String reasonOf(DisabledBy by) {
        return by == DisabledBy.PARTNER ? "disabled by the partner" : "disabled by the school";
    }

    private static List<String> wireNames(List<PartnerEventType> types) {
        return types.stream().map(PartnerEventType::wireName).toList();
    }
}
