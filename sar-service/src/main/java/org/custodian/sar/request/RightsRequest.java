package org.custodian.sar.request;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.custodian.platform.persistence.SchoolScopedAggregate;
import org.custodian.platform.persistence.SchoolScopedId;
import org.custodian.sar.deadline.Deadline;
import org.custodian.sar.deadline.DeadlineFacts;
import org.custodian.sar.deadline.Deadlines;
import org.custodian.sar.deadline.Pause;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.OptimisticLock;

/**
 * One rights request or complaint: its facts, its clarifications and its steps (both in order). It changes itself as
 * {@link RequestService} tells it to, under the pure rules ({@link Lifecycle}, {@link Deadlines}); its version is the
 * ETag, 1 when it is received and one more with each step. Never an API body: see {@link RequestViews}.
 */
@Entity
@Table(name = "rights_request")
@IdClass(SchoolScopedId.class)
public class RightsRequest extends SchoolScopedAggregate {

    public enum SubjectType {
        PUPIL,
        GUARDIAN
    }

    public enum RequesterType {
        GUARDIAN,
        PUPIL
    }

    public enum Channel {
        ONLINE,
        EMAIL,
        LETTER,
        IN_PERSON,
        TELEPHONE,
        OTHER
    }

    public record Subject(SubjectType type, String id) {
        public String pupilId() {
            return type == SubjectType.PUPIL ? id : null;
        }

        public String guardianId() {
            return type == SubjectType.GUARDIAN ? id : null;
        }

        /** How the audit log and events name the subject. */
        public String path(String urn) {
            return "schools/" + urn + (type == SubjectType.PUPIL ? "/pupils/" : "/guardians/") + id;
        }
    }

    public record Requester(RequesterType type, String id) {}

    /** A question put to the requester (the deadline pauses until it is answered); a row of request_clarification. */
    @Embeddable
    public record Clarification(
            @Column(name = "asked_on") LocalDate askedOn,
            String question,
            @Column(name = "answered_on") LocalDate answeredOn,
            String answer) {}

    /** Who did what, when and why; a row of request_step. */
    @Embeddable
    public record Step(
            @Column(name = "occurred_at") Instant occurredAt,
            String actor,
            @Column(name = "actor_role") String actorRole,
            String action,

            @Column(name = "from_status") @Enumerated(EnumType.STRING)
            RequestStatus from,

            @Column(name = "to_status") @Enumerated(EnumType.STRING)
            RequestStatus to,

            @Column(name = "effective_on") LocalDate effectiveOn,
            String note) {}

    /** The order requests arrived in, assigned by the database (the lists' cursor). */
    @Column(insertable = false, updatable = false)
    private Long seq;

    @Enumerated(EnumType.STRING)
    private RequestType type;

    @Enumerated(EnumType.STRING)
    private RequestStatus status;

    @Column(name = "subject_type")
    @Enumerated(EnumType.STRING)
    private SubjectType subjectType;

    @Column(name = "pupil_id")
    private String pupilId;

    @Column(name = "guardian_id")
    private String guardianId;

    @Column(name = "requester_type")
    @Enumerated(EnumType.STRING)
    private RequesterType requesterType;

    @Column(name = "requester_id")
    private String requesterId;

    @Column(name = "logged_by")
    private String loggedBy;

    @Column(name = "logged_by_role")
    private String loggedByRole;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    @Column(name = "received_on")
    private LocalDate receivedOn;

    private String description;

    @Column(name = "child_age_on_receipt")
    private Integer childAgeOnReceipt;

    @Column(name = "child_agreement_note")
    private String childAgreementNote;

    @Column(name = "identity_requested_on")
    private LocalDate identityRequestedOn;

    @Column(name = "identity_confirmed_on")
    private LocalDate identityConfirmedOn;

    @Column(name = "fee_requested_on")
    private LocalDate feeRequestedOn;

    @Column(name = "fee_received_on")
    private LocalDate feeReceivedOn;

