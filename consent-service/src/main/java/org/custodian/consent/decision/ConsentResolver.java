package org.custodian.consent.decision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custodian.consent.decision.BiometricRules.NoticeOutcome;
import org.custodian.consent.decision.BiometricRules.Parents;
import org.custodian.consent.decision.BiometricRules.Person;
import org.custodian.consent.purpose.PurposeKind;
import org.custodian.consent.school.ConflictPolicy;

/**
 * The resolution rules: from every decision ever recorded about one pupil and one purpose, the effective status
 * now, which decisions count, and why.
 *
 * <ul>
 *   <li>Only each person's latest decision counts, and only from a guardian who holds parental responsibility now,
 *       or from the pupil (for standard purposes only when competent: at or above the school's competence age, or as
 *       the data protection officer assessed the child, which overrides the age either way; for biometric
 *       purposes a pupil's objection counts at any age and a pupil's grant never replaces a parent's).</li>
 *   <li>A grant to a wording older than the last one that required reconsent, or past its validity, does not count
 *       (the status then reads {@code RENEWAL_NEEDED} or {@code EXPIRED} when nothing else counts).</li>
 *   <li>A pupil's own refusal or withdrawal always wins.</li>
 *   <li>Standard purposes: the most restrictive counting decision wins, or the latest one where the school chose
 *       {@link ConflictPolicy#LATEST_DECISION}.</li>
 *   <li>Biometric purposes (Protection of Freedoms Act 2012, ss.26–28), for a child (under 18, s.28(1)): "parent"
 *       as s.28(5)–(8) reads it ({@link BiometricRules}); only a parent's decision in writing counts (s.27(3): a
 *       {@code VERBAL} one does not); granted only if at least one parent consented, no parent objected or withdrew
 *       (s.26(3)), the child does not object (s.26(5); a later agreement of the child's lifts their objection), and
 *       every parent who must be was notified in writing or is excepted under s.27(1) (s.26(2)) — otherwise
 *       {@code NOTIFICATION_NEEDED}, never permitted. From 18 the Act no longer applies: the student's own explicit
 *       consent decides (UK GDPR Art. 9(2)(a)) and a parent's does not count.</li>
 *   <li>A pupil who has left is never permitted, whatever the status.</li>
 *   <li>A competent pupil (by age or by the DPO's assessment) whose status rests on their parents' decisions alone is
 *       flagged
 *       {@code refreshWithPupil}: consent given on their behalf should be refreshed with them (legal-rules.md,
 *       Children and parents; ICO guidance on children's competence).</li>
 * </ul>
 */
public final class ConsentResolver {

    private ConsentResolver() {}

    /**
     * What the rules need besides the decisions. {@code adult}: the pupil is 18 or over (s.28(1): a "child" is under
     * 18). {@code linked}: everyone linked to the child, for the s.28 reading of "parent"; {@code notices}: the latest
     * notice outcome recorded for each of them for this purpose (biometric purposes only). {@code competenceAssessed}:
     * {@code pupilCompetent} comes from the data protection officer's assessment of the child, not from the school's
     * competence age.
     */
    public record Context(
            PurposeKind kind,
            int reconsentFrom,
            Set<String> guardiansWithResponsibility,
            boolean pupilCompetent,
            boolean onRoll,
            ConflictPolicy policy,
            LocalDate today,
            boolean adult,
            List<Person> linked,
            Map<String, NoticeOutcome> notices,
            boolean competenceAssessed) {

        /** Competence from the school's competence age. */
        public Context(
                PurposeKind kind,
                int reconsentFrom,
                Set<String> guardiansWithResponsibility,
                boolean pupilCompetent,
                boolean onRoll,
                ConflictPolicy policy,
                LocalDate today,
                boolean adult,
                List<Person> linked,
                Map<String, NoticeOutcome> notices) {
            this(
                    kind,
                    reconsentFrom,
                    guardiansWithResponsibility,
                    pupilCompetent,
                    onRoll,
                    policy,
                    today,
                    adult,
                    linked,
                    notices,
                    false);
        }

        /** A child whose linked people are exactly those with parental responsibility (as parents), none notified. */
        public Context(
                PurposeKind kind,
                int reconsentFrom,
                Set<String> guardiansWithResponsibility,
                boolean pupilCompetent,
                boolean onRoll,
                ConflictPolicy policy,
                LocalDate today) {
            this(
                    kind,
                    reconsentFrom,
                    guardiansWithResponsibility,
                    pupilCompetent,
                    onRoll,
                    policy,
                    today,
                    false,
                    guardiansWithResponsibility.stream()
                            .sorted()
                            .map(id -> new Person(id, BiometricRules.Standing.PARENT_OF_CHILD, true, false))
                            .toList(),
                    Map.of());
        }
    }

