package org.custodian.consent.roster;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.custodian.platform.http.Params;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;

/**
 * Which pupils a caller may see: school staff, the MIS, auditors and services see the school's roster; a parent sees
 * the children they hold parental responsibility for; a pupil sees themselves. A parent linked to the child without
 * parental responsibility (a step-parent, say) is told why (403); anyone else's child is a 404.
 */
@ApplicationScoped
public class PupilAccess {

    private static final List<String> WHOLE_ROSTER = List.of(
            Roles.DPO,
            Roles.SCHOOL_ADMIN,
            Roles.STAFF,
            Roles.SAFEGUARDING_LEAD,
            Roles.MIS,
            Roles.AUDITOR,
            Roles.SERVICE);

    private final RosterQueries roster;

    public PupilAccess(RosterQueries roster) {
        this.roster = roster;
    }

    /** Why a parent linked to the child without parental responsibility does not see the child's consents. */
    public static String withoutResponsibility(Pupil pupil) {
        return "you do not have parental responsibility for "
                + (pupil.givenName() == null ? "this child" : pupil.givenName())
                + "; the school records decisions from holders of parental responsibility";
    }

    public boolean seesWholeRoster(Caller caller) {
        return caller.hasAnyRole(WHOLE_ROSTER);
    }

    /**
     * The pupil if the caller may see them. A parent linked to the child without parental responsibility: a 403 that
     * says why; anyone else: the same 404 as for a pupil who does not exist.
     */
    public Pupil requireVisible(String urn, String pupilId, Caller caller) {
        Params.matching("pupilId", pupilId, RosterIds.ID, RosterIds.MESSAGE);
        Pupil pupil = roster.pupil(urn, pupilId).orElseThrow(() -> Problems.notFound("no pupil with that id"));
        if (seesWholeRoster(caller)
                || caller.hasRole(Roles.PARENT) && roster.holdsResponsibility(urn, caller.subject(), pupilId)
                || caller.hasRole(Roles.PUPIL) && pupilId.equals(caller.subject())) {
            return pupil;
        }
        if (caller.hasRole(Roles.PARENT)
                && roster.link(urn, caller.subject(), pupilId).isPresent()) {
            throw Problems.forbidden(withoutResponsibility(pupil));
        }
        throw Problems.notFound("no pupil with that id");
    }
}
