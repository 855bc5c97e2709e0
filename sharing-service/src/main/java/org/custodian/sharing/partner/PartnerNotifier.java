package org.custodian.sharing.partner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.time.LegalTime;
import org.custodian.sharing.action.ActionStatus;
import org.custodian.sharing.action.PartnerAction;
import org.custodian.sharing.action.PartnerActionLinks;
import org.custodian.sharing.action.PartnerActionRepository;
import org.custodian.sharing.actionkind.ActionDeadline;
import org.custodian.sharing.actionkind.ActionDeadlines;
import org.custodian.sharing.actionkind.ActionKind;
import org.custodian.sharing.decision.ConsentStatus;
import org.custodian.sharing.decision.DataCategory;
import org.custodian.sharing.disclosurelog.DisclosureQueries;
import org.custodian.sharing.webhook.MessageQueue;
import org.custodian.sharing.webhook.NewMessage;
import org.custodian.sharing.webhook.PartnerEventType;

/**
 * Decides which partners must be told what, and queues the messages in the caller's transaction (so a message exists
 * if and only if the change that caused it commits). A message that asks the partner to act also opens a partner
 * action in the same transaction, and carries its id, due date and the URLs to answer it.
 */
@ApplicationScoped
public class PartnerNotifier {

    /** One pupil's disclosure, as a {@code disclosure.made} message lists it. */
    public record Disclosed(String pupilId, UUID disclosureId, String lawfulBasis, UUID agreementId) {}

    /** Why the school stopped sharing with a recipient. */
    public enum SharingEnd {
        RECIPIENT_SUSPENDED,
        AGREEMENT_ENDED
    }

    /** What a recipient received about a pupil: the categories, and the agreements they came under. */
    private record Received(TreeSet<String> categories, TreeSet<String> agreements) {}

    /** The action a message opens. */
    private record Opening(
            ActionKind kind,
            String causeEventId,
            String causeReference,
            Collection<String> categories,
            Collection<String> agreements) {}

    /**
     * What a change to a pupil's data asks of every recipient that received it.
     *
     * @param categories the categories concerned (empty: all); a recipient that received none of them is not told
     * @param consentBasedOnly only disclosures that rested on consent count (an erasure limited to them)
     * @param actOnNamedOnly the action covers only {@code categories}; otherwise everything the recipient received
     * @param cause the fields that say why, copied into every message
     * @param causeReference the action's reference to its cause (a rights request, a consent task)
     */
    private record Ask(
            PartnerEventType type,
            List<String> categories,
            boolean consentBasedOnly,
            boolean actOnNamedOnly,
            ObjectNode cause,
            String causeReference) {}

    /** A message on its way out, with the action it opens (or null). */
    private record Outgoing(
            UUID recipient,
            PartnerEventType type,
            List<String> receivedBy,
            String pupilId,
            String messageId,
            ObjectNode data,
            Opening opening) {}

    private final DisclosureQueries disclosures;

    private final MessageQueue queue;

    private final PartnerActionRepository actions;

    private final PartnerActionLinks links;

    private final AgreementLookup agreements;

    private final AuditLog audit;

    private final Clock clock;

    PartnerNotifier(
            DisclosureQueries disclosures,
            MessageQueue queue,
            PartnerActionRepository actions,
            PartnerActionLinks links,
            AgreementLookup agreements,
            AuditLog audit,
            Clock clock) {
        this.disclosures = disclosures;
        this.queue = queue;
        this.actions = actions;
        this.links = links;
        this.agreements = agreements;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code disclosure.made} to the recipient: one message for the whole request. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void disclosureMade(
            String urn,
            UUID recipientId,
            UUID requestId,
            String purpose,
            Collection<DataCategory> categories,
            List<Disclosed> disclosed) {
        ObjectNode data = CloudEventCodec.mapper().createObjectNode();
        data.put("school", urn);
        data.put("disclosureRequestId", requestId.toString());
        data.put("purpose", purpose);
        data.set("dataCategories", CloudEventCodec.mapper().valueToTree(categories));
        data.set("pupils", CloudEventCodec.mapper().valueToTree(disclosed));
        send(
                urn,
                List.of(outgoing(
                        recipientId,
                        PartnerEventType.DISCLOSURE_MADE,
                        null,
                        MessageQueue.messageId("disclosure:" + requestId),
                        data,
                        null)));
    }

