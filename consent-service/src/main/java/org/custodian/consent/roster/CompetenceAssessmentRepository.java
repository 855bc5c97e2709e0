package org.custodian.consent.roster;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.custodian.platform.events.RosterEvents;

/** The DPO's competence assessments, one current assessment per pupil. */
@ApplicationScoped
public class CompetenceAssessmentRepository
        implements PanacheRepositoryBase<CompetenceAssessment, CompetenceAssessment.Key> {

    public Optional<CompetenceAssessment> findOfPupil(String urn, String pupilId) {
        return findByIdOptional(new CompetenceAssessment.Key(urn, pupilId));
    }

    /** For each of these pupils that has one, the current assessment as the rules and the roster events see it. */
    public Map<String, RosterEvents.CompetenceAssessment> currentOf(String urn, Collection<String> pupilIds) {
        Map<String, RosterEvents.CompetenceAssessment> byPupil = new HashMap<>();
        if (pupilIds.isEmpty()) {
            return byPupil;
        }
        list("schoolUrn = ?1 AND pupilId IN ?2", urn, pupilIds).forEach(a -> byPupil.put(a.pupilId(), a.asEvent()));
        return byPupil;
    }
}
