package org.custodian.retention.holding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.custodian.retention.schedule.RetentionRule;
import org.custodian.retention.schedule.Trigger;
import org.custodian.retention.support.Violation;

/**
 * What makes a batch of registrations unacceptable as a whole (nothing is stored then): an unknown record class, a
 * record closed before it was created or created in the future, a class that counts from the pupil without a pupil,
 * a consent purpose its class does not name, or one source reference twice in the batch.
 */
public final class RegistrationRules {

    /** Enough errors to fix a batch without drowning the caller in 10,000 of them. */
    public static final int MAX_REPORTED = 100;

    private RegistrationRules() {}

    public static List<Violation> violations(
            List<Registration> batch, Function<String, Optional<RetentionRule>> schedule, LocalDate today) {
        List<Violation> found = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < batch.size() && found.size() < MAX_REPORTED; i++) {
            Registration item = batch.get(i);
            String at = "holdings[" + i + "].";
            Optional<RetentionRule> rule = schedule.apply(item.recordClass());
            if (rule.isEmpty()) {
                found.add(new Violation(
                        at + "recordClass",
                        "unknown record class '" + item.recordClass()
                                + "' (see GET /api/v1/schools/{urn}/retention-schedule)"));
            }
            if (item.closedOn() != null && item.closedOn().isBefore(item.createdOn())) {
                found.add(new Violation(at + "closedOn", "closed before it was created (" + item.createdOn() + ")"));
            }
            if (item.createdOn().isAfter(today)) {
                found.add(new Violation(at + "createdOn", "in the future"));
            }
            rule.ifPresent(r -> {
                if (r.trigger().needsPupil() && item.pupilId() == null) {
                    found.add(new Violation(
                            at + "pupilId",
                            "class " + r.code() + " counts from the pupil (" + r.trigger() + "): name the pupil"));
                }
                if (item.purpose() != null
                        && (r.trigger() != Trigger.CONSENT_WITHDRAWN
                                || !r.consentPurposes().contains(item.purpose()))) {
                    found.add(new Violation(
                            at + "purpose",
                            r.consentPurposes().isEmpty()
                                    ? "class " + r.code() + " is not held by consent: leave purpose out"
                                    : "class " + r.code() + " is held for " + String.join(", ", r.consentPurposes())));
                }
            });
            Integer first = seen.putIfAbsent(item.system() + "\u0000" + item.reference(), i);
            if (first != null) {
                found.add(new Violation(at + "reference", "the same system and reference as holdings[" + first + "]"));
            }
        }
        return found;
    }
}