    /**
     * {@code consent.withdrawn} to every recipient that received data about the pupil under an agreement resting on
     * that consent purpose; each is asked to stop using it (a {@code STOP_USING} action), unless it was already asked
     * since it last received data under that consent ({@link StopUsingRules#ask}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int consentWithdrawn(
            String urn, String pupilId, String consentPurpose, ConsentStatus status, String sourceEventId) {
        Map<UUID, Received> received = received(disclosures.receivedUnderConsentTo(urn, pupilId, consentPurpose));
        Map<UUID, DisclosureQueries.StopUsingHistory> history =
                disclosures.stopUsingHistory(urn, pupilId, consentPurpose);
        List<Outgoing> out = new ArrayList<>();
        received.forEach((recipient, got) -> {
            DisclosureQueries.StopUsingHistory h = history.get(recipient);
            if (h != null && !StopUsingRules.ask(h.lastReceived(), h.lastAsked())) {
                return; // already asked to stop since it last received data under this consent
            }
            ObjectNode data = pupilData(urn, pupilId);
            data.put("consentPurpose", consentPurpose);
            data.put("consentStatus", status.name());
            data.set("dataCategoriesReceived", CloudEventCodec.mapper().valueToTree(got.categories()));
            out.add(outgoing(
                    recipient,
                    PartnerEventType.CONSENT_WITHDRAWN,
                    pupilId,
                    MessageQueue.messageId(sourceEventId + ":" + recipient),
                    data,
                    new Opening(
                            ActionKind.STOP_USING, sourceEventId, consentPurpose, got.categories(), got.agreements())));
        });
        return send(urn, out);
    }

    /**
     * {@code erasure.requested}, {@code rectification.requested}, {@code processing.restricted} and
     * {@code processing.unrestricted} to every recipient that received data about the pupil (Art. 19): only those that
     * received a named category when categories are given, and only consent-based disclosures when the erasure is
     * limited to what rests on consent. All but the lifting of a restriction open an action, covering everything the
     * recipient received.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int rightsAction(
            PartnerEventType type,
            String urn,
            String pupilId,
            String requestId,
            List<String> categories,
            boolean consentBasedOnly,
            String sourceEventId) {
        ObjectNode cause = CloudEventCodec.mapper().createObjectNode();
        if (requestId != null) {
            cause.put("rightsRequestId", requestId);
        }
        return askToAct(
                urn, pupilId, new Ask(type, categories, consentBasedOnly, false, cause, requestId), sourceEventId);
    }

    /**
     * A biometric template must be deleted because a parent or the pupil objected or withdrew consent: the school "must
     * ensure that [the] information is not processed" (Protection of Freedoms Act 2012 s.26(3)(b) and (5)), and once
     * consent is withdrawn the data held for the biometric system "must be destroyed ... as soon as practicable"
     * (explanatory notes para 145) – also by the partner processing it for the school. {@code erasure.requested} to every
     * recipient that received {@code BIOMETRICS} about the pupil, each opening an {@code ERASE} action limited to
     * {@code BIOMETRICS}; a recipient that received no biometric data is not told. The message carries the consent
     * task's id and reason instead of a rights request id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int templateDeletion(
            String urn, String pupilId, String taskId, String purpose, String reason, String sourceEventId) {
        ObjectNode cause = CloudEventCodec.mapper().createObjectNode();
        if (taskId != null) {
            cause.put("templateDeletionTaskId", taskId);
        }
        if (reason != null) {
            cause.put("reason", reason);
        }
        if (purpose != null) {
            cause.put("consentPurpose", purpose);
        }
        return askToAct(
                urn,
                pupilId,
                new Ask(
                        PartnerEventType.ERASURE_REQUESTED,
                        List.of(DataCategory.BIOMETRICS.name()),
                        false,
                        true,
                        cause,
                        taskId != null ? taskId : sourceEventId),
                sourceEventId);
    }

    /**
     * One message per recipient concerned, each opening the action its type asks for (none for the lifting of a
     * restriction).
     */
    private int askToAct(String urn, String pupilId, Ask ask, String sourceEventId) {
        Map<UUID, Received> received = ask.consentBasedOnly()
                ? received(disclosures.receivedUnderConsent(urn, pupilId))
                : received(disclosures.received(urn, pupilId));
        ActionKind kind = switch (ask.type()) {
            case ERASURE_REQUESTED -> ActionKind.ERASE;
            case RECTIFICATION_REQUESTED -> ActionKind.RECTIFY;
            case PROCESSING_RESTRICTED -> ActionKind.RESTRICT;
            default -> null;
        };
        List<Outgoing> out = new ArrayList<>();
        received.forEach((recipient, got) -> {
            if (!concerns(ask.categories(), got.categories())) {
                return;
            }
            ObjectNode data = pupilData(urn, pupilId);
            data.setAll(ask.cause());
            data.set("dataCategories", CloudEventCodec.mapper().valueToTree(ask.categories()));
            data.set("dataCategoriesReceived", CloudEventCodec.mapper().valueToTree(got.categories()));
            if (ask.type() == PartnerEventType.ERASURE_REQUESTED) {
                data.put("consentBasedOnly", ask.consentBasedOnly());
            }
            out.add(outgoing(
                    recipient,
                    ask.type(),
                    pupilId,
                    MessageQueue.messageId(sourceEventId + ":" + recipient),
                    data,
                    kind == null
                            ? null
                            : new Opening(
                                    kind,
                                    sourceEventId,
                                    ask.causeReference(),
                                    ask.actOnNamedOnly() ? ask.categories() : got.categories(),
                                    got.agreements())));
        });
        return send(urn, out);
    }

