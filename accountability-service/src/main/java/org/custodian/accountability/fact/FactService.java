package org.custodian.accountability.fact;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.ConsentEvents;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.InvalidEventException;
import org.custodian.platform.events.RetentionEvents;
import org.custodian.platform.events.RosterEvents;
import org.custodian.platform.events.SharingEvents;
import org.custodian.platform.persistence.TransactionLocks;

/**
 * Keeps the projection of a school's facts from its owners' events, in the consumer's transaction: each event becomes
 * the fact as it now stands (merged with the one held, {@link FactRules}), and a change is announced to the documents
 * made of the facts ({@link FactsChanged}). Events about anything else are ignored.
 */
@ApplicationScoped
@Transactional
public class FactService {

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {};
    private static final String SCHOOL_KEY = "profile";

    private final FactQueries facts;
    private final TransactionLocks locks;
    private final Event<FactsChanged> changed;

    FactService(FactQueries facts, TransactionLocks locks, Event<FactsChanged> changed) {
        this.facts = facts;
        this.locks = locks;
        this.changed = changed;
    }

    private static final java.util.Set<String> READS = java.util.Set.of(
            EventTypes.SCHOOL_UPDATED,
            EventTypes.PURPOSE_CREATED,
            EventTypes.PURPOSE_REWORDED,
            EventTypes.RECIPIENT_CREATED,
            EventTypes.RECIPIENT_UPDATED,
            EventTypes.AGREEMENT_CREATED,
            EventTypes.AGREEMENT_UPDATED,
            EventTypes.AGREEMENT_ENDED,
            EventTypes.RETENTION_RULE_CHANGED,
            EventTypes.HOLDING_SYSTEMS_CHANGED);

    /** Whether events of the type are facts this service keeps (the others are not recorded in the inbox). */
    public static boolean reads(String type) {
        return READS.contains(type);
    }

    /** Applies one event (the inbox has checked it is the first delivery); true when a fact changed. */
    public boolean apply(CloudEvent event) {
        Optional<Fact> incoming = factOf(event);
        if (incoming.isEmpty()) {
            return false;
        }
        String urn = event.schoolurn();
        if (urn == null) {
            throw new InvalidEventException("event " + event.id() + " (" + event.type() + ") has no schoolurn");
        }
        // one writer per school at a time, so that the documents are judged against every fact committed before
        locks.hold("accountability.facts." + urn);
        Fact fact = incoming.get();
        Optional<Fact> merged =
                FactRules.merge(facts.held(urn, fact.kind(), fact.key()).orElse(null), fact);
        merged.ifPresent(m -> {
            facts.hold(urn, m);
            changed.fire(new FactsChanged(urn));
        });
        return merged.isPresent();
    }

