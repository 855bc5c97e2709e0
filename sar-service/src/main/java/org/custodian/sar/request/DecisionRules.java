package org.custodian.sar.request;

import java.util.List;
import java.util.Optional;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.RightsEvents;
import org.custodian.sar.request.RightsDecision.Outcome;
import org.custodian.sar.request.RightsDecision.Processing;

/** What a rights decision must say, and the event other services act on. Plain Java. */
public final class DecisionRules {

    private DecisionRules() {}

    /** An event type and its payload. */
    public record RightsEvent(String type, Object payload) {}

    /** Problems with a decision for a request of this type, as (field, message) pairs; empty when it is sound. */
    public static List<String[]> problems(RequestType type, RightsDecision decision) {
        List<String[]> problems = new java.util.ArrayList<>();
        if (decision.outcome() != Outcome.APPROVED && decision.exemption() == null) {
            problems.add(new String[] {
                "exemption", "a refusal or partial approval names the exemption it rests on (e.g. LEGAL_OBLIGATION)"
            });
        }
        if (type == RequestType.OBJECTION && decision.processing() == null) {
            problems.add(new String[] {"processing", "an objection decision names the processing objected to"});
        }
        if (type == RequestType.OBJECTION
                && decision.processing() == Processing.DIRECT_MARKETING
                && decision.outcome() != Outcome.APPROVED) {
            problems.add(new String[] {
                "outcome", "an objection to direct marketing must always be upheld in full (UK GDPR Art. 21(3))"
            });
        }
        if (type == RequestType.RECTIFICATION && decision.upholdsTheRight() && isBlank(decision.description())) {
            problems.add(new String[] {"description", "say what was corrected"});
        }
        if (type != RequestType.ERASURE && decision.consentBasedOnly() != null) {
            problems.add(
                    new String[] {"consentBasedOnly", "only an erasure decision is limited to consent-based data"});
        }
        if (type != RequestType.OBJECTION && (decision.processing() != null || !nullOrEmpty(decision.purposes()))) {
            problems.add(new String[] {"processing", "only an objection decision names processing or purposes"});
        }
        return problems;
    }

    /** The event that tells sharing- and retention-service to act, when the decision upholds the right. */
    public static Optional<RightsEvent> eventFor(
            RequestType type, String requestId, String pupilId, RightsDecision decision) {
        if (!decision.upholdsTheRight()) {
            return Optional.empty();
        }
        List<String> categories = decision.categories() == null ? List.of() : decision.categories();
        return Optional.ofNullable(
                switch (type) {
                    case ERASURE ->
                        new RightsEvent(
                                EventTypes.ERASURE_APPROVED,
                                new RightsEvents.ErasureApproved(
                                        requestId,
                                        pupilId,
                                        decision.consentBasedOnly() != null
                                                ? decision.consentBasedOnly()
                                                : decision.outcome() == Outcome.PARTLY_APPROVED,
                                        categories,
                                        decision.reason()));
                    case RECTIFICATION ->
                        new RightsEvent(
                                EventTypes.RECTIFICATION_APPROVED,
                                new RightsEvents.RectificationApproved(
                                        requestId, pupilId, categories, decision.description()));
                    case RESTRICTION ->
                        new RightsEvent(
                                EventTypes.PROCESSING_RESTRICTED,
                                new RightsEvents.RestrictionChanged(requestId, pupilId, categories, decision.reason()));
                    case OBJECTION ->
                        new RightsEvent(
                                EventTypes.OBJECTION_UPHELD,
                                new RightsEvents.ObjectionUpheld(
                                        requestId,
                                        pupilId,
                                        decision.processing().name(),
                                        decision.purposes() == null ? List.of() : decision.purposes(),
                                        decision.reason()));
                    default -> null;
                });
    }

    /** Lifting a restriction (Art. 18(3): the subject is told first). */
    public static RightsEvent liftRestriction(
            String requestId, String pupilId, RightsDecision decision, String reason) {
        return new RightsEvent(
                EventTypes.PROCESSING_UNRESTRICTED,
                new RightsEvents.RestrictionChanged(
                        requestId, pupilId, decision.categories() == null ? List.of() : decision.categories(), reason));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean nullOrEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }
}
