package org.custodian.consent.decision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custodian.consent.purpose.PurposeKind;
import org.custodian.consent.school.ConflictPolicy;

/**
 * The resolution rules: from every decision ever recorded about one pupil and one purpose, the effective status
 * now, which decisions count, and why.
 *
 * <ul>
 *   <li>Only each person's latest decision counts, and only from a guardian who holds parental responsibility now,
 *       or from the pupil (for standard purposes only at or above the school's competence age; for biometric
 *       purposes a pupil's objection counts at any age and a pupil's grant never replaces a parent's).</li>
 *   <li>A grant to a wording older than the last one that required reconsent, or past its validity, does not count
 *       (the status then reads {@code RENEWAL_NEEDED} or {@code EXPIRED} when nothing else counts).</li>
 *   <li>A pupil's own refusal or withdrawal always wins.</li>
 *   <li>Standard purposes: the most restrictive counting decision wins, or the latest one where the school chose
 *       {@link ConflictPolicy#LATEST_DECISION}.</li>
 *   <li>Biometric purposes: granted only if at least one parent granted and no parent refused or withdrew.</li>
 *   <li>A pupil who has left is never permitted, whatever the status.</li>
 * </ul>
 */
public final class ConsentResolver {

    private ConsentResolver() {}

    /** What the rules need besides the decisions. */
    public record Context(
            PurposeKind kind,
            int reconsentFrom,
            Set<String> guardiansWithResponsibility,
            boolean pupilCompetent,
            boolean onRoll,
            ConflictPolicy policy,
            LocalDate today) {}

    /**
     * @param effectiveVersion the purpose version the status rests on (for a grant, the newest counting grant)
     * @param validUntil       the last day the status holds before it expires (null when it does not)
     * @param permitted        whether the school may use the child's data for the purpose now
     */
    public record Resolution(
            ConsentStatus status,
            boolean permitted,
            Integer effectiveVersion,
            LocalDate validUntil,
            List<String> countingDecisions,
            List<String> explanation) {}

    public static Resolution resolve(Context context, List<RecordedDecision> decisions) {
        List<String> why = new ArrayList<>();
        List<RecordedDecision> counting = new ArrayList<>();
        boolean staleGrant = false;
        boolean expiredGrant = false;

        for (RecordedDecision latest : latestPerGiver(decisions)) {
            String who = describe(latest.giver());
            if (!latest.giver().isPupil()
                    && !context.guardiansWithResponsibility()
                            .contains(latest.giver().id())) {
                why.add(who + " does not hold parental responsibility now: their " + word(latest) + " does not count");
            } else if (latest.giver().isPupil()
                    && context.kind() == PurposeKind.STANDARD
                    && !context.pupilCompetent()) {
                why.add("the pupil is below the school's competence age: their own " + word(latest)
                        + " does not count");
            } else if (latest.giver().isPupil()
                    && context.kind() == PurposeKind.BIOMETRIC
                    && !latest.decision().isRestrictive()) {
                why.add("for biometric data a parent must consent: the pupil's own grant does not count");
            } else if (latest.decision() == Decision.GRANTED && latest.purposeVersion() < context.reconsentFrom()) {
                staleGrant = true;
                why.add(who + " granted wording version " + latest.purposeVersion() + ", but version "
                        + context.reconsentFrom() + " asks everyone again: renewal needed");
            } else if (latest.decision() == Decision.GRANTED
                    && latest.validUntil() != null
                    && latest.validUntil().isBefore(context.today())) {
                expiredGrant = true;
                why.add(who + "'s grant expired after " + latest.validUntil());
            } else {
                counting.add(latest);
                why.add(who + " " + word(latest) + " (version " + latest.purposeVersion() + ", " + latest.recordedAt()
                        + ")");
            }
        }

        Optional<Outcome> decided = decide(context, counting, why);
        Outcome outcome = decided.isPresent() ? decided.get() : fallback(staleGrant, expiredGrant, why);
        boolean permitted = outcome.status() == ConsentStatus.GRANTED && context.onRoll();
        if (!context.onRoll()) {
            why.add("the pupil has left the school: counts as not consented");
        }
        return new Resolution(
                outcome.status(),
                permitted,
                outcome.version(),
                outcome.validUntil(),
                outcome.deciding().stream().map(RecordedDecision::id).toList(),
                List.copyOf(why));
    }

