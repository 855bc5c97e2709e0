package org.custodian.sharing.partner;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.sharing.actionkind.ActionDeadline;
import org.custodian.sharing.actionkind.ActionKind;

/**
 * What the partner fan-out needs to know about agreements; the agreement package answers it (so that agreements can
 * end sharing through this package without the two depending on each other).
 */
public interface AgreementLookup {

    /** An agreement whose last day has passed and whose end has not been looked at yet. */
    record Ended(String schoolUrn, UUID id, UUID recipientId, LocalDate validTo) {}

    /** The action deadlines each of these agreements sets (only the kinds it changes), by agreement id. */
    Map<String, Map<ActionKind, ActionDeadline>> deadlines(String urn, Collection<String> ids);

    /** Whether the recipient has an agreement, other than {@code except}, in force on {@code day} or starting later. */
    boolean anyInForceFrom(String urn, UUID recipientId, UUID except, LocalDate day);

    /** Up to {@code limit} agreements, of every school, whose last day was before {@code day} and not looked at yet. */
    List<Ended> endedBefore(LocalDate day, int limit);
}
