package org.custodian.retention.disposal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.retention.schedule.DisposalAction;
import org.custodian.retention.support.Violation;

/**
 * What the DPO's approval of a disposal batch does to each item, and why an approval cannot be accepted.
 *
 * <ul>
 * <li>{@code DESTROY} items are approved for destruction unless excluded;</li>
 * <li>{@code TRANSFER_TO_NEXT_SCHOOL} items are approved as transfers, or kept with a review date (when no next
 * school is known);</li>
 * <li>{@code REVIEW} items need an explicit decision: destroy, or keep with a new review date;</li>
 * <li>an item that is no longer due (its rule or dates changed since the proposal) goes back to the register;</li>
 * <li>an item under a legal hold cannot be approved: it must be excluded (409 otherwise).</li>
 * </ul>
 */
public final class ApprovalPlan {

    public enum Verdict {
        DESTROY,
        TRANSFER,
        KEEP
    }

    public enum ItemOutcome {
        DESTROY,
        TRANSFER,
        KEEP,
        EXCLUDED,
        NO_LONGER_DUE
    }

    /** An item of the batch as it stands at approval. */
    public record ProposedItem(UUID holdingId, DisposalAction action, boolean stillDue, boolean held) {}

    public record Exclusion(UUID holdingId, String reason, LocalDate reviewOn) {}

    public record Decision(UUID holdingId, Verdict verdict, LocalDate reviewOn, String reason, String nextSchoolUrn) {}

    public record Planned(
            UUID holdingId, ItemOutcome outcome, String reason, LocalDate reviewOn, String nextSchoolUrn) {
        public boolean approvedForDisposal() {
            return outcome == ItemOutcome.DESTROY || outcome == ItemOutcome.TRANSFER;
        }
    }

    /** The outcome per item, or the reasons the approval is refused: {@code invalid} (400) before {@code held} (409). */
    public record Result(List<Planned> items, List<Violation> invalid, List<UUID> held) {
        public boolean accepted() {
            return invalid.isEmpty() && held.isEmpty();
        }
    }

    private ApprovalPlan() {}

    public static Result plan(
            List<ProposedItem> batch, List<Exclusion> exclusions, List<Decision> decisions, LocalDate today) {
        Map<UUID, ProposedItem> items = new LinkedHashMap<>();
        batch.forEach(item -> items.put(item.holdingId(), item));
        List<Violation> invalid = new ArrayList<>();
        Map<UUID, Exclusion> excluded = new HashMap<>();
        Map<UUID, Decision> decided = new HashMap<>();

        for (int i = 0; i < exclusions.size(); i++) {
            Exclusion exclusion = exclusions.get(i);
            String field = "exclusions[" + i + "]";
            if (!items.containsKey(exclusion.holdingId())) {
                invalid.add(new Violation(field + ".holdingId", "not an item of this batch"));
            } else if (excluded.put(exclusion.holdingId(), exclusion) != null) {
                invalid.add(new Violation(field + ".holdingId", "excluded twice"));
            }
            if (exclusion.reviewOn() != null && !exclusion.reviewOn().isAfter(today)) {
                invalid.add(new Violation(field + ".reviewOn", "must be after today"));
            }
        }
        for (int i = 0; i < decisions.size(); i++) {
            Decision decision = decisions.get(i);
            String field = "decisions[" + i + "]";
            ProposedItem item = items.get(decision.holdingId());
            if (item == null) {
                invalid.add(new Violation(field + ".holdingId", "not an item of this batch"));
                continue;
            }
            if (excluded.containsKey(decision.holdingId())) {
                invalid.add(new Violation(field + ".holdingId", "both excluded and decided: choose one"));
            }
            if (decided.put(decision.holdingId(), decision) != null) {
                invalid.add(new Violation(field + ".holdingId", "decided twice"));
            }
            String allowed = allowedVerdicts(item.action(), decision.verdict());
            if (allowed != null) {
                invalid.add(new Violation(field + ".decision", allowed));
            }
            if (decision.verdict() == Verdict.KEEP) {
                if (decision.reviewOn() == null) {
                    invalid.add(new Violation(field + ".reviewOn", "keeping a record needs a new review date"));
                } else if (!decision.reviewOn().isAfter(today)) {
                    invalid.add(new Violation(field + ".reviewOn", "must be after today"));
                }
            } else if (decision.reviewOn() != null) {
                invalid.add(new Violation(field + ".reviewOn", "only a KEEP decision takes a review date"));
            }
            if (decision.nextSchoolUrn() != null && decision.verdict() != Verdict.TRANSFER) {
                invalid.add(new Violation(field + ".nextSchoolUrn", "only a TRANSFER decision names a next school"));
            }
        }

        List<Planned> planned = new ArrayList<>();
        List<UUID> held = new ArrayList<>();
        for (ProposedItem item : items.values()) {
            Exclusion exclusion = excluded.get(item.holdingId());
            Decision decision = decided.get(item.holdingId());
            if (exclusion != null) {
                planned.add(new Planned(
                        item.holdingId(), ItemOutcome.EXCLUDED, exclusion.reason(), exclusion.reviewOn(), null));
            } else if (!item.stillDue()) {
                planned.add(new Planned(
                        item.holdingId(),
                        ItemOutcome.NO_LONGER_DUE,
                        "no longer due: its rule or dates changed after the batch was proposed",
                        null,
                        null));
            } else if (item.held()) {
                held.add(item.holdingId());
            } else if (decision != null) {
                planned.add(new Planned(
                        item.holdingId(),
                        ItemOutcome.valueOf(decision.verdict().name()),
                        decision.reason(),
                        decision.reviewOn(),
                        decision.nextSchoolUrn()));
            } else if (item.action() == DisposalAction.REVIEW) {
                invalid.add(new Violation(
                        "decisions",
                        "item " + item.holdingId()
                                + " is due for REVIEW: decide DESTROY, or KEEP with a review date (or exclude it)"));
            } else {
                ItemOutcome outcome = item.action() == DisposalAction.TRANSFER_TO_NEXT_SCHOOL
                        ? ItemOutcome.TRANSFER
                        : ItemOutcome.DESTROY;
                planned.add(new Planned(item.holdingId(), outcome, null, null, null));
            }
        }
        return new Result(planned, invalid, held);
    }

    /** Null when the verdict suits the item's action, otherwise what is allowed. */
    private static String allowedVerdicts(DisposalAction action, Verdict verdict) {
        if (verdict == null) {
            return "DESTROY, TRANSFER or KEEP";
        }
        return switch (action) {
            case DESTROY -> "a DESTROY item needs no decision; exclude it to keep it";
            case TRANSFER_TO_NEXT_SCHOOL ->
                verdict == Verdict.DESTROY
                        ? "a TRANSFER_TO_NEXT_SCHOOL item is transferred (TRANSFER) or kept for review (KEEP)"
                        : null;
            case REVIEW ->
                verdict == Verdict.TRANSFER
                        ? "a REVIEW item is destroyed (DESTROY) or kept with a review date (KEEP)"
                        : null;
        };
    }
}
