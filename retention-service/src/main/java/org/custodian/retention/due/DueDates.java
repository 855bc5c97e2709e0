package org.custodian.retention.due;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodian.retention.schedule.DisposalAction;
import org.custodian.retention.schedule.LegalBasis;
import org.custodian.retention.schedule.RetentionRule;
import org.custodian.retention.schedule.Trigger;

/**
 * When a holding falls due, from its class's rule, its own dates and what is known about its pupil.
 *
 * <ol>
 * <li>The <em>scheduled</em> date: the trigger's day ({@link Trigger}) plus the period, never before the period has
 * fully run ({@link RetentionPeriods}); for a class with an age floor, not before the pupil reaches that age; for a
 * class reviewed on leaving that has no scheduled date, the leaving day (action {@code REVIEW}); and not before a
 * review date the DPO set when keeping it (action {@code REVIEW}).</li>
 * <li>Events bring it forward, never back: a {@link Trigger#CONSENT_WITHDRAWN} class falls due the period after
 * consent for a matching purpose was refused, withdrawn or expired; a class transferred on leaving falls due for
 * transfer on the day the pupil left (until the DPO keeps it on review); and a consent-based class falls due (destroy) on the day an erasure
 * of it was approved. A legal-obligation class keeps its date when an erasure is approved, with the reason noted.</li>
 * <li>The earliest of these is the due date; with none, the holding is waiting, and {@code waitingFor} says for
 * what.</li>
 * </ol>
 */
public final class DueDates {

    private DueDates() {}

    private record Candidate(LocalDate on, DisposalAction action, String because) {}

    public static Due compute(RetentionRule rule, HoldingFacts holding, SubjectFacts subject) {
        SubjectFacts facts = subject == null ? SubjectFacts.NONE : subject;
        PupilFacts pupil = facts.pupil();
        List<String> waiting = new ArrayList<>();

        Optional<Candidate> scheduled = scheduled(rule, holding, pupil, waiting);
        if (scheduled.isPresent() && rule.untilPupilAge() != null && holding.pupilId() != null) {
            scheduled = ageFloor(rule, scheduled.get(), pupil, waiting);
        }
        if (rule.transferOnLeaving() && holding.pupilId() != null && pupil != null && pupil.leavingDate() != null) {
            // Keeping Children Safe in Education: the file follows the child to the new school. Once the DPO kept it
            // on review (no next school known), the transfer is behind it: the scheduled date and the review date
            // decide (unless nothing else is scheduled, so that a review date never brings a record forward).
            Candidate transfer = new Candidate(
                    pupil.leavingDate(),
                    DisposalAction.TRANSFER_TO_NEXT_SCHOOL,
                    "the pupil left: the file is transferred to the next school");
            if (scheduled.isEmpty()
                    || (holding.reviewOn() == null
                            && transfer.on().isBefore(scheduled.get().on()))) {
                scheduled = Optional.of(transfer);
                waiting.clear();
            }
        }
        if (scheduled.isEmpty() && rule.reviewOnLeaving() && pupil != null && pupil.leavingDate() != null) {
            scheduled = Optional.of(
                    new Candidate(pupil.leavingDate(), DisposalAction.REVIEW, "the pupil left: review on leaving"));
        }
        if (holding.reviewOn() != null
                && (scheduled.isEmpty()
                        || holding.reviewOn().isAfter(scheduled.get().on()))) {
            scheduled = Optional.of(
                    new Candidate(holding.reviewOn(), DisposalAction.REVIEW, "kept on review until this date"));
            waiting.clear();
        }

        List<Candidate> candidates = new ArrayList<>();
        scheduled.ifPresent(candidates::add);
        withdrawal(rule, holding, facts).ifPresent(candidates::add);
        String erasureNote = null;
        List<Erasure> erasures = facts.erasures().stream()
                .filter(e -> rule.matchesAnyCategory(e.categories()))
                .sorted(Comparator.comparing(Erasure::approvedOn))
                .toList();
        if (!erasures.isEmpty()) {
            Erasure first = erasures.get(0);
            if (rule.basis() == LegalBasis.CONSENT) {
                candidates.add(new Candidate(
                        first.approvedOn(),
                        DisposalAction.DESTROY,
                        "erasure approved (request " + first.requestId() + ")"));
            } else {
                erasureNote = "erasure approved on " + first.approvedOn() + " (request " + first.requestId()
                        + ") but kept: this class rests on a legal obligation, not consent — " + rule.citation();
            }
        }

        Optional<Candidate> earliest = candidates.stream().min(Comparator.comparing(Candidate::on));
        if (earliest.isPresent()) {
            Candidate due = earliest.get();
            return new Due(due.on(), due.action(), due.because(), null, erasureNote);
        }
        if (waiting.isEmpty()) {
            waiting.add("an event that starts its retention period");
        }
        return new Due(null, null, null, String.join("; ", waiting), erasureNote);
    }

