package org.custodian.sar.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.export.SubjectExport;
import org.custodian.platform.security.Caller;
import org.custodian.sar.deadline.Deadlines;
import org.custodian.sar.request.RequestService;
import org.custodian.sar.request.RequestViews;
import org.custodian.sar.request.RightsRequest;
import org.custodian.sar.request.RightsRequestRepository;

/** One child's export: the rights requests and complaints about them, with their steps and outcomes; audited. */
@ApplicationScoped
@Transactional
public class SubjectExportService {

    private final Caller caller;
    private final RightsRequestRepository requests;
    private final RequestService requestService;
    private final AuditLog audit;
    private final ObjectMapper mapper;
    private final Clock clock;

    public SubjectExportService(
            Caller caller,
            RightsRequestRepository requests,
            RequestService requestService,
            AuditLog audit,
            ObjectMapper mapper,
            Clock clock) {
        this.caller = caller;
        this.requests = requests;
        this.requestService = requestService;
        this.audit = audit;
        this.mapper = mapper;
        this.clock = clock;
    }

    public SubjectExport export(String urn, String pupilId) {
        List<RightsRequest> about = requests.aboutPupil(urn, pupilId);
        ObjectNode data = mapper.createObjectNode();
        ArrayNode items = data.putArray("requests");
        Deadlines deadlines = requestService.deadlines(urn);
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
                clock.instant(),
                "The data-protection requests and complaints made about the pupil, with how and when each was answered.",
                data);
    }
}
