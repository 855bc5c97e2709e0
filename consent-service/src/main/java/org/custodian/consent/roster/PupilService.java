package org.custodian.consent.roster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.List;
import org.custodian.consent.school.SchoolService;
import org.custodian.platform.audit.AuditEntry.Outcome;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.http.ETags;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.platform.time.LegalTime;

/** One pupil at a time: the roster as a caller may see it, and the MIS's create-or-update of one pupil. */
@ApplicationScoped
@Transactional
public class PupilService {

    /** A pupil as stored now, and whether the write created them. */
    public record Written(PupilView pupil, long version, boolean created) {}

    private final RosterQueries queries;
    private final RosterService roster;
    private final PupilAccess access;
    private final SchoolService schools;
    private final AuditLog audit;
    private final Clock clock;

    public PupilService(
            RosterQueries queries,
            RosterService roster,
            PupilAccess access,
            SchoolService schools,
            AuditLog audit,
            Clock clock) {
        this.queries = queries;
        this.roster = roster;
        this.access = access;
        this.schools = schools;
        this.audit = audit;
        this.clock = clock;
    }

    /** A page of the pupils the caller may see: the whole roster, a parent's own children, or a pupil themself. */
    @Transactional(TxType.SUPPORTS)
    public Page<PupilView> list(String urn, Integer yearGroup, RollStatus status, PageRequest page, Caller caller) {
        boolean everyone = access.seesWholeRoster(caller);
        var today = LegalTime.today(clock);
        return queries.pupils(
                        urn,
                        yearGroup,
                        status,
                        today,
                        !everyone && caller.hasRole(Roles.PARENT) ? caller.subject() : null,
                        !everyone && !caller.hasRole(Roles.PARENT) ? caller.subject() : null,
                        page)
                .map(p -> PupilView.of(p, today));
    }

    /** One pupil the caller may see, with its version. */
    @Transactional(TxType.SUPPORTS)
    public Written get(String urn, String pupilId, Caller caller) {
        Pupil pupil = access.requireVisible(urn, pupilId, caller);
        return new Written(PupilView.of(pupil, LegalTime.today(clock)), pupil.version(), false);
    }

    /** Creates or updates one pupil ({@code If-Match} optional); emits the roster events of a sync. */
    public Written put(String urn, String pupilId, String ifMatch, PupilInput input, Caller caller) {
        if (input.pupilId() != null && !input.pupilId().equals(pupilId)) {
            throw Problems.invalid("pupilId", "the body names another pupil than the path");
        }
        schools.require(urn);
        if (ifMatch != null) {
            ETags.requireMatch(
                    ifMatch, queries.pupil(urn, pupilId).map(Pupil::version).orElse(0L));
        }
        RosterService.PupilSync sync = roster.upsertPupils(urn, List.of(input.withId(pupilId)));
        Pupil stored = queries.pupil(urn, pupilId).orElseThrow();
        audit.record(
                caller,
                urn,
                "pupils/" + pupilId,
                "pupil.upserted",
                Outcome.SUCCESS,
                sync.counts().toString());
        roster.recordSuiteChanges(urn, caller, sync.records(), List.of());
        return new Written(
                PupilView.of(stored, LegalTime.today(clock)),
                stored.version(),
                !sync.created().isEmpty());
    }
}
