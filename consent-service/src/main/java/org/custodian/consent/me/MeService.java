package org.custodian.consent.me;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.consent.decision.ConsentStatus;
import org.custodian.consent.decision.PupilConsentService;
import org.custodian.consent.decision.PurposeStatus;
import org.custodian.consent.roster.Pupil;
import org.custodian.consent.roster.PupilAccess;
import org.custodian.consent.roster.PupilView;
import org.custodian.consent.roster.RosterQueries;
import org.custodian.consent.roster.RosterQueries.LinkedChild;
import org.custodian.consent.school.SchoolService;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.platform.security.SchoolUrn;
import org.custodian.platform.time.LegalTime;

/**
 * Who the caller is: their schools and roles, and for a parent their children's consents with titles and reasons, so
 * that a parent's home page needs one call (a read: nothing is stored).
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class MeService {

    private final SchoolService schools;
    private final RosterQueries roster;
    private final PupilConsentService consents;
    private final Clock clock;

    public MeService(SchoolService schools, RosterQueries roster, PupilConsentService consents, Clock clock) {
        this.schools = schools;
        this.roster = roster;
        this.consents = consents;
        this.clock = clock;
    }

    public MeView me(Caller caller) {
        List<MeView.School> views = new ArrayList<>();
        for (String urn : caller.schools()) {
            if (!SchoolUrn.isValid(urn)) {
                continue;
            }
            List<MeView.Child> children = null;
            MeView.Child self = null;
            if (caller.hasRole(Roles.PARENT)) {
                children = roster.linkedChildrenOf(urn, caller.subject()).stream()
                        .map(link -> child(urn, link, caller))
                        .toList();
            }
            if (caller.hasRole(Roles.PUPIL)) {
                self = roster.pupil(urn, caller.subject())
                        .map(p -> withConsents(urn, p, null, null, caller))
                        .orElse(null);
            }
            views.add(new MeView.School(urn, schools.profile(urn).name(), children, self));
        }
        return new MeView(caller.subject(), caller.roles(), views);
    }

    private MeView.Child child(String urn, LinkedChild link, Caller caller) {
        if (!link.parentalResponsibility()) {
            return new MeView.Child(
                    PupilView.of(link.pupil(), LegalTime.today(clock)),
                    link.relationship(),
                    false,
                    PupilAccess.withoutResponsibility(link.pupil()),
                    null,
                    null);
        }
        return withConsents(urn, link.pupil(), link, true, caller);
    }

    private MeView.Child withConsents(String urn, Pupil pupil, LinkedChild link, Boolean canDecide, Caller caller) {
        List<PurposeStatus> statuses = consents.explainFor(urn, pupil, caller);
        Map<String, ConsentStatus> byCode = new LinkedHashMap<>();
        statuses.forEach(s -> byCode.put(s.purpose(), s.status()));
        List<MeView.Purpose> purposes = statuses.stream()
                .map(s -> new MeView.Purpose(
                        s.purpose(), s.title(), s.status(), s.permitted(), s.explanation(), s.refreshWithPupil()))
                .toList();
        return new MeView.Child(
                PupilView.of(pupil, LegalTime.today(clock)),
                link == null ? null : link.relationship(),
                canDecide,
                null,
                byCode,
                purposes);
    }
}
