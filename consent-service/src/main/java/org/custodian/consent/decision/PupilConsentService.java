package org.custodian.consent.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.custodian.consent.decision.ConsentResolver.Resolution;
import org.custodian.consent.purpose.Purpose;
import org.custodian.consent.roster.Pupil;
import org.custodian.consent.roster.PupilAccess;
import org.custodian.consent.roster.RosterQueries;
import org.custodian.platform.audit.AuditEntry.Outcome;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.platform.time.LegalTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A pupil's consents as a parent or the DPO reads them: every purpose's status, explained. */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class PupilConsentService {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(
            String pupilId,
            boolean onRoll,
            List<PurposeStatus> statuses,
            @Schema(nullable = true) List<StoredDecision> history) {}

    private final StatusService statuses;
    private final DecisionQueries decisions;
    private final PupilAccess access;
    private final RosterQueries roster;
    private final AuditLog audit;
    private final Clock clock;

    public PupilConsentService(
            StatusService statuses,
            DecisionQueries decisions,
            PupilAccess access,
            RosterQueries roster,
            AuditLog audit,
            Clock clock) {
        this.statuses = statuses;
        this.decisions = decisions;
        this.access = access;
        this.roster = roster;
        this.audit = audit;
        this.clock = clock;
    }

    /** A pupil the caller may see: every purpose's status explained, and with {@code withHistory} every decision. */
    @Transactional
    public View view(String urn, String pupilId, boolean withHistory, Caller caller) {
        return view(urn, access.requireVisible(urn, pupilId, caller), withHistory, caller);
    }

    private View view(String urn, Pupil pupil, boolean withHistory, Caller caller) {
        List<PurposeStatus> all = explainFor(urn, pupil, caller);
        List<StoredDecision> history = null;
        if (withHistory) {
            history = decisions.history(urn, pupil.pupilId());
            audit.record(
                    caller,
                    urn,
                    "pupils/" + pupil.pupilId(),
                    "consent.history.read",
                    Outcome.SUCCESS,
                    history.size() + " decisions");
        }
        return new View(pupil.pupilId(), pupil.onRollOn(LegalTime.today(clock)), all, history);
    }

    /**
     * Every purpose's status for one pupil as the caller reads it: for a parent or the pupil, people in the
     * explanations are named by their relationship to the child ({@link ExplanationRules}); staff read the ids.
     */
    public List<PurposeStatus> explainFor(String urn, Pupil pupil, Caller caller) {
        List<PurposeStatus> all = explain(urn, pupil);
        if (access.seesWholeRoster(caller)) {
            return all;
        }
        boolean pupilReads = !caller.hasRole(Roles.PARENT) && caller.hasRole(Roles.PUPIL);
        Map<String, String> names = ExplanationRules.names(
                roster.guardiansOf(urn, pupil.pupilId()), pupilReads ? null : caller.subject(), pupilReads);
        return all.stream()
                .map(s -> new PurposeStatus(
                        s.purpose(),
                        s.title(),
                        s.kind(),
                        s.status(),
                        s.permitted(),
                        s.effectiveVersion(),
                        s.currentVersion(),
                        s.validUntil(),
                        s.countingDecisions(),
                        ExplanationRules.forReader(s.explanation(), names),
                        s.refreshWithPupil()))
                .toList();
    }

    /** Every purpose's status for one pupil, resolved now with the reasons (guardians named by id). */
    public List<PurposeStatus> explain(String urn, Pupil pupil) {
        StatusService.Inputs in = statuses.inputs(urn, List.of(pupil.pupilId()));
        return in.purposes().values().stream()
                .sorted(Comparator.comparing(Purpose::code))
                .map(purpose -> {
                    Resolution r = in.resolve(pupil, purpose);
                    return new PurposeStatus(
                            purpose.code(),
                            purpose.title(),
                            purpose.kind(),
                            r.status(),
                            r.permitted(),
                            r.effectiveVersion(),
                            purpose.currentVersion(),
                            r.validUntil(),
                            r.countingDecisions(),
                            r.explanation(),
                            r.refreshWithPupil());
                })
                .toList();
    }
}
