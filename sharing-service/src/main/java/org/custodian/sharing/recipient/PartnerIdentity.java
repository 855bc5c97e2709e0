package org.custodian.sharing.recipient;

import java.util.Set;
import java.util.UUID;

/**
 * Who a partner-only caller is: an organisation (its token's {@code partner_id}), reaching every recipient any school
 * linked to it; or, for a token without one, as before, one recipient (its {@code sub}) in the schools of its token.
 *
 * @param partnerId   the organisation, or null
 * @param recipientId the recipient a token without a partner id names (a sub that is no recipient id names nobody)
 * @param schools     the schools of a token without a partner id
 */
public record PartnerIdentity(String partnerId, UUID recipientId, Set<String> schools) {

    /** Nobody's recipient id: a partner token whose sub is not a recipient id reaches nothing. */
    public static final UUID NOBODY = new UUID(0, 0);

    public static PartnerIdentity organisation(String partnerId) {
        return new PartnerIdentity(partnerId, null, Set.of());
    }

    public static PartnerIdentity recipient(UUID recipientId, Set<String> schools) {
        return new PartnerIdentity(null, recipientId, Set.copyOf(schools));
    }

    public boolean isOrganisation() {
        return partnerId != null;
    }

    /** For audit details: which partner acted. */
    public String describe() {
        return isOrganisation() ? "partner " + partnerId : "partner token for recipient " + recipientId;
    }
}