    private static Optional<Candidate> scheduled(
            RetentionRule rule, HoldingFacts holding, PupilFacts pupil, List<String> waiting) {
        Period period = rule.period();
        String plus = period.isZero() ? "" : " + " + period;
        return switch (rule.trigger()) {
            case DATE_OF_BIRTH -> {
                if (pupil == null || pupil.dateOfBirth() == null) {
                    waiting.add(unknownPupil(holding, pupil) + "'s date of birth");
                    yield Optional.empty();
                }
                yield Optional.of(new Candidate(
                        RetentionPeriods.dueAfter(pupil.dateOfBirth(), period),
                        rule.action(),
                        "the pupil's date of birth" + plus));
            }
            case LEFT_SCHOOL -> {
                if (pupil == null || pupil.leavingDate() == null) {
                    waiting.add(pupil == null ? unknownPupil(holding, null) + " to leave" : "the pupil to leave");
                    yield Optional.empty();
                }
                yield Optional.of(new Candidate(
                        RetentionPeriods.dueAfter(pupil.leavingDate(), period),
                        rule.action(),
                        "the pupil left" + plus));
            }
            case CREATED ->
                Optional.of(new Candidate(
                        RetentionPeriods.dueAfter(holding.createdOn(), period), rule.action(), "created" + plus));
            case CLOSED -> {
                if (holding.closedOn() == null) {
                    waiting.add("the record to be closed");
                    yield Optional.empty();
                }
                yield Optional.of(new Candidate(
                        RetentionPeriods.dueAfter(holding.closedOn(), period), rule.action(), "closed" + plus));
            }
            case END_OF_ACADEMIC_YEAR -> {
                LocalDate end = AcademicYear.endOf(holding.createdOn());
                yield Optional.of(new Candidate(
                        RetentionPeriods.dueAfter(end, period),
                        rule.action(),
                        "end of academic year " + AcademicYear.nameOf(holding.createdOn()) + plus));
            }
            case CONSENT_WITHDRAWN -> {
                waiting.add(
                        rule.reviewOnLeaving()
                                ? "consent to end (refused, withdrawn or expired), or the pupil to leave (review)"
                                : "consent to end (refused, withdrawn or expired)");
                yield Optional.empty();
            }
        };
    }

    private static Optional<Candidate> ageFloor(
            RetentionRule rule, Candidate scheduled, PupilFacts pupil, List<String> waiting) {
        if (pupil == null || pupil.dateOfBirth() == null) {
            waiting.add("the pupil's date of birth (kept at least until the pupil is " + rule.untilPupilAge() + ")");
            return Optional.empty();
        }
        LocalDate floor = RetentionPeriods.dueAfter(pupil.dateOfBirth(), Period.ofYears(rule.untilPupilAge()));
        if (floor.isAfter(scheduled.on())) {
            return Optional.of(
                    new Candidate(floor, scheduled.action(), "kept until the pupil is " + rule.untilPupilAge()));
        }
        return Optional.of(scheduled);
    }

    private static Optional<Candidate> withdrawal(RetentionRule rule, HoldingFacts holding, SubjectFacts facts) {
        Map<String, LocalDate> withdrawals = facts.withdrawals();
        if (rule.trigger() != Trigger.CONSENT_WITHDRAWN || withdrawals.isEmpty()) {
            return Optional.empty();
        }
        List<String> purposes = holding.purpose() != null ? List.of(holding.purpose()) : rule.consentPurposes();
        return purposes.stream()
                .filter(withdrawals::containsKey)
                .min(Comparator.comparing(withdrawals::get))
                .map(purpose -> new Candidate(
                        RetentionPeriods.dueAfter(withdrawals.get(purpose), rule.period()),
                        rule.action(),
                        "consent for " + purpose + " " + facts.howEnded(purpose)
                                + (rule.period().isZero() ? "" : " + " + rule.period())));
    }

    private static String unknownPupil(HoldingFacts holding, PupilFacts pupil) {
        if (holding.pupilId() == null) {
            return "a pupil (this class counts from the pupil)";
        }
        return pupil == null
                ? "the roster to tell us about pupil " + holding.pupilId() + ", and the pupil"
                : "the pupil";
    }
}
