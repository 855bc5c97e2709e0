package org.custodian.consent.me;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.consent.decision.ConsentStatus;
import org.custodian.consent.decision.PupilConsents;
import org.custodian.consent.purpose.Purpose;
import org.custodian.consent.purpose.Purposes;
import org.custodian.consent.roster.Pupil;
import org.custodian.consent.roster.PupilView;
import org.custodian.consent.roster.Roster;
import org.custodian.consent.school.School;
import org.custodian.consent.school.Schools;
import org.custodian.consent.support.Today;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.platform.security.SchoolUrn;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where the front end starts: who the caller is, their schools, and for a parent their children's consents. */
@Path("/api/v1/me")
@Tag(name = "Me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Me(String subject, Set<String> roles, List<SchoolView> schools) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SchoolView(String urn, String name, List<Child> children, Child self) {}

    /** A child with a one-word status for every purpose of the school. */
    public record Child(PupilView pupil, Map<String, ConsentStatus> consents) {}

    @Inject
    Caller caller;

    @Inject
    Schools schools;

    @Inject
    Roster roster;

    @Inject
    Purposes purposes;

    @Inject
    PupilConsents consents;

    @Inject
    Today today;

    @GET
    @RolesAllowed({
        Roles.DPO,
        Roles.SCHOOL_ADMIN,
        Roles.STAFF,
        Roles.SAFEGUARDING_LEAD,
        Roles.PARENT,
        Roles.PUPIL,
        Roles.MIS,
        Roles.AUDITOR
    })
    @Operation(
            summary =
                    "The caller, their schools and roles; for a parent their children with a consent summary, for a pupil their own")
    @APIResponse(responseCode = "200", description = "Who you are")
    public Me me() {
        List<SchoolView> views = new ArrayList<>();
        for (String urn : caller.schools()) {
            if (!SchoolUrn.isValid(urn)) {
                continue;
            }
            School school = schools.require(urn);
            List<Child> children = null;
            Child self = null;
            if (caller.hasRole(Roles.PARENT)) {
                children = withConsents(urn, roster.childrenOf(urn, caller.subject()));
            }
            if (caller.hasRole(Roles.PUPIL)) {
                self = roster.pupil(urn, caller.subject())
                        .map(p -> withConsents(urn, List.of(p)).get(0))
                        .orElse(null);
            }
            views.add(new SchoolView(urn, school.name(), children, self));
        }
        return new Me(caller.subject(), caller.roles(), views);
    }

    private List<Child> withConsents(String urn, List<Pupil> pupils) {
        List<String> codes = purposes.list(urn).stream().map(Purpose::code).toList();
        Map<String, Map<String, ConsentStatus>> known =
                consents.summaries(urn, pupils.stream().map(Pupil::pupilId).toList(), codes);
        return pupils.stream()
                .map(p -> {
                    Map<String, ConsentStatus> all = new LinkedHashMap<>();
                    codes.forEach(code -> all.put(
                            code,
                            known.getOrDefault(p.pupilId(), Map.of()).getOrDefault(code, ConsentStatus.NOT_ASKED)));
                    return new Child(PupilView.of(p, today.date()), all);
                })
                .toList();
    }
}