    /** Everything held about the school, typed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SchoolFacts of(String urn) {
        ObjectMapper mapper = CloudEventCodec.mapper();
        SchoolFacts.Sourced<RosterEvents.SchoolUpdated> school = null;
        List<SchoolFacts.Sourced<ConsentEvents.PurposeDefined>> purposes = new ArrayList<>();
        List<SchoolFacts.Sourced<SharingEvents.RecipientChanged>> recipients = new ArrayList<>();
        List<SchoolFacts.Sourced<SharingEvents.AgreementChanged>> agreements = new ArrayList<>();
        List<SchoolFacts.Sourced<RetentionEvents.RetentionRuleChanged>> rules = new ArrayList<>();
        SchoolFacts.Sourced<RetentionEvents.HoldingSystemsChanged> systems = null;
        for (Fact fact : facts.ofSchool(urn)) {
            FactRef ref = FactRef.of(fact);
            switch (fact.kind()) {
                case SCHOOL ->
                    school = new SchoolFacts.Sourced<>(
                            mapper.convertValue(fact.data(), RosterEvents.SchoolUpdated.class), ref);
                case PURPOSE ->
                    purposes.add(new SchoolFacts.Sourced<>(
                            mapper.convertValue(fact.data(), ConsentEvents.PurposeDefined.class), ref));
                case RECIPIENT ->
                    recipients.add(new SchoolFacts.Sourced<>(
                            mapper.convertValue(fact.data(), SharingEvents.RecipientChanged.class), ref));
                case AGREEMENT ->
                    agreements.add(new SchoolFacts.Sourced<>(
                            mapper.convertValue(fact.data(), SharingEvents.AgreementChanged.class), ref));
                case RETENTION_RULE ->
                    rules.add(new SchoolFacts.Sourced<>(
                            mapper.convertValue(fact.data(), RetentionEvents.RetentionRuleChanged.class), ref));
                case HOLDING_SYSTEMS ->
                    systems = new SchoolFacts.Sourced<>(
                            mapper.convertValue(fact.data(), RetentionEvents.HoldingSystemsChanged.class), ref);
            }
        }
        Comparator<SchoolFacts.Sourced<?>> byKey =
                Comparator.comparing(s -> s.ref().key());
        purposes.sort(byKey);
        recipients.sort(byKey);
        agreements.sort(byKey);
        rules.sort(byKey);
        return new SchoolFacts(urn, school, purposes, recipients, agreements, rules, systems);
    }

    private static Optional<Fact> factOf(CloudEvent event) {
        Instant at = event.time() != null ? event.time().toInstant() : null;
        switch (event.type()) {
            case EventTypes.SCHOOL_UPDATED -> {
                RosterEvents.SchoolUpdated s = CloudEventCodec.data(event, RosterEvents.SchoolUpdated.class);
                return Optional.of(fact(FactKind.SCHOOL, SCHOOL_KEY, 0, required(at, "time"), s));
            }
            case EventTypes.PURPOSE_CREATED -> {
                ConsentEvents.PurposeDefined p = CloudEventCodec.data(event, ConsentEvents.PurposeDefined.class);
                return Optional.of(fact(
                        FactKind.PURPOSE, required(p.purpose(), "purpose"), p.version(), orElse(p.definedAt(), at), p));
            }
            case EventTypes.PURPOSE_REWORDED -> {
                ConsentEvents.Reworded r = CloudEventCodec.data(event, ConsentEvents.Reworded.class);
                // a rewording carries what changed: the data categories and validity stay as the purpose has them
                ConsentEvents.PurposeDefined p = new ConsentEvents.PurposeDefined(
                        required(r.purpose(), "purpose"),
                        r.version(),
                        r.title(),
                        r.wording(),
                        r.kind(),
                        null,
                        null,
                        orElse(r.rewordedAt(), at));
                Fact carried = fact(FactKind.PURPOSE, p.purpose(), p.version(), p.definedAt(), p);
                Map<String, Object> data = new java.util.HashMap<>(carried.data());
                data.remove("dataCategories");
                data.remove("validity");
                return Optional.of(
                        new Fact(carried.kind(), carried.key(), carried.version(), carried.changedAt(), data));
            }
            case EventTypes.RECIPIENT_CREATED, EventTypes.RECIPIENT_UPDATED -> {
                SharingEvents.RecipientChanged r = CloudEventCodec.data(event, SharingEvents.RecipientChanged.class);
                return Optional.of(fact(
                        FactKind.RECIPIENT,
                        required(r.recipientId(), "recipientId"),
                        r.version(),
                        orElse(r.changedAt(), at),
                        r));
            }
            case EventTypes.AGREEMENT_CREATED, EventTypes.AGREEMENT_UPDATED, EventTypes.AGREEMENT_ENDED -> {
                SharingEvents.AgreementChanged a = CloudEventCodec.data(event, SharingEvents.AgreementChanged.class);
                return Optional.of(fact(
                        FactKind.AGREEMENT,
                        required(a.agreementId(), "agreementId"),
                        a.version(),
                        orElse(a.changedAt(), at),
                        a));
            }
            case EventTypes.RETENTION_RULE_CHANGED -> {
                RetentionEvents.RetentionRuleChanged r =
                        CloudEventCodec.data(event, RetentionEvents.RetentionRuleChanged.class);
                return Optional.of(fact(
                        FactKind.RETENTION_RULE,
                        required(r.recordClass(), "recordClass"),
                        r.version(),
                        orElse(r.changedAt(), at),
                        r));
            }
            case EventTypes.HOLDING_SYSTEMS_CHANGED -> {
                RetentionEvents.HoldingSystemsChanged h =
                        CloudEventCodec.data(event, RetentionEvents.HoldingSystemsChanged.class);
                return Optional.of(
                        fact(FactKind.HOLDING_SYSTEMS, "holdings", h.version(), orElse(h.changedAt(), at), h));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static Fact fact(FactKind kind, String key, long version, Instant changedAt, Object record) {
        return new Fact(kind, key, version, changedAt, CloudEventCodec.mapper().convertValue(record, FIELDS));
    }

    private static Instant orElse(Instant value, Instant fallback) {
        return required(value != null ? value : fallback, "a time");
    }

    private static <T> T required(T value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new InvalidEventException("event data has no " + field);
        }
        return value;
    }
}
