package org.custodian.sharing.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.export.SubjectExport;
import org.custodian.platform.security.Caller;
import org.custodian.platform.time.LegalTime;
import org.custodian.sharing.action.ActionStatements;
import org.custodian.sharing.action.ActionStatus;
import org.custodian.sharing.action.PartnerAction;
import org.custodian.sharing.action.PartnerActionRepository;
import org.custodian.sharing.disclosurelog.DisclosureEntry;
import org.custodian.sharing.disclosurelog.DisclosureQueries;
import org.custodian.sharing.projection.ProjectionQueries;
import org.custodian.sharing.webhook.WebhookQueries;

/** Everything sharing-service holds about one pupil, for a subject access request. */
@ApplicationScoped
@Transactional
public class SubjectExportService {

    private final Caller caller;

    private final DisclosureQueries disclosures;

    private final ProjectionQueries projections;

    private final WebhookQueries webhooks;

    private final PartnerActionRepository partnerActions;

    private final AuditLog audit;

    private final Clock clock;

    SubjectExportService(
            Caller caller,
            DisclosureQueries disclosures,
            ProjectionQueries projections,
            WebhookQueries webhooks,
            PartnerActionRepository partnerActions,
            AuditLog audit,
            Clock clock) {
        this.caller = caller;
        this.disclosures = disclosures;
        this.projections = projections;
        this.webhooks = webhooks;
        this.partnerActions = partnerActions;
        this.audit = audit;
        this.clock = clock;
    }

    public SubjectExport export(String urn, String pupilId) {
        caller.requireSchool(urn);
        List<DisclosureEntry> disclosed = disclosures.aboutPupil(urn, pupilId);
        List<Map<String, Object>> refused = disclosures.refusalsAbout(urn, pupilId);
        List<Map<String, Object>> notifications = webhooks.messagesAbout(urn, pupilId);
        ObjectNode data = CloudEventCodec.mapper().createObjectNode();
        data.set("disclosures", CloudEventCodec.mapper().valueToTree(disclosed));
        data.set("refusedDisclosures", CloudEventCodec.mapper().valueToTree(refused));
        data.set("partnerNotifications", CloudEventCodec.mapper().valueToTree(notifications));
        List<PartnerAction> asked = partnerActions.aboutPupil(urn, pupilId);
        data.set("partnerActions", CloudEventCodec.mapper().valueToTree(byRecipient(disclosed, asked)));
        data.set("projections", CloudEventCodec.mapper().valueToTree(projections.about(urn, pupilId)));
        TreeSet<String> recipients = new TreeSet<>();
        disclosed.forEach(d -> recipients.add(d.recipientName()));
        String summary = disclosed.isEmpty()
                ? "No data about this pupil has been disclosed to any recipient through sharing-service."
                : "Data about this pupil has been disclosed " + disclosed.size() + " time(s) to: "
                        + String.join(", ", recipients)
                        + ". Each entry gives the recipient, the lawful basis, the agreement, the data categories and the date.";
        if (!asked.isEmpty()) {
            long confirmed = asked.stream()
                    .filter(a -> a.status() == ActionStatus.COMPLETED)
                    .count();
            long waiting =
                    asked.stream().filter(a -> a.status().awaitingPartner()).count();
            summary += " Recipients were asked to act " + asked.size()
                    + " time(s) (to stop using, erase, correct, restrict"
                    + " or delete the data): " + confirmed + " confirmed done, " + waiting
                    + " still waiting; partnerActions"
                    + " gives, per recipient, what each was told, when, and its answer.";
        }
        audit.record(
                caller,
                urn,
                "pupils/" + pupilId,
                "subject.exported",
                AuditEntry.Outcome.SUCCESS,
                disclosed.size() + " disclosures, " + refused.size() + " refusals, " + notifications.size()
                        + " notifications, " + asked.size() + " partner actions");
        return new SubjectExport("sharing-service", urn, pupilId, clock.instant(), summary, data);
    }

    /** Per recipient that received the child's data (or was asked to act), every action sent and its outcome. */
    private List<Map<String, Object>> byRecipient(List<DisclosureEntry> disclosed, List<PartnerAction> asked) {
        Map<UUID, Map<String, Object>> recipients = new LinkedHashMap<>();
        disclosed.forEach(d -> recipient(recipients, d.recipientId(), d.recipientName()));
        LocalDate today = LegalTime.today(clock);
        for (PartnerAction a : asked) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list = (List<Map<String, Object>>)
                    recipient(recipients, a.recipientId(), a.recipientName()).get("actions");
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("actionId", a.id());
            action.put("kind", a.kind());
            action.put("whatWasAsked", a.kind().description());
            action.put("becauseOf", a.causeType());
            action.put("toldAt", a.openedAt());
            action.put("deliveredAt", a.deliveredAt());
            action.put("dueBy", a.dueOn());
            action.put("status", a.status());
            action.put("acknowledgedAt", a.acknowledgedAt());
            action.put("completion", a.completion());
            action.put("dispute", a.dispute());
            action.put("closure", a.closure());
            action.put("statement", ActionStatements.describe(a, today));
            list.add(action);
        }
        return new ArrayList<>(recipients.values());
    }

    private static Map<String, Object> recipient(Map<UUID, Map<String, Object>> recipients, UUID id, String name) {
        return recipients.computeIfAbsent(id, k -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("recipientId", id);
            r.put("recipientName", name);
            r.put("actions", new ArrayList<Map<String, Object>>());
            return r;
        });
    }
}
