package org.custodian.sharing.support;

import java.util.List;
import java.util.Optional;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;

/**
 * A {@code partner} token speaks for one recipient: its {@code sub} is the recipient id. A caller who is also the
 * school's DPO or administrator is not limited to one recipient.
 */
public final class PartnerScope {

    private PartnerScope() {}

    /** The recipient id a partner-only caller is limited to; empty for the school's own people. */
    public static Optional<String> of(Caller caller) {
        if (caller.hasRole(Roles.PARTNER) && !caller.hasAnyRole(List.of(Roles.DPO, Roles.SCHOOL_ADMIN))) {
            return Optional.of(String.valueOf(caller.subject()));
        }
        return Optional.empty();
    }

    /** Whether the caller may see what belongs to this recipient. */
    public static boolean mayActFor(Caller caller, Object recipientId) {
        return of(caller).map(own -> own.equals(String.valueOf(recipientId))).orElse(true);
    }
}
