package org.custodian.consent.purpose;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custodian.consent.school.SchoolCreated;
import org.custodian.consent.school.SchoolService;
import org.custodian.platform.audit.AuditEntry.Outcome;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.ConsentEvents;
import org.custodian.platform.events.EventSource;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.http.ETags;
import org.custodian.platform.outbox.Outbox;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;

/**
 * A school's catalogue of consent purposes and every wording each one had. A school nobody has written for yet reads
 * as the default catalogue it will start with (a read never writes).
 */
@ApplicationScoped
@Transactional
public class PurposeService {

    private static final String SYSTEM = "system";

    private final PurposeRepository repository;
    private final SchoolService schools;
    private final Outbox outbox;
    private final EventSource events;
    private final AuditLog audit;
    private final Event<PurposeReworded> reworded;
    private final Clock clock;

    public PurposeService(
            PurposeRepository repository,
            SchoolService schools,
            Outbox outbox,
            EventSource events,
            AuditLog audit,
            Event<PurposeReworded> reworded,
            Clock clock) {
        this.repository = repository;
        this.schools = schools;
        this.outbox = outbox;
        this.events = events;
        this.audit = audit;
        this.reworded = reworded;
        this.clock = clock;
    }

    void seedDefaults(@Observes SchoolCreated created) {
        List<Purpose> defaults = DefaultPurposes.of(created.urn(), SYSTEM, clock.instant());
        repository.persist(defaults);
        repository.flush();
        defaults.forEach(this::announce);
    }

    @Transactional(TxType.SUPPORTS)
    public List<Purpose> list(String urn) {
        List<Purpose> stored = repository.listInSchool(urn);
        if (stored.isEmpty() && !schools.exists(urn)) {
            return DefaultPurposes.of(urn, SYSTEM, null).stream()
                    .sorted((a, b) -> a.code().compareTo(b.code()))
                    .toList();
        }
        return stored;
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<Purpose> find(String urn, String code) {
        Optional<Purpose> stored = repository.findInSchool(urn, code);
        if (stored.isEmpty() && !schools.exists(urn)) {
            return DefaultPurposes.of(urn, SYSTEM, null).stream()
                    .filter(p -> p.code().equals(code))
                    .findFirst();
        }
        return stored;
    }

    /** A purpose with every wording it had (a 404 when there is none). */
    @Transactional(TxType.SUPPORTS)
    public Purpose detail(String urn, String code) {
        return find(urn, code).orElseThrow(() -> Problems.notFound("no purpose " + code));
    }

    /** The purposes named, by code; an unknown code is a 400 naming the field. */
    @Transactional(TxType.SUPPORTS)
    public Map<String, Purpose> require(String urn, Collection<String> codes, String field) {
        Map<String, Purpose> found = repository.listInSchool(urn, codes).stream()
                .collect(Collectors.toMap(Purpose::code, Function.identity()));
        List<String> unknown =
                codes.stream().filter(c -> !found.containsKey(c)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw Problems.invalid(
                    field,
                    "unknown purpose code" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                            + " (see GET /api/v1/schools/{urn}/purposes)");
        }
        return found;
    }

    /** The wording of one version of a purpose. */
    @Transactional(TxType.SUPPORTS)
    public PurposeVersion wording(String urn, String code, int version) {
        return repository
                .findInSchool(urn, code)
                .flatMap(purpose -> purpose.version(version))
                .orElseThrow();
    }

    public Purpose create(String urn, PurposeRequest request, Caller caller) {
        if (!Validity.isValid(request.validity())) {
            throw Problems.invalid(
                    "validity", "ACADEMIC_YEAR, an ISO-8601 period such as P1Y, or absent for no expiry");
        }
        schools.require(urn);
        if (repository.findInSchool(urn, request.code()).isPresent()) {
            throw Problems.conflict("purpose " + request.code() + " exists already; add a version to reword it");
        }
        Purpose created = Purpose.create(
                urn,
                request.code(),
                request.title(),
                request.kind(),
                request.dataCategories(),
                request.validity(),
                request.wording(),
                caller.subject(),
                clock.instant());
        repository.persist(created);
        repository.flush();
        announce(created);
        audit.record(caller, urn, null, "purpose.created", Outcome.SUCCESS, created.code());
        return created;
    }

    /** {@code purpose.created}, for whoever keeps the school's purposes (the privacy notice, partners' projections). */
    private void announce(Purpose purpose) {
        PurposeVersion first = purpose.version(1).orElseThrow();
        outbox.append(events.about(
                EventTypes.PURPOSE_CREATED,
                purpose.schoolUrn(),
                subject(purpose.schoolUrn(), purpose.code()),
                CloudEventCodec.toData(new ConsentEvents.PurposeDefined(
                        purpose.code(),
                        first.version(),
                        first.title(),
                        first.wording(),
                        purpose.kind().name(),
                        purpose.dataCategories(),
                        purpose.validity(),
                        first.createdAt()))));
    }

    private static String subject(String urn, String code) {
        return "schools/" + urn + "/purposes/" + code;
    }

    /** A new wording ({@code If-Match}: the current version); with reconsent, grants to older wordings stop counting. */
    public Purpose reword(String urn, String code, String ifMatch, RewordRequest request, Caller caller) {
        schools.require(urn);
        Purpose purpose = repository.findInSchool(urn, code).orElseThrow(() -> Problems.notFound("no purpose " + code));
        ETags.requireMatch(ifMatch, purpose.currentVersion());
        PurposeVersion added = purpose.reword(
                request.title(), request.wording(), request.requiresReconsent(), caller.subject(), clock.instant());
        int version = added.version();
        repository.flush();
        outbox.append(events.about(
                EventTypes.PURPOSE_REWORDED,
                urn,
                subject(urn, code),
                CloudEventCodec.toData(new ConsentEvents.Reworded(
                        code,
                        version,
                        request.requiresReconsent(),
                        purpose.kind().name(),
                        added.title(),
                        added.wording(),
                        added.createdAt()))));
        if (request.requiresReconsent()) {
            reworded.fire(new PurposeReworded(urn, code));
        }
        audit.record(
                caller,
                urn,
                null,
                "purpose.reworded",
                Outcome.SUCCESS,
                code + " v" + version + (request.requiresReconsent() ? ", reconsent required" : ""));
        return purpose;
    }
}
