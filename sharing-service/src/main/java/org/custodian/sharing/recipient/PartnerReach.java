package org.custodian.sharing.recipient;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;

/**
 * What a {@code partner} token reaches (issue 17, docs/decisions/0019): with a {@code partner_id} claim, the recipients
 * the schools linked to that partner; without one, as before, the one recipient its {@code sub} names. A caller who is
 * also the school's DPO or administrator is not limited to any recipient.
 */
@ApplicationScoped
public class PartnerReach {

    private final Caller caller;
    private final RecipientRepository recipients;

    PartnerReach(Caller caller, RecipientRepository recipients) {
        this.caller = caller;
        this.recipients = recipients;
    }

    /** The partner a partner-only caller is; empty for the school's own people. */
    public Optional<PartnerIdentity> identity() {
        if (!caller.hasRole(Roles.PARTNER) || caller.hasAnyRole(List.of(Roles.DPO, Roles.SCHOOL_ADMIN))) {
            return Optional.empty();
        }
        Optional<String> partnerId = caller.partnerId();
        if (partnerId.isPresent()) {
            return Optional.of(PartnerIdentity.organisation(partnerId.get()));
        }
        UUID recipient;
        try {
            recipient = UUID.fromString(String.valueOf(caller.subject()));
        } catch (IllegalArgumentException notARecipient) {
            recipient = PartnerIdentity.NOBODY;
        }
        return Optional.of(PartnerIdentity.recipient(recipient, caller.schools()));
    }

    /** Whether the caller may see and act for this recipient of the school (always, for the school's people). */
    public boolean mayActFor(String urn, UUID recipientId) {
        return identity().map(who -> reaches(who, urn, recipientId)).orElse(true);
    }

    /** Whether a partner reaches this recipient of the school. */
    public boolean reaches(PartnerIdentity who, String urn, UUID recipientId) {
        if (!who.isOrganisation()) {
            return who.recipientId().equals(recipientId);
        }
        return recipients
                .findInSchool(urn, recipientId)
                .map(r -> who.partnerId().equals(r.partnerId()))
                .orElse(false);
    }
}
