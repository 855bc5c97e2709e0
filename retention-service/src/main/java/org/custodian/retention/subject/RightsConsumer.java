package org.custodian.retention.subject;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.InvalidEventException;
import org.custodian.platform.events.RightsEvents;
import org.custodian.platform.inbox.IdempotentConsumer;
import org.custodian.retention.holding.DueRecalculation;
import org.custodian.retention.holding.Holding;
import org.custodian.retention.holding.HoldingStore;
import org.custodian.retention.support.Actor;
import org.custodian.retention.support.Today;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Projects {@code custodian.rights.v1}: an {@code erasure.approved} brings the pupil's consent-based holdings forward
 * (due for destruction on the day of approval) and leaves legal-obligation holdings in place with the reason noted
 * on each; the outcome is written to the audit log.
 */
@ApplicationScoped
public class RightsConsumer {

    public static final String NAME = "retention-rights";

    @Inject
    IdempotentConsumer idempotent;

    @Inject
    SubjectFactsStore facts;

    @Inject
    DueRecalculation recalculation;

    @Inject
    HoldingStore holdings;

    @Inject
    AuditLog audit;

    @Inject
    Today today;

    @Incoming("rights")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        idempotent.apply(NAME, record, this::apply);
    }

    void apply(CloudEvent event) {
        if (!event.type().equals(EventTypes.ERASURE_APPROVED)) {
            return;
        }
        String urn = EventChecks.school(event);
        RightsEvents.ErasureApproved erasure = CloudEventCodec.data(event, RightsEvents.ErasureApproved.class);
        EventChecks.pupil(event, erasure.pupilId());
        if (erasure.requestId() == null || erasure.requestId().isBlank()) {
            throw new InvalidEventException("erasure.approved " + event.id() + " names no request");
        }
        facts.erasureApproved(
                urn,
                erasure.pupilId(),
                erasure.requestId(),
                EventChecks.day(event, null, today),
                erasure.consentBasedOnly(),
                erasure.categories(),
                erasure.reason());
        recalculation.forPupil(urn, erasure.pupilId());

        String marker = "(request " + erasure.requestId() + ")";
        List<Holding> about = holdings.forPupil(urn, erasure.pupilId()).stream()
                .filter(h -> h.status().recomputable())
                .toList();
        TreeSet<String> brought = new TreeSet<>();
        TreeSet<String> kept = new TreeSet<>();
        long broughtCount = 0;
        long keptCount = 0;
        for (Holding h : about) {
            if (h.due().because() != null && h.due().because().contains(marker)) {
                brought.add(h.classCode());
                broughtCount++;
            } else if (h.due().erasureNote() != null && h.due().erasureNote().contains(marker)) {
                kept.add(h.classCode());
                keptCount++;
            }
        }
        Actor.service("erasure.approved " + event.id())
                .audit(
                        audit,
                        urn,
                        "pupils/" + erasure.pupilId(),
                        "erasure.applied",
                        "request " + erasure.requestId() + ": " + broughtCount
                                + " consent-based holdings brought forward for "
                                + "destruction " + brought + "; " + keptCount
                                + " kept because they rest on a legal obligation "
                                + kept
                                + (erasure.consentBasedOnly()
                                        ? ""
                                        : " (the request asked for more than consent-based data)"));
    }
}
