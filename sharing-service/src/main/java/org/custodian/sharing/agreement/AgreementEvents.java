package org.custodian.sharing.agreement;

import java.time.LocalDate;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventSource;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.SharingEvents;

/**
 * The {@code agreement.created}, {@code agreement.updated} and {@code agreement.ended} events: the agreement as it
 * stands, subject {@code schools/{urn}/agreements/{id}}.
 */
final class AgreementEvents {

    private AgreementEvents() {}

    /**
     * The type of a change that moved the agreement's last day from {@code previousEnd} to its current one: ended when
     * that day is now today or earlier and was not before (an agreement already ended and changed again is updated).
     */
    static String updateType(LocalDate previousEnd, LocalDate validTo, LocalDate today) {
        boolean endedBefore = previousEnd != null && !previousEnd.isAfter(today);
        boolean endedNow = validTo != null && !validTo.isAfter(today);
        return endedNow && !endedBefore ? EventTypes.AGREEMENT_ENDED : EventTypes.AGREEMENT_UPDATED;
    }

    /** An event of {@code type} about the agreement, as it stands (after the change is written). */
    static CloudEvent of(EventSource source, String type, Agreement a) {
        var c = a.conditions();
        return source.about(
                type,
                a.schoolUrn(),
                "schools/" + a.schoolUrn() + "/agreements/" + a.id(),
                CloudEventCodec.toData(new SharingEvents.AgreementChanged(
                        a.id().toString(),
                        a.recipientId().toString(),
                        a.name(),
                        a.purposes().stream().toList(),
                        a.dataCategories().stream().map(Enum::name).toList(),
                        a.lawfulBasis().name(),
                        a.consentPurpose(),
                        a.legalReference(),
                        name(c.specialCategory()),
                        name(c.schedule1()),
                        name(c.recipientRole()),
                        c.dataSubjectContract(),
                        name(c.restrictionGround()),
                        a.validFrom(),
                        a.validTo(),
                        a.transferCountry(),
                        name(a.transferSafeguard()),
                        name(c.adequacyScheme()),
                        a.seeded(),
                        a.version(),
                        a.updatedAt())));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
