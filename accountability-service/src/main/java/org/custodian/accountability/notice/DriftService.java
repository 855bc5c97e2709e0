package org.custodian.accountability.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.custodian.accountability.fact.FactsChanged;
import org.custodian.platform.events.AccountabilityEvents;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventSource;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.outbox.Outbox;

/**
 * Judges the published notice each time a school's facts change, in the same transaction: when it stops describing
 * what the school does, it is marked outdated (from that moment) and {@code notice.outdated} says so, once; when the
 * facts come back to what it says, it is current again. The draft is made from the facts, so it is already new.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DriftService {

    private final NoticeService notices;
    private final DriftQueries drift;
    private final Outbox outbox;
    private final EventSource events;
    private final Clock clock;

    DriftService(NoticeService notices, DriftQueries drift, Outbox outbox, EventSource events, Clock clock) {
        this.notices = notices;
        this.drift = drift;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    void factsChanged(@Observes FactsChanged changed) {
        String urn = changed.urn();
        Optional<NoticeService.Judgement> judged = notices.judge(urn);
        if (judged.isEmpty()) {
            return;
        }
        int published = judged.get().published();
        List<Difference> differences = judged.get().differences();
        Optional<DriftQueries.Recorded> recorded = drift.recorded(urn);
        boolean wasOutdated = recorded.isPresent()
                && recorded.get().published() == published
                && recorded.get().outdatedSince() != null;
        Instant now = clock.instant();
        if (differences.isEmpty()) {
            drift.record(urn, published, null, now);
            return;
        }
        drift.record(urn, published, wasOutdated ? recorded.get().outdatedSince() : now, now);
        if (!wasOutdated) {
            List<String> sections =
                    differences.stream().map(d -> d.section().name()).distinct().toList();
            outbox.append(events.aboutSchool(
                    EventTypes.NOTICE_OUTDATED,
                    urn,
                    CloudEventCodec.toData(new AccountabilityEvents.NoticeOutdated(published, sections, now))));
        }
    }
}
