package org.custodian.retention.hold;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.custodian.platform.persistence.SchoolScopedEntity;
import org.custodian.platform.persistence.SchoolScopedId;
import org.custodian.platform.problems.Problems;

/**
 * A legal hold: what it covers, why, who placed it, and whether and how it was released. Released holds are kept as
 * the record of what was held and why.
 */
@Entity
@Table(name = "legal_hold")
@IdClass(SchoolScopedId.class)
public class LegalHold extends SchoolScopedEntity {

    public enum HoldStatus {
        ACTIVE,
        ENDED,
        RELEASED
    }

    /** How a hold stopped applying. */
    public enum Release {
        /** A person released it. */
        RELEASED,
        /** Its end date passed. */
        ENDED
    }

    @Enumerated(EnumType.STRING)
    private HoldScope scope;

    @Column(name = "pupil_id")
    private String pupilId;

    @Column(name = "class_code")
    private String classCode;

    private String reason;
    private String reference;

    @Column(name = "placed_by")
    private String placedBy;

    @Column(name = "placed_at")
    private Instant placedAt;

    @Column(name = "ends_on")
    private LocalDate endsOn;

    @Column(name = "released_at")
    private Instant releasedAt;

    @Column(name = "released_how")
    @Enumerated(EnumType.STRING)
    private Release releasedHow;

    @Column(name = "released_by")
    private String releasedBy;

    @Column(name = "release_reason")
    private String releaseReason;

    protected LegalHold() {}

    private LegalHold(String schoolUrn, UUID id) {
        super(schoolUrn, id);
    }

    /** A new hold, applying from {@code at}. */
    public static LegalHold place(
            String schoolUrn,
            HoldScope scope,
            String pupilId,
            String classCode,
            String reason,
            String reference,
            String placedBy,
            Instant at,
            LocalDate endsOn) {
        LegalHold hold = new LegalHold(schoolUrn, UUID.randomUUID());
        hold.scope = scope;
        hold.pupilId = pupilId;
        hold.classCode = classCode;
        hold.reason = reason;
        hold.reference = reference;
        hold.placedBy = placedBy;
        hold.placedAt = at;
        hold.endsOn = endsOn;
        return hold;
    }

    /** A person releases the hold; only an active hold can be released. */
    public void release(String by, Instant at, LocalDate today, String why) {
        HoldStatus status = statusOn(today);
        if (status != HoldStatus.ACTIVE) {
            throw Problems.conflict(
                    "this legal hold is already " + status.name().toLowerCase()
                            + (releasedAt == null ? " (its end date passed)" : " since " + releasedAt));
        }
        stop(Release.RELEASED, by, at, why);
    }

    /** The daily job marks a hold whose end date passed as ended. */
    public void end(String by, Instant at) {
        stop(Release.ENDED, by, at, "its end date " + endsOn + " passed");
    }

    private void stop(Release how, String by, Instant at, String why) {
        releasedAt = at;
        releasedHow = how;
        releasedBy = by;
        releaseReason = why;
    }

    public HoldRule rule() {
        return new HoldRule(scope, pupilId, classCode, endsOn, releasedAt);
    }

    public HoldStatus statusOn(LocalDate day) {
        if (releasedAt != null) {
            return releasedHow == Release.ENDED ? HoldStatus.ENDED : HoldStatus.RELEASED;
        }
        return rule().appliesOn(day) ? HoldStatus.ACTIVE : HoldStatus.ENDED;
    }

    public HoldScope scope() {
        return scope;
    }

    public String pupilId() {
        return pupilId;
    }

    public String classCode() {
        return classCode;
    }

    public String reason() {
        return reason;
    }

    public String reference() {
        return reference;
    }

    public String placedBy() {
        return placedBy;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public LocalDate endsOn() {
        return endsOn;
    }

    public Instant releasedAt() {
        return releasedAt;
    }

    public String releasedBy() {
        return releasedBy;
    }

    public String releaseReason() {
        return releaseReason;
    }
}