    @Column(name = "extension_told_on")
    private LocalDate extensionToldOn;

    @Column(name = "extension_reason")
    private String extensionReason;

    @Column(name = "acknowledged_on")
    private LocalDate acknowledgedOn;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    // the stored deadline follows the school's calendar: recomputing it is not a change of the request (no new ETag)
    @Column(name = "due_on")
    @OptimisticLock(excluded = true)
    private LocalDate dueOn;

    @Column(name = "acknowledge_by")
    @OptimisticLock(excluded = true)
    private LocalDate acknowledgeBy;

    @Column(name = "next_deadline")
    @OptimisticLock(excluded = true)
    private LocalDate nextDeadline;

    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    @Convert(converter = ResolutionJson.class)
    private Resolution resolution = Resolution.NONE;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(
            name = "request_clarification",
            joinColumns = {
                @JoinColumn(name = "school_urn", referencedColumnName = "school_urn"),
                @JoinColumn(name = "request_id", referencedColumnName = "id")
            })
    @OrderColumn(name = "position")
    @BatchSize(size = 50)
    private List<Clarification> clarifications = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(
            name = "request_step",
            joinColumns = {
                @JoinColumn(name = "school_urn", referencedColumnName = "school_urn"),
                @JoinColumn(name = "request_id", referencedColumnName = "id")
            })
    @OrderColumn(name = "position")
    @BatchSize(size = 50)
    private List<Step> steps = new ArrayList<>();

    protected RightsRequest() {}

    private RightsRequest(String schoolUrn, UUID id, Instant at) {
        super(schoolUrn, id, at);
    }

    /** A request as it is received: version 1, its deadline computed, its first step recorded. */
    static RightsRequest received(
            String schoolUrn,
            RequestType type,
            Subject subject,
            Requester requester,
            String loggedBy,
            String loggedByRole,
            Channel channel,
            LocalDate receivedOn,
            String description,
            Integer childAgeOnReceipt,
            String childAgreementNote,
            Instant at,
            Deadlines deadlines) {
        RightsRequest r = new RightsRequest(schoolUrn, UUID.randomUUID(), at);
        r.type = type;
        r.status = RequestStatus.RECEIVED;
        r.subjectType = subject.type();
        r.pupilId = subject.pupilId();
        r.guardianId = subject.guardianId();
        r.requesterType = requester.type();
        r.requesterId = requester.id();
        r.loggedBy = loggedBy;
        r.loggedByRole = loggedByRole;
        r.channel = channel;
        r.receivedOn = receivedOn;
        r.description = description;
        r.childAgeOnReceipt = childAgeOnReceipt;
        r.childAgreementNote = childAgreementNote;
        r.applyDeadline(r.deadline(deadlines));
        r.steps.add(new Step(
                at, loggedBy, loggedByRole, "received", null, RequestStatus.RECEIVED, receivedOn, "by " + channel));
        return r;
    }

    // ------------------------------------------------------------------ changes

    /** Records a step that moved the request (or kept it) to {@code to}, and its deadline after the change. */
    void advance(Step step, LocalDate on, Deadlines deadlines, Instant at) {
        RequestStatus from = status;
        status = step.to();
        if (status.isClosed() && !from.isClosed()) {
            closedOn = on;
        }
        applyDeadline(deadline(deadlines));
        steps.add(step);
        changedAt(at);
    }

    void identityRequested(LocalDate on) {
        identityRequestedOn = on;
    }

    void identityConfirmed(LocalDate on) {
        identityConfirmedOn = on;
    }

    void clarificationAsked(LocalDate on, String question) {
        clarifications.add(new Clarification(on, question, null, null));
    }

    void clarificationAnswered(LocalDate on, String answer) {
        Clarification open = openClarification().orElseThrow();
        clarifications.set(
                clarifications.indexOf(open), new Clarification(open.askedOn(), open.question(), on, answer));
    }