    private record Outcome(
            ConsentStatus status, Integer version, LocalDate validUntil, List<RecordedDecision> deciding) {}

    private static Optional<Outcome> decide(Context context, List<RecordedDecision> counting, List<String> why) {
        Optional<RecordedDecision> pupilObjection = counting.stream()
                .filter(d -> d.giver().isPupil() && d.decision().isRestrictive())
                .findFirst();
        if (pupilObjection.isPresent()) {
            why.add("the pupil's own " + word(pupilObjection.get()) + " always wins");
            return Optional.of(restrictive(pupilObjection.get()));
        }
        if (counting.isEmpty()) {
            return Optional.empty();
        }
        if (context.kind() == PurposeKind.BIOMETRIC) {
            return Optional.of(decideBiometric(counting, why));
        }
        if (context.policy() == ConflictPolicy.LATEST_DECISION) {
            RecordedDecision latest = counting.get(counting.size() - 1);
            why.add("the school's policy: the latest decision stands");
            return Optional.of(latest.decision().isRestrictive() ? restrictive(latest) : granted(List.of(latest)));
        }
        Optional<RecordedDecision> restriction = latestRestrictive(counting);
        if (restriction.isPresent()) {
            why.add("the most restrictive decision wins");
            return Optional.of(restrictive(restriction.get()));
        }
        return Optional.of(granted(counting));
    }

    private static Outcome decideBiometric(List<RecordedDecision> counting, List<String> why) {
        Optional<RecordedDecision> objection = latestRestrictive(counting);
        if (objection.isPresent()) {
            why.add("a parent objected: biometric data may not be processed (Protection of Freedoms Act 2012, s.26)");
            return restrictive(objection.get());
        }
        why.add(
                "a parent consented, no parent objected and the child has not objected (Protection of Freedoms Act 2012, s.26)");
        return granted(counting);
    }

    private static Outcome fallback(boolean staleGrant, boolean expiredGrant, List<String> why) {
        if (staleGrant) {
            return new Outcome(ConsentStatus.RENEWAL_NEEDED, null, null, List.of());
        }
        if (expiredGrant) {
            return new Outcome(ConsentStatus.EXPIRED, null, null, List.of());
        }
        if (why.isEmpty()) {
            why.add("nobody has been asked yet");
        }
        return new Outcome(ConsentStatus.NOT_ASKED, null, null, List.of());
    }

    private static Outcome restrictive(RecordedDecision decision) {
        return new Outcome(ConsentStatus.of(decision.decision()), decision.purposeVersion(), null, List.of(decision));
    }

    /** Granted while any counting grant lasts: the newest version and the last expiry among them. */
    private static Outcome granted(List<RecordedDecision> grants) {
        int version =
                grants.stream().mapToInt(RecordedDecision::purposeVersion).max().orElseThrow();
        LocalDate validUntil = grants.stream().anyMatch(d -> d.validUntil() == null)
                ? null
                : grants.stream()
                        .map(RecordedDecision::validUntil)
                        .max(Comparator.naturalOrder())
                        .orElseThrow();
        return new Outcome(ConsentStatus.GRANTED, version, validUntil, grants);
    }

    private static Optional<RecordedDecision> latestRestrictive(List<RecordedDecision> counting) {
        return counting.stream().filter(d -> d.decision().isRestrictive()).reduce((first, second) -> second);
    }

    /** Each giver's latest decision, the givers ordered by when they last decided. */
    private static List<RecordedDecision> latestPerGiver(List<RecordedDecision> decisions) {
        Map<Giver, RecordedDecision> latest = new LinkedHashMap<>();
        decisions.stream().sorted(CHRONOLOGICAL).forEach(d -> {
            latest.remove(d.giver());
            latest.put(d.giver(), d);
        });
        return List.copyOf(latest.values());
    }

    static final Comparator<RecordedDecision> CHRONOLOGICAL =
            Comparator.comparing(RecordedDecision::recordedAt).thenComparing(RecordedDecision::id);

    private static String describe(Giver giver) {
        return giver.isPupil() ? "the pupil" : "guardian " + giver.id();
    }

    private static String word(RecordedDecision decision) {
        return switch (decision.decision()) {
            case GRANTED -> "granted";
            case REFUSED -> "refused";
            case WITHDRAWN -> "withdrew";
        };
    }
}
