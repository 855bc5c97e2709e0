package org.custodian.sar.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.problems.Problem.FieldError;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.sar.request.CompletionCheck;
import org.custodian.sar.request.RequestService;
import org.custodian.sar.request.RightsRequest;
import org.custodian.sar.request.RightsRequestRepository;

/**
 * The DPO's decisions on the items of a response that name other people: each is audited, changes what the requester
 * receives at once, and the request cannot be completed while one waits.
 */
@Transactional
@ApplicationScoped
public class ReviewService implements CompletionCheck {

    /** A decision as asked for. */
    public record Decision(ReviewState state, Exemption exemption, String reason, String redactedText) {}

    private final ReviewQueries reviews;
    private final RightsRequestRepository requests;
    private final AuditLog audit;
    private final Caller caller;
    private final Event<ReviewDecided> decided;
    private final Clock clock;
    private final RequestService requestService;

    @Inject
    public ReviewService(
            ReviewQueries reviews,
            RightsRequestRepository requests,
            AuditLog audit,
            Caller caller,
            Event<ReviewDecided> decided,
            Clock clock,
            RequestService requestService) {
        this.reviews = reviews;
        this.requests = requests;
        this.audit = audit;
        this.caller = caller;
        this.decided = decided;
        this.clock = clock;
        this.requestService = requestService;
    }

    /** A page of a response's items, optionally in one state, once the caller may see the request. */
    public Page<ReviewItem> list(String urn, UUID requestId, ReviewState state, PageRequest page) {
        RightsRequest r = requestService.get(urn, requestId);
        return reviews.page(urn, r.id(), state, page);
    }

    public ReviewItem decide(String urn, UUID requestId, UUID itemId, Decision in) {
        RightsRequest r = requests.findInSchoolForUpdate(urn, requestId)
                .orElseThrow(() -> Problems.notFound("no request with that id"));
        ReviewItem item = reviews.find(urn, requestId, itemId)
                .orElseThrow(() -> Problems.notFound("no review item with that id"));
        List<FieldError> errors = ReleaseRules.check(item, in.state(), in.exemption(), in.reason(), in.redactedText());
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        if (r.status().isClosed()) {
            throw Problems.conflict("the request is " + r.status() + ": its response can no longer change");
        }
        if (item.restricted()) {
            throw Problems.conflict(
                    "the person's link to the child is restricted (a court order or a contact restriction): their data"
                            + " is never released, and stays redacted");
        }
        String reason = in.reason() == null || in.reason().isBlank()
                ? null
                : in.reason().strip();
        ReviewItem now = item.decided(
                in.state(),
                in.exemption(),
                reason,
                in.redactedText(),
                caller.subject(),
                caller.primaryRole(),
                clock.instant());
        reviews.decide(urn, requestId, now);
        audit.record(
                caller,
                urn,
                r.subject().path(urn),
                "bundle.review.decided",
                AuditEntry.Outcome.SUCCESS,
                "request " + requestId + ": item " + itemId + " (" + item.category() + ", "
                        + item.pointers().size() + " mentions) "
                        + item.state() + " -> " + in.state()
                        + (in.exemption() == null
                                ? ""
                                : " under " + in.exemption() + " ("
                                        + in.exemption().citation() + ")")
                        + (reason == null ? "" : ": " + reason));
        decided.fire(new ReviewDecided(urn, requestId));
        return now;
    }

    @Override
    public Optional<String> whyNotComplete(RightsRequest r) {
        long pending = reviews.pending(r.schoolUrn(), r.id());
        return pending == 0
                ? Optional.empty()
                : Optional.of(pending + (pending == 1 ? " item" : " items") + " of the response name"
                        + (pending == 1 ? "s" : "")
                        + " other people and wait for the data protection officer's decision"
                        + " (GET .../requests/" + r.id() + "/bundle/review-items?state=PENDING)");
    }
}
