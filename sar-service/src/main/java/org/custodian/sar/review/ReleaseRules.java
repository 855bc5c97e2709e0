package org.custodian.sar.review;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.platform.problems.Problem.FieldError;
import org.custodian.sar.review.ThirdPartyRules.Category;

/**
 * What the requester receives of a response whose items the DPO reviews: every mention of a third party replaced as
 * decided (pending: withheld until the DPO decides; withheld or redacted: a marker naming the exemption, or the DPO's
 * redacted text for free text; released: as it is), and a list of what was kept back and why, without the values.
 * Also the rules a decision must follow. Plain Java over Jackson trees.
 */
public final class ReleaseRules {

    public static final String PENDING_MARK =
            "[withheld: about another person, waiting for the data protection officer's review]";
    /** The part of a staff view of a response that lists the review items; never in the requester's copy. */
    public static final String STAFF_SECTION = "thirdParties";
    /** The part of a response that warns the DPO (the school's privacy notice was not available); staff only too. */
    public static final String STAFF_WARNINGS = "warnings";
    /** The part of the requester's copy that says what was kept back, under which exemption, and how often. */
    public static final String WITHHELD_SECTION = "withheld";

    private ReleaseRules() {}

    /** The requester's copy: the response with every decision applied. */
    public static ObjectNode released(JsonNode content, List<ReviewItem> items) {
        ObjectNode copy = content.deepCopy();
        copy.remove(STAFF_SECTION);
        copy.remove(STAFF_WARNINGS);
        // whole values first, then ids inside whatever text is left
        for (ReviewItem item : items) {
            String replacement = replacement(item);
            if (replacement != null && !item.category().insideText()) {
                item.pointers().forEach(p -> replace(copy, p, text -> replacement));
            }
        }
        for (ReviewItem item : items) {
            String replacement = replacement(item);
            if (replacement != null && item.category().insideText()) {
                String quoted = Matcher.quoteReplacement(replacement);
                Pattern id = ThirdPartyRules.boundary(item.text());
                item.pointers()
                        .forEach(p -> replace(copy, p, text -> id.matcher(text).replaceAll(quoted)));
            }
        }
        ArrayNode withheld = copy.putArray(WITHHELD_SECTION);
        for (ReviewItem item : items) {
            if (item.state() != ReviewState.RELEASE && !item.restricted()) {
                ObjectNode row = withheld.addObject()
                        .put("about", about(item.category()))
                        .put("state", item.state().name())
                        .put("occurrences", item.pointers().size());
                if (item.exemption() != null) {
                    row.put("exemption", item.exemption().name())
                            .put("citation", item.exemption().citation())
                            .put("meaning", item.exemption().meaning());
                }
            }
        }
        return copy;
    }

    /** What each mention of the item becomes in the requester's copy; null when it is released as it is. */
    static String replacement(ReviewItem item) {
        return switch (item.state()) {
            case RELEASE -> null;
            case PENDING -> PENDING_MARK;
            case WITHHOLD -> "[withheld: " + item.exemption().citation() + "]";
            case REDACT ->
                item.category() == Category.FREE_TEXT && item.redactedText() != null
                        ? item.redactedText()
                        : "[redacted: " + item.exemption().citation() + "]";
        };
    }

    /** What kind of mention an item is, in words for the requester (never its value). */
    public static String about(Category category) {
        return switch (category) {
            case OTHER_PERSON_ID -> "an identifier of another person";
            case CONTACT_DETAILS -> "another person's contact details";
            case PERSON_ACTING -> "who recorded or disclosed the data";
            case FREE_TEXT -> "notes written by the school or a recipient that name other people";
        };
    }

    /**
     * What is wrong with a decision on an item, field by field (empty when it may be recorded): a decision is RELEASE,
     * REDACT or WITHHOLD; redacting and withholding name the exemption and the reason; releasing names none; free text
     * is redacted by giving the text with the other people's details taken out.
     */
    public static List<FieldError> check(
            ReviewItem item, ReviewState state, Exemption exemption, String reason, String redactedText) {
        List<FieldError> errors = new ArrayList<>();
        if (state == null || state == ReviewState.PENDING) {
            errors.add(new FieldError("state", "decide RELEASE, REDACT or WITHHOLD"));
            return errors;
        }
        if (state.keepsSomethingBack()) {
            if (exemption == null) {
                errors.add(new FieldError(
                        "exemption",
                        "name the exemption, e.g. THIRD_PARTY_DATA (" + Exemption.THIRD_PARTY_DATA.citation() + ")"));
            }
            if (reason == null || reason.isBlank()) {
                errors.add(new FieldError(
                        "reason", "say why it is " + (state == ReviewState.REDACT ? "redacted" : "withheld")));
            }
        } else if (exemption != null) {
            errors.add(new FieldError("exemption", "an exemption is named only to redact or withhold"));
        }
        boolean redactsText = state == ReviewState.REDACT && item.category() == Category.FREE_TEXT;
        if (redactsText && (redactedText == null || redactedText.isBlank())) {
            errors.add(new FieldError(
                    "redactedText",
                    "give the text as the requester will see it, with the other people's details taken out"));
        } else if (redactsText && redactedText.strip().equals(item.text().strip())) {
            errors.add(new FieldError("redactedText", "that is the text as it is: release it instead"));
        } else if (!redactsText && redactedText != null) {
            errors.add(new FieldError("redactedText", "only for redacting free text"));
        }
        return errors;
    }

    private static void replace(ObjectNode root, String pointer, UnaryOperator<String> change) {
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = root.at(at.head());
        JsonPointer last = at.last();
        if (parent.isObject()) {
            JsonNode value = parent.get(last.getMatchingProperty());
            if (value != null && value.isTextual()) {
                ((ObjectNode) parent).put(last.getMatchingProperty(), change.apply(value.asText()));
            }
        } else if (parent.isArray()) {
            int index = last.getMatchingIndex();
            if (index >= 0 && index < parent.size() && parent.get(index).isTextual()) {
                ((ArrayNode) parent)
                        .set(
                                index,
                                TextNode.valueOf(change.apply(parent.get(index).asText())));
            }
        }
    }
}
