package org.custodian.retention.holding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.custodian.retention.due.Due;
import org.custodian.retention.due.DueDates;
import org.custodian.retention.due.SubjectFacts;
import org.custodian.retention.schedule.ScheduleStore;
import org.custodian.retention.schedule.ScheduledClass;
import org.custodian.retention.subject.SubjectFactsStore;

/**
 * Recomputes due dates when what they depend on changes: a pupil's dates, consent or erasure (all holdings about
 * the pupil), or a class's rule (all holdings of the class). Only holdings still in the register or proposed move;
 * approved and disposed ones keep the date they were approved on. Works a page at a time, so a class with many
 * holdings never sits in memory at once.
 */
@ApplicationScoped
public class DueRecalculation {

    static final int PAGE = 2000;
    private static final UUID FIRST = new UUID(0, 0);

    /** How many holdings were looked at and how many got a different due date. */
    public record Summary(int examined, int changed) {}

    private final HoldingStore holdings;
    private final ScheduleStore schedule;
    private final SubjectFactsStore facts;

    @Inject
    public DueRecalculation(HoldingStore holdings, ScheduleStore schedule, SubjectFactsStore facts) {
        this.holdings = holdings;
        this.schedule = schedule;
        this.facts = facts;
    }

    public Summary forPupil(String urn, String pupilId) {
        return recompute(urn, HoldingStore.Scope.pupil(Objects.requireNonNull(pupilId)));
    }

    public Summary forClass(String urn, String classCode) {
        return recompute(urn, HoldingStore.Scope.recordClass(Objects.requireNonNull(classCode)));
    }

    public Summary forHoldings(String urn, Collection<UUID> ids) {
        return ids.isEmpty() ? new Summary(0, 0) : recompute(urn, HoldingStore.Scope.ids(ids));
    }

    private Summary recompute(String urn, HoldingStore.Scope scope) {
        Map<String, ScheduledClass> rules = schedule.current(urn);
        UUID after = FIRST;
        int examined = 0;
        int changed = 0;
        while (true) {
            List<Holding> page = holdings.recomputable(urn, scope, after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            Map<String, SubjectFacts> known = facts.load(
                    urn,
                    page.stream()
                            .map(Holding::pupilId)
                            .filter(Objects::nonNull)
                            .distinct()
                            .toList());
            List<HoldingStore.DueUpdate> updates = new ArrayList<>();
            for (Holding holding : page) {
                ScheduledClass rule = rules.get(holding.classCode());
                if (rule == null) {
                    continue;
                }
                Due due = DueDates.compute(
                        rule.rule(),
                        holding.facts(),
                        holding.pupilId() == null
                                ? SubjectFacts.NONE
                                : known.getOrDefault(holding.pupilId(), SubjectFacts.NONE));
                if (!due.equals(holding.due())) {
                    updates.add(new HoldingStore.DueUpdate(holding.id(), due));
                }
            }
            holdings.updateDue(urn, updates);
            examined += page.size();
            changed += updates.size();
            after = page.get(page.size() - 1).id();
            if (page.size() < PAGE) {
                break;
            }
        }
        return new Summary(examined, changed);
    }
}
