package org.custodian.retention.disposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.custodian.retention.disposal.ApprovalPlan.Decision;
import org.custodian.retention.disposal.ApprovalPlan.Exclusion;
import org.custodian.retention.disposal.ApprovalPlan.ItemOutcome;
import org.custodian.retention.disposal.ApprovalPlan.Planned;
import org.custodian.retention.disposal.ApprovalPlan.ProposedItem;
import org.custodian.retention.disposal.ApprovalPlan.Result;
import org.custodian.retention.disposal.ApprovalPlan.Verdict;
import org.custodian.retention.schedule.DisposalAction;
import org.custodian.retention.support.Violation;
import org.junit.jupiter.api.Test;

class ApprovalPlanTest {

    static final LocalDate TODAY = LocalDate.parse("2026-03-02");
    final UUID destroy = UUID.randomUUID();
    final UUID transfer = UUID.randomUUID();
    final UUID review = UUID.randomUUID();

    List<ProposedItem> batch(boolean held) {
        return List.of(
                new ProposedItem(destroy, DisposalAction.DESTROY, true, held),
                new ProposedItem(transfer, DisposalAction.TRANSFER_TO_NEXT_SCHOOL, true, false),
                new ProposedItem(review, DisposalAction.REVIEW, true, false));
    }

    @Test
    void destroyAndTransferItemsAreApprovedAsProposedAndReviewItemsAsDecided() {
        Result result = ApprovalPlan.plan(
                batch(false),
                List.of(),
                List.of(new Decision(review, Verdict.KEEP, TODAY.plusYears(1), "still needed", null)),
                TODAY);
        assertThat(result.accepted()).isTrue();
        assertThat(result.items())
                .extracting(Planned::holdingId, Planned::outcome)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple(destroy, ItemOutcome.DESTROY),
                        org.assertj.core.api.Assertions.tuple(transfer, ItemOutcome.TRANSFER),
                        org.assertj.core.api.Assertions.tuple(review, ItemOutcome.KEEP));
    }

    @Test
    void aReviewItemWithoutADecisionIsRefused() {
        Result result = ApprovalPlan.plan(batch(false), List.of(), List.of(), TODAY);
        assertThat(result.accepted()).isFalse();
        assertThat(result.invalid()).extracting(Violation::message).anyMatch(m -> m.contains(review.toString()));
    }

    @Test
    void aHeldItemMustBeExcluded() {
        List<Decision> decideReview = List.of(new Decision(review, Verdict.DESTROY, null, null, null));
        Result refused = ApprovalPlan.plan(batch(true), List.of(), decideReview, TODAY);
        assertThat(refused.invalid()).isEmpty();
        assertThat(refused.held()).containsExactly(destroy);

        Result excluded = ApprovalPlan.plan(
                batch(true), List.of(new Exclusion(destroy, "legal hold", null)), decideReview, TODAY);
        assertThat(excluded.accepted()).isTrue();
        assertThat(excluded.items())
                .filteredOn(p -> p.holdingId().equals(destroy))
                .extracting(Planned::outcome)
                .containsExactly(ItemOutcome.EXCLUDED);
    }

    @Test
    void anItemNoLongerDueGoesBackToTheRegister() {
        List<ProposedItem> items = List.of(new ProposedItem(destroy, DisposalAction.DESTROY, false, true));
        Result result = ApprovalPlan.plan(items, List.of(), List.of(), TODAY);
        assertThat(result.accepted()).isTrue();
        assertThat(result.items()).extracting(Planned::outcome).containsExactly(ItemOutcome.NO_LONGER_DUE);
    }

    @Test
    void badExclusionsAndDecisionsAreNamedByField() {
        UUID stranger = UUID.randomUUID();
        Result result = ApprovalPlan.plan(
                batch(false),
                List.of(new Exclusion(stranger, "x", null), new Exclusion(transfer, "x", TODAY)),
                List.of(
                        new Decision(destroy, Verdict.KEEP, TODAY.plusDays(1), null, null),
                        new Decision(transfer, Verdict.DESTROY, null, null, null),
                        new Decision(review, Verdict.KEEP, null, null, null)),
                TODAY);
        assertThat(result.invalid())
                .extracting(Violation::field)
                .contains(
                        "exclusions[0].holdingId",
                        "exclusions[1].reviewOn",
                        "decisions[0].decision",
                        "decisions[1].holdingId",
                        "decisions[1].decision",
                        "decisions[2].reviewOn");
    }

    @Provide
    Arbitrary<List<ProposedItem>> batches() {
        Arbitrary<ProposedItem> item = Combinators.combine(
                        Arbitraries.of(DisposalAction.class), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((action, due, held) -> new ProposedItem(UUID.randomUUID(), action, due, held));
        return item.list().ofMaxSize(12);
    }

    @Property
    void anAcceptedApprovalNeverDisposesOfAHeldOrNoLongerDueItem(@ForAll("batches") List<ProposedItem> items) {
        List<Decision> decisions = items.stream()
                .filter(i -> i.action() == DisposalAction.REVIEW)
                .map(i -> new Decision(i.holdingId(), Verdict.DESTROY, null, null, null))
                .toList();
        Result result = ApprovalPlan.plan(items, List.of(), decisions, TODAY);
        boolean anyHeldAndDue = items.stream().anyMatch(i -> i.held() && i.stillDue());
        assertThat(result.accepted()).isEqualTo(!anyHeldAndDue);
        if (result.accepted()) {
            assertThat(result.items()).hasSize(items.size());
            for (Planned planned : result.items()) {
                ProposedItem item = items.stream()
                        .filter(i -> i.holdingId().equals(planned.holdingId()))
                        .findFirst()
                        .orElseThrow();
                if (planned.approvedForDisposal()) {
                    assertThat(item.held()).isFalse();
                    assertThat(item.stillDue()).isTrue();
                }
            }
        }
    }
}
