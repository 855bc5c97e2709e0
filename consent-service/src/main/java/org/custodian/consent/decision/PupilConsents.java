package org.custodian.consent.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.consent.decision.ConsentResolver.Resolution;
import org.custodian.consent.purpose.Purpose;
import org.custodian.consent.purpose.PurposeKind;
import org.custodian.consent.roster.Pupil;
import org.custodian.consent.support.Today;
import org.custodian.platform.audit.AuditEntry.Outcome;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.security.Caller;

/** A pupil's consents as a parent or the DPO reads them: every purpose's status, explained. */
@ApplicationScoped
public class PupilConsents {

    /** One purpose's status for the pupil, with which decisions count and why. */
    public record PurposeStatus(
            String purpose,
            String title,
            PurposeKind kind,
            ConsentStatus status,
            boolean permitted,
            Integer effectiveVersion,
            int currentVersion,
            LocalDate validUntil,
            List<String> countingDecisions,
            List<String> explanation) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(String pupilId, boolean onRoll, List<PurposeStatus> statuses, List<StoredDecision> history) {}

    private final ConsentStatuses statuses;
    private final Decisions decisions;
    private final AuditLog audit;
    private final Today today;

    @Inject
    public PupilConsents(ConsentStatuses statuses, Decisions decisions, AuditLog audit, Today today) {
        this.statuses = statuses;
        this.decisions = decisions;
        this.audit = audit;
        this.today = today;
    }

    public View view(String urn, Pupil pupil, boolean withHistory, Caller caller) {
        List<PurposeStatus> all = explain(urn, pupil);
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
        return new View(pupil.pupilId(), pupil.onRollOn(today.date()), all, history);
    }

    /** Every purpose's status for one pupil, resolved now with the reasons. */
    public List<PurposeStatus> explain(String urn, Pupil pupil) {
        ConsentStatuses.Inputs in = statuses.inputs(urn, List.of(pupil.pupilId()));
        return in.purposes().values().stream()
                .sorted(java.util.Comparator.comparing(Purpose::code))
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
                            r.explanation());
                })
                .toList();
    }

    /** The stored status of one pupil for one purpose now. */
    public ConsentStatus statusNow(String urn, String pupilId, String purpose) {
        return statuses.stored(urn, List.of(pupilId), List.of(purpose)).stream()
                .findFirst()
                .map(s -> s.statusOn(today.date()))
                .orElse(ConsentStatus.NOT_ASKED);
    }

    /** For each pupil, each purpose's stored status now (purposes not asked about are left out). */
    public Map<String, Map<String, ConsentStatus>> summaries(
            String urn, Collection<String> pupilIds, Collection<String> purposes) {
        Map<String, Map<String, ConsentStatus>> byPupil = new HashMap<>();
        LocalDate day = today.date();
        for (StoredStatus s : statuses.stored(urn, pupilIds, purposes)) {
            byPupil.computeIfAbsent(s.pupilId(), k -> new LinkedHashMap<>()).put(s.purpose(), s.statusOn(day));
        }
        return byPupil;
    }
}
