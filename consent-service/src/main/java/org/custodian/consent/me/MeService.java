package org.custodian.consent.me;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.consent.decision.ConsentStatus;
import org.custodian.consent.decision.StatusService;
import org.custodian.consent.purpose.Purpose;
import org.custodian.consent.purpose.PurposeService;
import org.custodian.consent.roster.Pupil;
import org.custodian.consent.roster.PupilView;
import org.custodian.consent.roster.RosterQueries;
import org.custodian.consent.school.SchoolService;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.platform.security.SchoolUrn;
import org.custodian.platform.time.LegalTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who the caller is: their schools and roles, and for a parent their children's consents (a read: nothing is stored). */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class MeService {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Me(String subject, Set<String> roles, List<SchoolView> schools) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SchoolView(
            String urn,
            @Schema(nullable = true) String name,
            @Schema(nullable = true) List<Child> children,
            @Schema(nullable = true) Child self) {}

    /** A child with a one-word status for every purpose of the school. */
    public record Child(PupilView pupil, Map<String, ConsentStatus> consents) {}

    private final SchoolService schools;
    private final RosterQueries roster;
    private final PurposeService purposes;
    private final StatusService statuses;
    private final Clock clock;

    public MeService(
            SchoolService schools, RosterQueries roster, PurposeService purposes, StatusService statuses, Clock clock) {
        this.schools = schools;
        this.roster = roster;
        this.purposes = purposes;
        this.statuses = statuses;
        this.clock = clock;
    }

    public Me me(Caller caller) {
        List<SchoolView> views = new ArrayList<>();
        for (String urn : caller.schools()) {
            if (!SchoolUrn.isValid(urn)) {
                continue;
            }
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
            views.add(new SchoolView(urn, schools.profile(urn).name(), children, self));
        }
        return new Me(caller.subject(), caller.roles(), views);
    }

    private List<Child> withConsents(String urn, List<Pupil> pupils) {
        List<String> codes = purposes.list(urn).stream().map(Purpose::code).toList();
        Map<String, Map<String, ConsentStatus>> known =
                statuses.summaries(urn, pupils.stream().map(Pupil::pupilId).toList(), codes);
        return pupils.stream()
                .map(p -> {
                    Map<String, ConsentStatus> all = new LinkedHashMap<>();
                    codes.forEach(code -> all.put(
                            code,
                            known.getOrDefault(p.pupilId(), Map.of()).getOrDefault(code, ConsentStatus.NOT_ASKED)));
                    return new Child(PupilView.of(p, LegalTime.today(clock)), all);
                })
                .toList();
    }
}
