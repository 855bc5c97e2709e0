package org.custodian.sharing.partner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.sharing.partner.PartnerNotifier.SharingEnd;
import org.custodian.sharing.recipient.RecipientSuspended;

/**
 * The end of sharing with a recipient, when its last agreement ends or it is suspended: every pupil whose data it
 * received is asked to be deleted.
 */
@ApplicationScoped
public class SharingEndService {

    private final AgreementLookup agreements;

    private final PartnerNotifier notifier;

    private final Jdbc jdbc;

    private final Clock clock;

    SharingEndService(AgreementLookup agreements, PartnerNotifier notifier, Jdbc jdbc, Clock clock) {
        this.agreements = agreements;
        this.notifier = notifier;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * An agreement ended on {@code validTo}: if the recipient has no other agreement in force from {@code today} on,
     * the school has stopped sharing with it altogether and every pupil whose data it received is asked to be deleted.
     * Each end date of an agreement is looked at once.
     *
     * @return how many actions were opened
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int agreementEnded(String urn, UUID agreementId, UUID recipientId, LocalDate validTo, LocalDate today) {
        if (jdbc.update("""
                INSERT INTO agreement_end (school_urn, agreement_id, valid_to, processed_at, actions) VALUES (?, ?, ?, ?, 0)
                ON CONFLICT DO NOTHING
                """, urn, agreementId, validTo, clock.instant()) == 0) {
            return 0;
        }
        if (agreements.anyInForceFrom(urn, recipientId, agreementId, today)) {
            return 0;
        }
        int opened = notifier.sharingEnded(
                urn,
                recipientId,
                SharingEnd.AGREEMENT_ENDED,
                agreementId,
                "agreement-ended:" + agreementId + ":" + validTo);
        jdbc.update(
                "UPDATE agreement_end SET actions = ? WHERE school_urn = ? AND agreement_id = ? AND valid_to = ?",
                opened,
                urn,
                agreementId,
                validTo);
        return opened;
    }

    /** A recipient was suspended ({@link RecipientSuspended}, in the update's transaction). */
    void recipientSuspended(@Observes RecipientSuspended suspended) {
        notifier.sharingEnded(
                suspended.urn(),
                suspended.recipientId(),
                SharingEnd.RECIPIENT_SUSPENDED,
                null,
                "recipient-suspended:" + suspended.recipientId() + ":" + suspended.version());
    }
}
