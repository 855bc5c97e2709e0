package org.custodian.consent.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.consent.decision.BiometricQueries;
import org.custodian.consent.decision.BiometricView;
import org.custodian.consent.decision.ConsentReceipt;
import org.custodian.consent.decision.DecisionService;
import org.custodian.consent.decision.PupilConsentService;
import org.custodian.consent.decision.PurposeStatus;
import org.custodian.consent.decision.StoredDecision;
import org.custodian.consent.roster.CompetenceService;
import org.custodian.consent.roster.Guardian;
import org.custodian.consent.roster.Pupil;
import org.custodian.consent.roster.PupilAccess;
import org.custodian.consent.roster.PupilView;
import org.custodian.consent.roster.RosterIds;
import org.custodian.consent.roster.RosterQueries;
import org.custodian.platform.audit.AuditEntry.Outcome;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.export.SubjectExport;
import org.custodian.platform.http.Params;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.platform.time.LegalTime;

/**
 * Everything consent-service holds about one child, for subject access and portability, as the rights request's
 * requester may see it ({@link ExportRules}); audited.
 */
@ApplicationScoped
@Transactional
public class SubjectExportService {

    private final PupilAccess access;
    private final RosterQueries roster;
    private final PupilConsentService consents;
    private final DecisionService decisions;
    private final BiometricQueries biometrics;
    private final AuditLog audit;
    private final Clock clock;
    private final CompetenceService competence;

    public SubjectExportService(
            PupilAccess access,
            RosterQueries roster,
            PupilConsentService consents,
            DecisionService decisions,
            BiometricQueries biometrics,
            AuditLog audit,
            Clock clock,
            CompetenceService competence) {
        this.access = access;
        this.roster = roster;
        this.consents = consents;
        this.decisions = decisions;
        this.biometrics = biometrics;
        this.audit = audit;
        this.clock = clock;
        this.competence = competence;
    }

    public SubjectExport export(
            String urn, String pupilId, String requesterType, String requesterId, String requestId, Caller caller) {
        SubjectExport.Requester requester = requester(pupilId, requesterType, requesterId, requestId, caller);
        Pupil pupil = access.requireVisible(urn, pupilId, caller);
        List<PurposeStatus> statuses = consents.explain(urn, pupil);
        List<StoredDecision> history = decisions.history(urn, pupilId);
        List<ConsentReceipt> receipts = history.stream()
                .map(d -> decisions.receiptOf(
                        urn,
                        d,
                        statuses.stream()
                                .filter(s -> s.purpose().equals(d.purpose()))
                                .findFirst()
                                .orElseThrow()
                                .status()))
                .toList();
        ExportRules.Asker asker = requester == null ? null : asker(urn, requester);
        ExportRules.ConsentData data = ExportRules.export(
                PupilView.of(pupil, LegalTime.today(clock)),
                roster.guardiansOf(urn, pupilId),
                statuses,
                history,
                receipts,
                new BiometricView(
                        pupilId,
                        biometrics.notices(urn, List.of(pupilId)),
                        biometrics.alternatives(urn, pupilId),
                        biometrics.templateDeletions(urn, pupilId)),
                asker);
        audit.record(
                caller,
                urn,
                "pupils/" + pupilId,
                "subject.exported",
                Outcome.SUCCESS,
                data.decisions().size() + " decisions"
                        + (requester == null
                                ? ", the school's own view"
                                : ", for " + requester.type() + " " + requester.id()
                                        + (requester.requestId() == null
                                                ? ""
                                                : " (request " + requester.requestId() + ")")));
        return new SubjectExport(
                "consent-service",
                urn,
                pupilId,
                clock.instant(),
                "The pupil's roster record as synced from the school's MIS, "
                        + (requester == null
                                ? "the guardians linked to them, "
                                : "your own contact details as the school holds them, the people linked to the pupil by their relationship, ")
                        + "their consent status for each purpose with the reasons, every consent decision ever recorded with its receipt, "
                        + "and the biometric records: "
                        + (requester != null && requester.type() == SubjectExport.Requester.Type.GUARDIAN
                                ? "the notices sent to you, "
                                : "the notices to parents, ")
                        + "the alternatives offered and the template deletions raised."
                        + " With it, the data protection officer's assessment of the pupil's competence, if one is recorded.",
                withCompetence(CloudEventCodec.toData(data), urn, pupilId));
    }

    /**
     * The data protection officer's current assessment of the pupil's competence, if one is recorded (issue 24), as
     * {@code competenceAssessment} beside the consent data: it is about the child, so every requester sees it.
     */
    private JsonNode withCompetence(JsonNode data, String urn, String pupilId) {
        competence
                .current(urn, pupilId)
                .ifPresent(a -> ((ObjectNode) data).set("competenceAssessment", CloudEventCodec.toData(a)));
        return data;
    }

    private static SubjectExport.Requester requester(
            String pupilId, String type, String id, String requestId, Caller caller) {
        boolean named = type != null || id != null || requestId != null;
        if (!named) {
            if (!caller.hasRole(Roles.DPO)) {
                throw Problems.invalid(
                        SubjectExport.REQUESTER_TYPE,
                        "name the requester of the rights request this export is for"
                                + " (requesterType and requesterId)");
            }
            return null;
        }
        if (type == null || id == null) {
            throw Problems.invalid(
                    type == null ? SubjectExport.REQUESTER_TYPE : SubjectExport.REQUESTER_ID,
                    "requesterType and requesterId go together");
        }
        SubjectExport.Requester.Type kind =
                Params.enumValue(SubjectExport.REQUESTER_TYPE, type, SubjectExport.Requester.Type.class);
        if (kind == null) {
            throw Problems.invalid(SubjectExport.REQUESTER_TYPE, "GUARDIAN or PUPIL");
        }
        Params.matching(SubjectExport.REQUESTER_ID, id, RosterIds.ID, RosterIds.MESSAGE);
        if (kind == SubjectExport.Requester.Type.PUPIL && !id.equals(pupilId)) {
            throw Problems.invalid(
                    SubjectExport.REQUESTER_ID, "a pupil's own request is about themselves: their own id");
        }
        UUID request = requestId == null ? null : Params.uuid(SubjectExport.REQUEST_ID, requestId);
        return new SubjectExport.Requester(kind, id, request);
    }

    private ExportRules.Asker asker(String urn, SubjectExport.Requester requester) {
        if (requester.type() == SubjectExport.Requester.Type.PUPIL) {
            return new ExportRules.Asker(requester.type(), requester.id(), null, null);
        }
        Optional<Guardian> known = roster.guardian(urn, requester.id());
        return new ExportRules.Asker(
                requester.type(),
                requester.id(),
                known.map(Guardian::name).orElse(null),
                known.map(Guardian::email).orElse(null));
    }
}
