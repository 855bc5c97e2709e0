package org.custodian.retention.holding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.RetentionEvents;
import org.custodian.platform.persistence.TransactionLocks;
import org.custodian.retention.events.RetentionEventSink;

/**
 * Announces which systems hold the school's records, by record class ({@code holding-systems.changed}, about the
 * school): what accountability-service's record of processing activities names as where each kind of data is kept.
 * Every use case that changes which holdings are held (a registration, which may add a source or move one to another
 * class; a confirmed destruction or transfer) calls {@link #announceIfChanged} last, in its own transaction. The map is
 * computed from the register in one aggregate query and compared with the one last announced under the school's
 * transaction lock, so that concurrent changes announce their maps in the order they commit, each version once. A
 * school with holdings from before this announcement existed is announced by its next registration, even one that
 * changes nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class HoldingSystemsService {

    private final HoldingSystemsQueries store;
    private final RetentionEventSink events;
    private final Clock clock;
    private final TransactionLocks locks;

    public HoldingSystemsService(
            HoldingSystemsQueries store, RetentionEventSink events, Clock clock, TransactionLocks locks) {
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.locks = locks;
    }

    static String lockOf(String urn) {
        return "retention.holding-systems." + urn;
    }

    /**
     * Emits the school's map of systems by class, in the caller's transaction, when it differs from the one last
     * announced (nothing when nothing is held and nothing was ever announced); returns what it emitted. Holds the
     * school's lock until the transaction ends: call it after the caller's last change to the register.
     */
    public Optional<RetentionEvents.HoldingSystemsChanged> announceIfChanged(String urn) {
        locks.hold(lockOf(urn));
        Map<String, List<String>> held = store.held(urn);
        Optional<HoldingSystemsQueries.Announced> last = store.last(urn);
        if (last.map(a -> a.systemsByClass().equals(held)).orElse(held.isEmpty())) {
            return Optional.empty();
        }
        long version = last.map(a -> a.version() + 1).orElse(1L);
        Instant now = clock.instant();
        if (!store.record(urn, version, held, now)) {
            throw new IllegalStateException("holding systems of school " + urn + ": version " + version
                    + " is not the next one (announced without the school's lock?)");
        }
        RetentionEvents.HoldingSystemsChanged changed = new RetentionEvents.HoldingSystemsChanged(version, held, now);
        events.emit(EventTypes.HOLDING_SYSTEMS_CHANGED, urn, null, changed);
        return Optional.of(changed);
    }
}
