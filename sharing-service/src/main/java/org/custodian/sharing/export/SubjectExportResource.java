package org.custodian.sharing.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.export.SubjectExport;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.sharing.disclosure.DisclosureEntry;
import org.custodian.sharing.disclosure.DisclosureRepository;
import org.custodian.sharing.projection.ProjectionRepository;
import org.custodian.sharing.support.Ids;
import org.custodian.sharing.webhook.WebhookRepository;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Everything sharing-service holds about one child, for subject access: above all who the child's data has been
 * disclosed to, when, on which lawful basis and under which agreement.
 */
@Path(SubjectExport.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subject export")
public class SubjectExportResource {

    @Inject
    Caller caller;
    @Inject
    DisclosureRepository disclosures;
    @Inject
    ProjectionRepository projections;
    @Inject
    WebhookRepository webhooks;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    @GET
    @Transactional
    @RolesAllowed({Roles.SERVICE, Roles.DPO})
    @Operation(summary = "Export everything held about one pupil: every disclosure (recipient, basis, date), refusals, partner notifications")
    @APIResponse(responseCode = "200", description = "The export (empty lists when nothing is held)")
    @APIResponse(responseCode = "400", description = "Malformed URN or pupil id")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role or school not allowed")
    public SubjectExport export(@PathParam("urn") String urn, @PathParam("pupilId") String pupilId) {
        caller.requireSchool(urn);
        Ids.pupil(pupilId, "pupilId");
        List<DisclosureEntry> disclosed = disclosures.aboutPupil(urn, pupilId);
        List<Map<String, Object>> refused = disclosures.refusalsAbout(urn, pupilId);
        List<Map<String, Object>> notifications = webhooks.messagesAbout(urn, pupilId);
        ObjectNode data = CloudEventCodec.mapper().createObjectNode();
        data.set("disclosures", CloudEventCodec.mapper().valueToTree(disclosed));
        data.set("refusedDisclosures", CloudEventCodec.mapper().valueToTree(refused));
        data.set("partnerNotifications", CloudEventCodec.mapper().valueToTree(notifications));
        data.set("projections", CloudEventCodec.mapper().valueToTree(projections.about(urn, pupilId)));
        TreeSet<String> recipients = new TreeSet<>();
        disclosed.forEach(d -> recipients.add(d.recipientName()));
        String summary = disclosed.isEmpty()
                ? "No data about this pupil has been disclosed to any recipient through sharing-service."
                : "Data about this pupil has been disclosed " + disclosed.size() + " time(s) to: " + String.join(", ", recipients)
                + ". Each entry gives the recipient, the lawful basis, the agreement, the data categories and the date.";
        audit.record(caller, urn, "pupils/" + pupilId, "subject.exported", AuditEntry.Outcome.SUCCESS,
                disclosed.size() + " disclosures, " + refused.size() + " refusals, " + notifications.size() + " notifications");
        return new SubjectExport("sharing-service", urn, pupilId, clock.instant(), summary, data);
    }
}
