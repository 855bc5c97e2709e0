package org.custodian.sar.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.sar.deadline.Deadline;
import org.custodian.sar.deadline.DeadlineFacts;
import org.custodian.sar.deadline.Deadlines;
import org.custodian.sar.deadline.Pause;

/**
 * One rights request or complaint: its facts, its steps and its clarifications. Plain Java; {@link Requests} loads,
 * changes and stores it.
 */
public final class RightsRequest {

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

    public record Clarification(LocalDate askedOn, String question, LocalDate answeredOn, String answer) {}

    public record Step(
            Instant occurredAt,
            String actor,
            String actorRole,
            String action,
            RequestStatus from,
            RequestStatus to,
            LocalDate effectiveOn,
            String note) {}

    String schoolUrn;
    UUID id;
    RequestType type;
    RequestStatus status;
    Subject subject;
    Requester requester;
    String loggedBy;
    String loggedByRole;
    Channel channel;
    LocalDate receivedOn;
    String description;
    Integer childAgeOnReceipt;
    String childAgreementNote;
    LocalDate identityRequestedOn;
    LocalDate identityConfirmedOn;
    LocalDate feeRequestedOn;
    LocalDate feeReceivedOn;
    LocalDate extensionToldOn;
    String extensionReason;
    LocalDate acknowledgedOn;
    LocalDate closedOn;
    LocalDate dueOn;
    LocalDate acknowledgeBy;
    LocalDate nextDeadline;
    Resolution resolution = Resolution.NONE;
    long version;
    Instant createdAt;
    final List<Clarification> clarifications = new ArrayList<>();
    final List<Step> steps = new ArrayList<>();
    /** Steps already stored; later ones are new. */
    int storedSteps;

    public String schoolUrn() {
        return schoolUrn;
    }

    public UUID id() {
        return id;
    }

    public RequestType type() {
        return type;
    }

    public RequestStatus status() {
        return status;
    }

    public Subject subject() {
        return subject;
    }

    public Requester requester() {
        return requester;
    }

    public LocalDate receivedOn() {
        return receivedOn;
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

    public LocalDate acknowledgedOn() {
        return acknowledgedOn;
    }

    public Channel channel() {
        return channel;
    }

    public String description() {
        return description;
    }

    public Resolution resolution() {
        return resolution;
    }

    public long version() {
        return version;
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    public Optional<Clarification> openClarification() {
        return clarifications.stream().filter(c -> c.answeredOn() == null).findFirst();
    }

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
                extensionToldOn);
    }

    public Deadline deadline(Deadlines deadlines) {
        return deadlines.compute(deadlineFacts());
    }

    /**
     * Stores the deadline in the columns the dashboards query: the legal due date, a complaint's acknowledgement
     * date, and the next deadline still to meet (none once the request is closed).
     */
    void applyDeadline(Deadline deadline) {
        dueOn = deadline.dueOn();
        acknowledgeBy = deadline.acknowledgeBy();
        if (status.isClosed()) {
            nextDeadline = null;
        } else {
            LocalDate ack = acknowledgedOn == null ? acknowledgeBy : null;
            nextDeadline = dueOn == null ? ack : ack == null || dueOn.isBefore(ack) ? dueOn : ack;
        }
    }

    /** Whether the caller, by role and token subject, made this request (parents and pupils see only their own). */
    public boolean madeBy(RequesterType type, String id) {
        return requester.type() == type && requester.id().equals(id);
    }
}
