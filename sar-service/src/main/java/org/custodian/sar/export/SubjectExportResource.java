package org.custodian.sar.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.export.SubjectExport;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.sar.request.RequestRepository;
import org.custodian.sar.request.RequestViews;
import org.custodian.sar.request.Requests;
import org.custodian.sar.request.RightsRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What sar-service holds about one child, for subject access and portability: the rights requests and complaints
 * about them, with their steps and outcomes (not the assembled responses, which are copies of other services' data).
 */
@Path("/internal/v1/schools/{urn}/subjects/{pupilId}")
@Tag(name = "Subject export")
public class SubjectExportResource {

    @Inject
    Caller caller;

    @Inject
    RequestRepository repository;

    @Inject
    Requests requests;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper mapper;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SERVICE, Roles.DPO})
    @Transactional
    @Operation(
            summary =
                    "Everything sar-service holds about one child: the requests and complaints about them (service tokens and the DPO)")
    @APIResponse(responseCode = "200", description = "The child's export")
    @APIResponse(responseCode = "400", description = "Malformed URN or pupil id")
    public SubjectExport export(@PathParam("urn") String urn, @PathParam("pupilId") String pupilId) {
        caller.requireSchool(urn);
        if (pupilId == null || !pupilId.matches("[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}")) {
            throw Problems.invalid("pupilId", "1 to 64 letters, digits or ._:@-");
        }
        List<RightsRequest> about = repository.aboutPupil(urn, pupilId);
        ObjectNode data = mapper.createObjectNode();
        ArrayNode items = data.putArray("requests");
        var deadlines = requests.deadlines(urn);
        for (RightsRequest r : about) {
            items.add(mapper.valueToTree(RequestViews.view(r, deadlines)));
        }
        audit.record(
                caller,
                urn,
                "schools/" + urn + "/pupils/" + pupilId,
                "subject.exported",
                AuditEntry.Outcome.SUCCESS,
                about.size() + " requests");
        return new SubjectExport(
                "sar-service",
                urn,
                pupilId,
                Instant.now(),
                "The data-protection requests and complaints made about the pupil, with how and when each was answered.",
                data);
    }
}