    /**
     * The school stopped sharing with a recipient altogether: {@code sharing.ended} for every pupil whose data it
     * received, each opening a {@code DELETE_ALL} action. A pupil already asked to delete everything since the data
     * last went to the recipient is not asked again.
     *
     * @param cause a name for the change that ended sharing (the same cause never asks twice)
     * @return how many pupils were asked
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int sharingEnded(String urn, UUID recipientId, SharingEnd reason, UUID agreementId, String cause) {
        List<Outgoing> out = new ArrayList<>();
        for (DisclosureQueries.PupilReceived pupil : disclosures.notYetAskedToDeleteAll(urn, recipientId)) {
            ObjectNode data = pupilData(urn, pupil.pupilId());
            data.put("reason", reason.name());
            if (agreementId != null) {
                data.put("agreementId", agreementId.toString());
            }
            data.set("dataCategoriesReceived", CloudEventCodec.mapper().valueToTree(pupil.categories()));
            out.add(outgoing(
                    recipientId,
                    PartnerEventType.SHARING_ENDED,
                    pupil.pupilId(),
                    MessageQueue.messageId(cause + ":" + recipientId + ":" + pupil.pupilId()),
                    data,
                    new Opening(
                            ActionKind.DELETE_ALL,
                            cause,
                            agreementId != null ? agreementId.toString() : reason.name(),
                            pupil.categories(),
                            pupil.agreements())));
        }
        return send(urn, out);
    }

    /**
     * {@code action.reminder} for an overdue action (the {@code number}th reminder), to the endpoints that subscribe to
     * reminders or to the type of the message that asked for the action.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reminder(PartnerAction action, int number, LocalDate today) {
        ObjectNode data = pupilData(action.schoolUrn(), action.pupilId());
        data.put("originalMessageId", action.messageId());
        data.put("originalType", action.causeType());
        data.put("daysOverdue", ChronoUnit.DAYS.between(action.dueOn(), today));
        data.put("reminder", number);
        data.set(
                "action",
                links.describe(action.schoolUrn(), action.id(), action.kind(), action.dueOn(), ActionStatus.OVERDUE));
        List<String> receivedBy = new ArrayList<>(PartnerEventType.ACTION_REMINDER.receivedBy());
        receivedBy.add(action.causeType());
        send(
                action.schoolUrn(),
                List.of(new Outgoing(
                        action.recipientId(),
                        PartnerEventType.ACTION_REMINDER,
                        receivedBy,
                        action.pupilId(),
                        MessageQueue.messageId("reminder:" + action.id() + ":" + number),
                        data,
                        null)));
    }

    private static Outgoing outgoing(
            UUID recipient, PartnerEventType type, String pupilId, String messageId, ObjectNode data, Opening opening) {
        return new Outgoing(recipient, type, type.receivedBy(), pupilId, messageId, data, opening);
    }

    /**
     * Stores the messages that do not exist yet, opens their actions, and queues them for the subscribed endpoints:
     * a statement per table for the whole lot.
     *
     * @return how many messages were new
     */
    private int send(String urn, List<Outgoing> out) {
        if (out.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        LocalDate today = LegalTime.today(clock);
        Map<String, Map<ActionKind, ActionDeadline>> deadlines = deadlines(urn, out);
        List<NewMessage> messages = new ArrayList<>(out.size());
        List<PartnerAction.Opening> opened = new ArrayList<>();
        for (Outgoing o : out) {
            PartnerAction.Opening action = null;
            if (o.opening() != null) {
                Opening op = o.opening();
                List<Map<ActionKind, ActionDeadline>> under = op.agreements().stream()
                        .map(deadlines::get)
                        .filter(Objects::nonNull)
                        .toList();
                LocalDate dueOn = ActionDeadlines.dueOn(op.kind(), under, today);
                action = new PartnerAction.Opening(
                        PartnerActionLinks.actionId(o.messageId()),
                        o.recipient(),
                        o.pupilId(),
                        op.kind(),
                        o.type().wireName(),
                        op.causeEventId(),
                        op.causeReference(),
                        o.messageId(),
                        op.categories(),
                        op.agreements(),
                        dueOn);
                o.data().set("action", links.describe(urn, action.id(), op.kind(), dueOn, ActionStatus.OPEN));
                opened.add(action);
            }
            messages.add(MessageQueue.message(
                    o.messageId(), o.recipient(), o.type(), o.receivedBy(), o.pupilId(), o.data(), now));
        }
        Set<String> fresh = queue.send(urn, messages, now);
        List<PartnerAction.Opening> freshActions =
                opened.stream().filter(a -> fresh.contains(a.messageId())).toList();
        if (!freshActions.isEmpty()) {
            actions.openAll(urn, freshActions, now);
            audit.record(new AuditEntry(
                    urn,
                    now,
                    "sharing-service",
                    "system",
                    auditSubject(freshActions),
                    "partner-actions.opened",
                    AuditEntry.Outcome.SUCCESS,
                    null,
                    describe(freshActions)));
        }
        return fresh.size();
    }

    /** The deadlines set by every agreement the outgoing actions rest on, by agreement id. */
    private Map<String, Map<ActionKind, ActionDeadline>> deadlines(String urn, List<Outgoing> out) {
        Set<String> ids = new HashSet<>();
        out.stream()
                .filter(o -> o.opening() != null)
                .forEach(o -> ids.addAll(o.opening().agreements()));
        return ids.isEmpty() ? Map.of() : agreements.deadlines(urn, ids);
    }

    private static String auditSubject(List<PartnerAction.Opening> opened) {
        Set<String> pupils = new TreeSet<>();
        opened.forEach(a -> pupils.add(a.pupilId()));
        return pupils.size() == 1
                ? "pupils/" + pupils.iterator().next()
                : "recipients/" + opened.get(0).recipientId();
    }

    private static String describe(List<PartnerAction.Opening> opened) {
        StringBuilder out = new StringBuilder();
        out.append(opened.size())
                .append(" action(s) ")
                .append(opened.get(0).kind())
                .append(" (")
                .append(opened.get(0).causeType())
                .append("):");
        opened.stream()
                .limit(20)
                .forEach(a -> out.append(' ')
                        .append(a.id())
                        .append(" recipient ")
                        .append(a.recipientId())
                        .append(" pupil ")
                        .append(a.pupilId())
                        .append(" due ")
                        .append(a.dueOn())
                        .append(';'));
        if (opened.size() > 20) {
            out.append(" and ").append(opened.size() - 20).append(" more");
        }
        return out.toString();
    }

    private static ObjectNode pupilData(String urn, String pupilId) {
        ObjectNode data = CloudEventCodec.mapper().createObjectNode();
        data.put("school", urn);
        data.put("pupilId", pupilId);
        return data;
    }

    /** Recipients that received data about the pupil, with the categories each received and the agreements used. */
    private static Map<UUID, Received> received(List<DisclosureQueries.Received> rows) {
        Map<UUID, Received> received = new LinkedHashMap<>();
        for (DisclosureQueries.Received row : rows) {
            Received got =
                    received.computeIfAbsent(row.recipientId(), k -> new Received(new TreeSet<>(), new TreeSet<>()));
            got.categories().addAll(row.categories());
            if (row.agreementId() != null) {
                // an emergency with no agreement has none to take deadlines from: the defaults apply
                got.agreements().add(row.agreementId());
            }
        }
        return received;
    }

    /** Whether a change of the named categories (all when empty or unknown) concerns a recipient that received these. */
    static boolean concerns(List<String> changed, Collection<String> received) {
        if (changed.isEmpty()) {
            return true;
        }
        for (String category : changed) {
            Optional<DataCategory> known = DataCategory.parse(category);
            if (known.isEmpty() || received.contains(known.get().name())) {
                return true;
            }
        }
        return false;
    }
}
