package org.custodian.sar.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custodian.sar.review.ThirdPartyRules.Category;
import org.custodian.sar.review.ThirdPartyRules.Finding;

/**
 * An item of a response for the DPO's review: one third party, every place the response mentions them, and the
 * decision (with the exemption and the reason when something is kept back, who decided and when).
 */
public record ReviewItem(
        UUID id,
        int ordinal,
        String key,
        Category category,
        String text,
        String field,
        String detail,
        boolean restricted,
        List<String> sources,
        List<String> pointers,
        ReviewState state,
        Exemption exemption,
        String reason,
        String redactedText,
        String decidedBy,
        String decidedRole,
        Instant decidedAt) {

    /** Who decides for a restricted person: nobody may release their data, so it is redacted when found. */
    public static final String AUTOMATIC = "sar-service";

    static final String RESTRICTED_REASON =
            "the person's link to the child is restricted (a court order or a contact restriction):"
                    + " their data is never released";

    /**
     * The item for a finding of a new assembly: the one already decided for the same third party keeps its id and
     * decision; a new one waits for the DPO, but a restricted person's data is redacted at once.
     */
    /** The items an assembly's findings make, keeping the decisions already taken about the same third parties. */
    public static List<ReviewItem> merge(List<Finding> findings, List<ReviewItem> before, Instant now) {
        Map<String, ReviewItem> byKey = before.stream().collect(Collectors.toMap(ReviewItem::key, Function.identity()));
        List<ReviewItem> items = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            items.add(ReviewItem.of(findings.get(i), byKey.get(findings.get(i).key()), i, now));
        }
        return items;
    }

    static ReviewItem of(Finding f, ReviewItem before, int ordinal, Instant now) {
        if (f.restricted()) {
            boolean kept =
                    before != null && before.restricted() && before.state().keepsSomethingBack();
            return new ReviewItem(
                    before == null ? UUID.randomUUID() : before.id(),
                    ordinal,
                    f.key(),
                    f.category(),
                    f.text(),
                    f.field(),
                    f.detail(),
                    true,
                    f.sources(),
                    f.pointers(),
                    kept ? before.state() : ReviewState.REDACT,
                    kept ? before.exemption() : Exemption.THIRD_PARTY_DATA,
                    kept ? before.reason() : RESTRICTED_REASON,
                    null,
                    kept ? before.decidedBy() : AUTOMATIC,
                    kept ? before.decidedRole() : AUTOMATIC,
                    kept ? before.decidedAt() : now);
        }
        if (before == null) {
            return new ReviewItem(
                    UUID.randomUUID(),
                    ordinal,
                    f.key(),
                    f.category(),
                    f.text(),
                    f.field(),
                    f.detail(),
                    false,
                    f.sources(),
                    f.pointers(),
                    ReviewState.PENDING,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
        return new ReviewItem(
                before.id(),
                ordinal,
                f.key(),
                f.category(),
                f.text(),
                f.field(),
                f.detail(),
                false,
                f.sources(),
                f.pointers(),
                before.state(),
                before.exemption(),
                before.reason(),
                before.redactedText(),
                before.decidedBy(),
                before.decidedRole(),
                before.decidedAt());
    }

    /** The same item with the DPO's decision. */
    ReviewItem decided(
            ReviewState newState,
            Exemption newExemption,
            String newReason,
            String newRedactedText,
            String by,
            String role,
            Instant at) {
        return new ReviewItem(
                id,
                ordinal,
                key,
                category,
                text,
                field,
                detail,
                restricted,
                sources,
                pointers,
                newState,
                newExemption,
                newReason,
                newRedactedText,
                by,
                role,
                at);
    }

    /** What the item is, in a line for the DPO. */
    public String label() {
        return switch (category) {
            case OTHER_PERSON_ID ->
                "The id of another person linked to the child"
                        + (detail == null ? "" : " (" + detail.toLowerCase().replace('_', '-') + ")")
                        + (restricted ? "; their link is restricted: never released" : "");
            case CONTACT_DETAILS -> "Contact details that are not the requester's own (" + field + ")";
            case PERSON_ACTING ->
                "Who recorded or disclosed the child's data" + (detail == null ? "" : " (role " + detail + ")");
            case FREE_TEXT ->
                "Free text written by the school or a recipient, which may name other people (" + field + ")";
        };
    }
}