    /**
     * @param effectiveVersion the purpose version the status rests on (for a grant, the newest counting grant)
     * @param validUntil       the last day the status holds before it expires (null when it does not)
     * @param permitted        whether the school may use the child's data for the purpose now
     * @param refreshWithPupil the pupil has reached the competence age (or 18, for biometrics) and the status rests
     *                         on decisions made for them: ask them
     */
    public record Resolution(
            ConsentStatus status,
            boolean permitted,
            Integer effectiveVersion,
            LocalDate validUntil,
            List<String> countingDecisions,
            List<String> explanation,
            boolean refreshWithPupil) {}

    public static Resolution resolve(Context context, List<RecordedDecision> decisions) {
        List<String> why = new ArrayList<>();
        List<RecordedDecision> counting = new ArrayList<>();
        boolean staleGrant = false;
        boolean expiredGrant = false;
        boolean biometric = context.kind() == PurposeKind.BIOMETRIC;
        Parents parents = biometric ? BiometricRules.parents(context.linked(), context.notices()) : null;
        if (biometric && !context.adult()) {
            why.add("parents for the Protection of Freedoms Act 2012: " + parents.basis());
        }

        List<RecordedDecision> latestPerGiver = latestPerGiver(decisions);
        for (RecordedDecision latest : latestPerGiver) {
            String who = describe(latest.giver());
            Optional<String> excluded = biometric
                    ? excludedForBiometrics(context, parents, latest, who)
                    : excludedForStandard(context, latest, who);
            if (excluded.isPresent()) {
                why.add(excluded.get());
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

        Optional<Outcome> decided = decide(context, parents, counting, why);
        Outcome outcome = decided.isPresent() ? decided.get() : fallback(staleGrant, expiredGrant, why);
        boolean permitted = outcome.status() == ConsentStatus.GRANTED && context.onRoll();
        if (!context.onRoll()) {
            why.add("the pupil has left the school: counts as not consented");
        }
        boolean refresh = refreshWithPupil(context, latestPerGiver, counting);
        if (refresh) {
            why.add(
                    context.adult() && biometric
                            ? "the student is 18: ask them for their own consent (a parent's no longer counts)"
                            : context.competenceAssessed()
                                    ? "the data protection officer assessed the pupil as competent: refresh the consent"
                                            + " given on their behalf with them"
                                    : "the pupil has reached the school's competence age: refresh the consent given on their behalf with them");
        }
        return new Resolution(
                outcome.status(),
                permitted,
                outcome.version(),
                outcome.validUntil(),
                outcome.deciding().stream().map(RecordedDecision::id).toList(),
                List.copyOf(why),
                refresh);
    }

    /** Why a decision does not count for a standard purpose, if it does not. */
    private static Optional<String> excludedForStandard(Context context, RecordedDecision d, String who) {
        if (!d.giver().isPupil()
                && !context.guardiansWithResponsibility().contains(d.giver().id())) {
            return Optional.of(
                    who + " does not hold parental responsibility now: their " + word(d) + " does not count");
        }
        if (d.giver().isPupil() && !context.pupilCompetent()) {
            return Optional.of(
                    context.competenceAssessed()
                            ? "the data protection officer assessed the pupil as not yet competent: their own "
                                    + word(d) + " does not count"
                            : "the pupil is below the school's competence age: their own " + word(d)
                                    + " does not count");
        }
        return Optional.empty();
    }

    /** Why a decision does not count for a biometric purpose, if it does not. */
    private static Optional<String> excludedForBiometrics(
            Context context, Parents parents, RecordedDecision d, String who) {
        if (context.adult()) {
            return d.giver().isPupil()
                    ? Optional.empty()
                    : Optional.of(who + "'s " + word(d) + " does not count: the student is 18, the Protection of"
                            + " Freedoms Act 2012 applies to children only (s.28(1)) and their own consent decides");
        }
        if (d.giver().isPupil()) {
            return d.decision().isRestrictive()
                    ? Optional.empty()
                    : Optional.of("the pupil agrees: any objection of theirs no longer applies, but a parent must"
                            + " consent in writing (Protection of Freedoms Act 2012, s.26(3))");
        }
        if (!parents.parents().contains(d.giver().id())) {
            return Optional.of(who + " is not a parent within s.28 of the Protection of Freedoms Act 2012 now: their "
                    + word(d) + " does not count");
        }
        if (d.method() == Method.VERBAL) {
            return Optional.of(who + "'s " + word(d) + " was verbal: for biometric data consent and objection count"
                    + " only in writing (Protection of Freedoms Act 2012, s.27)");
        }
        return Optional.empty();
    }

    /** A competent pupil (an adult, for biometrics) whose status rests on their parents' decisions alone. */
    private static boolean refreshWithPupil(
            Context context, List<RecordedDecision> latestPerGiver, List<RecordedDecision> counting) {
        boolean pupilDecided = latestPerGiver.stream().anyMatch(d -> d.giver().isPupil());
        if (pupilDecided) {
            return false;
        }
        if (context.kind() == PurposeKind.BIOMETRIC) {
            return context.adult()
                    && latestPerGiver.stream().anyMatch(d -> !d.giver().isPupil());
        }
        return context.pupilCompetent()
                && counting.stream().anyMatch(d -> !d.giver().isPupil());
    }

    private record Outcome(
            ConsentStatus status, Integer version, LocalDate validUntil, List<RecordedDecision> deciding) {}

    private static Optional<Outcome> decide(
            Context context, Parents parents, List<RecordedDecision> counting, List<String> why) {
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
        if (context.kind() == PurposeKind.BIOMETRIC && context.adult()) {
            RecordedDecision own = counting.get(counting.size() - 1);
            why.add("the student is 18 or over: their own explicit consent decides (UK GDPR Art. 9(2)(a))");
            return Optional.of(own.decision().isRestrictive() ? restrictive(own) : granted(List.of(own)));
        }
        if (context.kind() == PurposeKind.BIOMETRIC) {
            return Optional.of(decideBiometric(parents, counting, why));
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

    private static Outcome decideBiometric(Parents parents, List<RecordedDecision> counting, List<String> why) {
        Optional<RecordedDecision> objection = latestRestrictive(counting);
        if (objection.isPresent()) {
            why.add("a parent objected: biometric data may not be processed (Protection of Freedoms Act 2012,"
                    + " s.26(3)(b)); offer a reasonable alternative (s.26(7))");
            return restrictive(objection.get());
        }
        if (!parents.allNotified()) {
            why.addAll(BiometricRules.missingNotices(parents));
            why.add("a parent consented in writing, but every parent must be notified in writing before processing:"
                    + " not permitted (Protection of Freedoms Act 2012, s.26(2))");
            Outcome consent = granted(counting);
            return new Outcome(ConsentStatus.NOTIFICATION_NEEDED, consent.version(), null, List.of());
        }
        why.add("a parent consented in writing, every parent was notified or is excepted, no parent objected and the"
                + " child has not objected (Protection of Freedoms Act 2012, ss.26–27)");
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
