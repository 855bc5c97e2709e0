package org.custodian.accountability.fact;

import java.util.List;
import org.custodian.platform.events.ConsentEvents.PurposeDefined;
import org.custodian.platform.events.RetentionEvents.HoldingSystemsChanged;
import org.custodian.platform.events.RetentionEvents.RetentionRuleChanged;
import org.custodian.platform.events.RosterEvents.SchoolUpdated;
import org.custodian.platform.events.SharingEvents.AgreementChanged;
import org.custodian.platform.events.SharingEvents.RecipientChanged;

/**
 * Everything the projection holds about one school, typed as its owners announced it, each fact with the reference
 * (kind, key, version) that a generated document cites.
 *
 * @param school         the profile, or null when consent-service has not announced it yet
 * @param holdingSystems which systems hold records of each class, or null before retention-service announced any
 */
public record SchoolFacts(
        String urn,
        Sourced<SchoolUpdated> school,
        List<Sourced<PurposeDefined>> purposes,
        List<Sourced<RecipientChanged>> recipients,
        List<Sourced<AgreementChanged>> agreements,
        List<Sourced<RetentionRuleChanged>> retentionRules,
        Sourced<HoldingSystemsChanged> holdingSystems) {

    /** A fact's value with where it came from. */
    public record Sourced<T>(T value, FactRef ref) {}

    /** The same facts with another set of agreements (a worked example's variation). */
    public SchoolFacts withAgreements(List<Sourced<AgreementChanged>> others) {
        return new SchoolFacts(urn, school, purposes, recipients, others, retentionRules, holdingSystems);
    }
}
