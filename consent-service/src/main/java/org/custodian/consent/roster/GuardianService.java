package org.custodian.consent.roster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
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

/** Guardians and their links to children: the school's view, a parent's view of themself, and the MIS's writes. */
@ApplicationScoped
@Transactional
public class GuardianService {

    private static final List<String> READ_ANYONE =
            List.of(Roles.DPO, Roles.SCHOOL_ADMIN, Roles.SAFEGUARDING_LEAD, Roles.MIS, Roles.AUDITOR);
    private static final List<String> SEE_RESTRICTIONS =
            List.of(Roles.DPO, Roles.SCHOOL_ADMIN, Roles.MIS, Roles.AUDITOR);

    /** A guardian as stored now, and whether the write created them. */
    public record Written(Guardian guardian, boolean created) {}

    private final RosterQueries queries;
    private final RosterService roster;
    private final SchoolService schools;
    private final AuditLog audit;

    public GuardianService(RosterQueries queries, RosterService roster, SchoolService schools, AuditLog audit) {
        this.queries = queries;
        this.roster = roster;
        this.schools = schools;
        this.audit = audit;
    }

    @Transactional(TxType.SUPPORTS)
    public Page<Guardian> list(String urn, PageRequest page) {
        return queries.guardians(urn, page);
    }

    /** One guardian: staff read anyone, a parent only themself and without the restriction markers. */
    @Transactional(TxType.SUPPORTS)
    public Guardian get(String urn, String guardianId, Caller caller) {
        boolean self = guardianId.equals(caller.subject());
        if (!self && !caller.hasAnyRole(READ_ANYONE)) {
            throw Problems.notFound("no guardian with that id");
        }
        Guardian guardian =
                queries.guardian(urn, guardianId).orElseThrow(() -> Problems.notFound("no guardian with that id"));
        return caller.hasAnyRole(SEE_RESTRICTIONS) ? guardian : guardian.withoutRestrictions();
    }

    /** Creates or updates a guardian and their links ({@code If-Match} optional). */
    public Written put(String urn, String guardianId, String ifMatch, GuardianInput input, Caller caller) {
        if (input.guardianId() != null && !input.guardianId().equals(guardianId)) {
            throw Problems.invalid("guardianId", "the body names another guardian than the path");
        }
        schools.require(urn);
        if (ifMatch != null) {
            ETags.requireMatch(
                    ifMatch,
                    queries.guardian(urn, guardianId).map(Guardian::version).orElse(0L));
        }
        RosterService.GuardianSync sync = roster.upsertGuardians(urn, List.of(input.withId(guardianId)));
        Guardian stored = queries.guardian(urn, guardianId).orElseThrow();
        audit.record(
                caller,
                urn,
                "guardians/" + guardianId,
                "guardian.upserted",
                Outcome.SUCCESS,
                sync.counts().toString());
        roster.recordSuiteChanges(urn, caller, List.of(), sync.records());
        return new Written(stored, !sync.created().isEmpty());
    }
}
