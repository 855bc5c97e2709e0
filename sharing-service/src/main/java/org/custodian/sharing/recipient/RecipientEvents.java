package org.custodian.sharing.recipient;

import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventSource;
import org.custodian.platform.events.SharingEvents;

/**
 * The {@code recipient.created} and {@code recipient.updated} events: the recipient as it stands, subject
 * {@code schools/{urn}/recipients/{id}}. Never its contact details.
 */
public final class RecipientEvents {

    private RecipientEvents() {}

    /** An event of {@code type} about the recipient, as it stands (after the change is written). */
    public static CloudEvent of(EventSource source, String type, Recipient r) {
        return source.about(
                type,
                r.schoolUrn(),
                "schools/" + r.schoolUrn() + "/recipients/" + r.id(),
                CloudEventCodec.toData(new SharingEvents.RecipientChanged(
                        r.id().toString(),
                        r.name(),
                        r.kind().name(),
                        r.sector().name(),
                        r.country(),
                        r.status().name(),
                        r.contractReference(),
                        r.description(),
                        r.seeded(),
                        r.version(),
                        r.updatedAt())));
    }
}
