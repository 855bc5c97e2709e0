package org.custodian.sharing.recipient;

import java.util.UUID;
import org.custodian.sharing.recipient.Recipient.Status;

/** A recipient as its partner sees it: which school, under which id, and whether the school shares with it now. */
public record PartnerRecipientView(String schoolUrn, UUID recipientId, String name, Status status, String partnerId) {
    public static PartnerRecipientView of(Recipient r) {
        return new PartnerRecipientView(r.schoolUrn(), r.id(), r.name(), r.status(), r.partnerId());
    }
}
