package org.custodian.consent.purpose;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
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

    private final PurposeQueries queries;
    private final SchoolService schools;
    private final Outbox outbox;
    private final EventSource events;
    private final AuditLog audit;
    private final Event<PurposeReworded> reworded;

    public PurposeService(
            PurposeQueries queries,
            SchoolService schools,
            Outbox outbox,
            EventSource events,
            AuditLog audit,
            Event<PurposeReworded> reworded) {
        this.queries = queries;
        this.schools = schools;
        this.outbox = outbox;
        this.events = events;
        this.audit = audit;
        this.reworded = reworded;
    }

    void seedDefaults(@Observes SchoolCreated created) {
        for (Purpose purpose : DefaultPurposes.ALL) {
            queries.insert(created.urn(), purpose, SYSTEM);
        }
    }

    @Transactional(TxType.SUPPORTS)
    public List<Purpose> list(String urn) {
        List<Purpose> stored = queries.list(urn);
        if (stored.isEmpty() && !schools.exists(urn)) {
            return DefaultPurposes.ALL.stream()
                    .sorted((a, b) -> a.code().compareTo(b.code()))
                    .toList();
        }
        return stored;
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<Purpose> find(String urn, String code) {
        Optional<Purpose> stored = queries.find(urn, code);
        if (stored.isEmpty() && !schools.exists(urn)) {
            return DefaultPurposes.ALL.stream()
                    .filter(p -> p.code().equals(code))
                    .findFirst();
        }
        return stored;
    }

    /** A purpose with every wording it had, or a 404. */
    @Transactional(TxType.SUPPORTS)
    public PurposeDetail detail(String urn, String code) {
        Purpose purpose = find(urn, code).orElseThrow(() -> Problems.notFound("no purpose " + code));
        List<PurposeVersion> versions = queries.versions(urn, code);
        if (versions.isEmpty()) {
            versions = List.of(new PurposeVersion(1, purpose.title(), purpose.wording(), false, null, SYSTEM));
        }
        return new PurposeDetail(purpose, versions);
    }

    /** The purposes named, by code; an unknown code is a 400 naming the field. */
    @Transactional(TxType.SUPPORTS)
    public Map<String, Purpose> require(String urn, Collection<String> codes, String field) {
        Map<String, Purpose> found =
                queries.findAll(urn, codes).stream().collect(Collectors.toMap(Purpose::code, Function.identity()));
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
        return queries.versions(urn, code).stream()
                .filter(v -> v.version() == version)
                .findFirst()
                .orElseThrow();
    }

    public Purpose create(String urn, PurposeRequest request, Caller caller) {
        if (!Validity.isValid(request.validity())) {
            throw Problems.invalid(
                    "validity", "ACADEMIC_YEAR, an ISO-8601 period such as P1Y, or absent for no expiry");
        }
        schools.require(urn);
        if (queries.find(urn, request.code()).isPresent()) {
            throw Problems.conflict("purpose " + request.code() + " exists already; add a version to reword it");
        }
        queries.insert(
                urn,
                new Purpose(
                        request.code(),
                        request.title(),
                        request.kind(),
                        request.dataCategories(),
                        request.validity(),
                        1,
                        1,
                        request.wording()),
                caller.subject());
        Purpose created = queries.find(urn, request.code()).orElseThrow();
        audit.record(caller, urn, null, "purpose.created", Outcome.SUCCESS, created.code());
        return created;
    }

    /** A new wording ({@code If-Match}: the current version); with reconsent, grants to older wordings stop counting. */
    public Purpose reword(String urn, String code, String ifMatch, RewordRequest request, Caller caller) {
        schools.require(urn);
        Purpose current = queries.find(urn, code).orElseThrow(() -> Problems.notFound("no purpose " + code));
        ETags.requireMatch(ifMatch, current.currentVersion());
        int version = current.currentVersion() + 1;
        String title = request.title() == null ? current.title() : request.title();
        queries.insertVersion(
                urn, code, version, title, request.wording(), request.requiresReconsent(), caller.subject());
        queries.updateCurrent(
                urn, code, title, version, request.requiresReconsent() ? version : current.reconsentFrom());
        outbox.append(events.about(
                EventTypes.PURPOSE_REWORDED,
                urn,
                "schools/" + urn + "/purposes/" + code,
                CloudEventCodec.toData(new ConsentEvents.Reworded(
                        code,
                        version,
                        request.requiresReconsent(),
                        current.kind().name()))));
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
        return queries.find(urn, code).orElseThrow();
    }
}