    void feeRequested(LocalDate on) {
        feeRequestedOn = on;
    }

    void feeReceived(LocalDate on) {
        feeReceivedOn = on;
    }

    void extended(LocalDate toldOn, String reason) {
        extensionToldOn = toldOn;
        extensionReason = reason;
    }

    void acknowledged(LocalDate on) {
        acknowledgedOn = on;
    }

    void resolve(UnaryOperator<Resolution> change) {
        resolution = change.apply(resolution);
    }

    /** The school's calendar or region changed: only the stored deadline moves (the version does not). */
    void recomputeDeadline(Deadlines deadlines) {
        applyDeadline(deadline(deadlines));
    }

    /**
     * Stores the deadline in the columns the dashboards query: the legal due date, a complaint's acknowledgement
     * date, and the next deadline still to meet (none once the request is closed).
     */
    private void applyDeadline(Deadline deadline) {
        dueOn = deadline.dueOn();
        acknowledgeBy = deadline.acknowledgeBy();
        if (status.isClosed()) {
            nextDeadline = null;
        } else {
            LocalDate ack = acknowledgedOn == null ? acknowledgeBy : null;
            nextDeadline = dueOn == null ? ack : ack == null || dueOn.isBefore(ack) ? dueOn : ack;
        }
    }

    // ------------------------------------------------------------------ reading

    public DeadlineFacts deadlineFacts() {
        List<Pause> pauses = clarifications.stream()
                .map(c -> new Pause(c.askedOn(), c.answeredOn()))
                .toList();
        return new DeadlineFacts(
                type.deadlineRule(),
                receivedOn,
                identityRequestedOn,
                identityConfirmedOn,
                feeRequestedOn,
                feeReceivedOn,
                pauses,
                extensionToldOn,
                type == RequestType.ACCESS);
    }

    public Deadline deadline(Deadlines deadlines) {
        return deadlines.compute(deadlineFacts());
    }

    /** Whether the caller, by role and token subject, made this request (parents and pupils see only their own). */
    public boolean madeBy(RequesterType type, String id) {
        return requesterType == type && requesterId.equals(id);
    }

    public Optional<Clarification> openClarification() {
        return clarifications.stream().filter(c -> c.answeredOn() == null).findFirst();
    }

    public Long seq() {
        return seq;
    }

    public RequestType type() {
        return type;
    }

    public RequestStatus status() {
        return status;
    }

    public Subject subject() {
        return new Subject(subjectType, subjectType == SubjectType.PUPIL ? pupilId : guardianId);
    }

    public Requester requester() {
        return new Requester(requesterType, requesterId);
    }

    public String loggedBy() {
        return loggedBy;
    }

    public String loggedByRole() {
        return loggedByRole;
    }

    public Channel channel() {
        return channel;
    }

    public LocalDate receivedOn() {
        return receivedOn;
    }

    public String description() {
        return description;
    }

    public Integer childAgeOnReceipt() {
        return childAgeOnReceipt;
    }

    public String childAgreementNote() {
        return childAgreementNote;
    }

    public LocalDate identityRequestedOn() {
        return identityRequestedOn;
    }

    public LocalDate identityConfirmedOn() {
        return identityConfirmedOn;
    }

    public LocalDate feeRequestedOn() {
        return feeRequestedOn;
    }

    public LocalDate feeReceivedOn() {
        return feeReceivedOn;
    }

    public LocalDate extensionToldOn() {
        return extensionToldOn;
    }

    public String extensionReason() {
        return extensionReason;
    }

    public LocalDate acknowledgedOn() {
        return acknowledgedOn;
    }

    public LocalDate closedOn() {
        return closedOn;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public LocalDate acknowledgeBy() {
        return acknowledgeBy;
    }

    public LocalDate nextDeadline() {
        return nextDeadline;
    }

    public Resolution resolution() {
        return resolution;
    }

    public List<Clarification> clarifications() {
        return List.copyOf(clarifications);
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }
}
