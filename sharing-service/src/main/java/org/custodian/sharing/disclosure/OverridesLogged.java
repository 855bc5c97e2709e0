package org.custodian.sharing.disclosure;

import java.util.List;
import org.custodian.sharing.decision.Reason;
import org.custodian.sharing.decision.Sector;
import org.custodian.sharing.disclosurelog.DisclosureEntry;

/**
 * A CDI event, fired in the disclosure's transaction: one request's emergency overrides were just logged, and each is
 * to be reviewed by the DPO.
 */
public record OverridesLogged(String urn, List<Entry> overrides) {

    /** One override: its row, the recipient's sector, the role that allowed it and what it set aside. */
    public record Entry(
            DisclosureEntry disclosure, Sector recipientSector, String authorisedAs, List<Reason> overridden) {}
}
