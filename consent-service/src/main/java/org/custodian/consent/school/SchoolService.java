package org.custodian.consent.school;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import org.custodian.platform.audit.AuditEntry.Outcome;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventSource;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.RosterEvents;
import org.custodian.platform.http.ETags;
import org.custodian.platform.outbox.Outbox;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;

/**
 * The school profile: read as stored, or as the defaults it would start with (a read never writes); created with its
 * defaults (and, through {@link SchoolCreated}, the default purposes) the first time something is written for it.
 */
@ApplicationScoped
@Transactional
public class SchoolService {

    private final SchoolRepository repository;
    private final Clock clock;
    private final Outbox outbox;
    private final EventSource events;
    private final AuditLog audit;
    private final Event<SchoolCreated> created;
    private final Event<SchoolRulesChanged> rulesChanged;

    public SchoolService(
            SchoolRepository repository,
            Clock clock,
            Outbox outbox,
            EventSource events,
            AuditLog audit,
            Event<SchoolCreated> created,
            Event<SchoolRulesChanged> rulesChanged) {
        this.repository = repository;
        this.clock = clock;
        this.outbox = outbox;
        this.events = events;
        this.audit = audit;
        this.created = created;
        this.rulesChanged = rulesChanged;
    }

    /** The profile as stored, or the defaults of a school nobody has written for yet (nothing is stored). */
    @Transactional(TxType.SUPPORTS)
    public School profile(String urn) {
        return repository.findProfile(urn).orElseGet(() -> School.defaults(urn));
    }

    /** Whether anything was ever written for the school. */
    @Transactional(TxType.SUPPORTS)
    public boolean exists(String urn) {
        return repository.findProfile(urn).isPresent();
    }

    /** The school, created with its defaults the first time something is written for it. */
    public School require(String urn) {
        return repository.findProfile(urn).orElseGet(() -> create(urn));
    }

    private School create(String urn) {
        School school = School.defaults(urn);
        if (repository.createIfAbsent(school)) {
            created.fire(new SchoolCreated(urn));
            announce(school);
        }
        return repository.findProfile(urn).orElseThrow();
    }

    /** Replaces the profile ({@code If-Match} required); emits {@code school.updated}. */
    public School update(String urn, String ifMatch, SchoolRequest request, Caller caller) {
        School school = require(urn);
        ETags.requireMatch(ifMatch, school.version());
        if (request.nation() != null && request.nation().region() != request.region()) {
            throw Problems.invalid(
                    "nation", request.nation() + " does not lie in the bank-holiday region " + request.region());
        }
        boolean settingsChanged = school.replace(request, clock.instant());
        try {
            repository.flush();
        } catch (OptimisticLockException e) {
            throw Problems.preconditionFailed(
                    "the profile changed while you were updating it; read it again and retry");
        }
        announce(school);
        if (settingsChanged) {
            rulesChanged.fire(new SchoolRulesChanged(urn));
        }
        audit.record(caller, urn, null, "school.updated", Outcome.SUCCESS, "profile version " + school.version());
        return school;
    }

    private void announce(School school) {
        outbox.append(events.aboutSchool(
                EventTypes.SCHOOL_UPDATED,
                school.urn(),
                CloudEventCodec.toData(new RosterEvents.SchoolUpdated(
                        school.urn(),
                        school.name(),
                        school.type().name(),
                        school.region().name(),
                        school.dpoName(),
                        school.dpoEmail(),
                        school.competenceAge(),
                        school.conflictPolicy().name(),
                        school.nation().name()))));
    }
}
