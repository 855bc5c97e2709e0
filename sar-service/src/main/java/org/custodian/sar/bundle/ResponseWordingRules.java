package org.custodian.sar.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the parent's PDF prints for a value of the response: words where the school has them. A consent purpose by its
 * title (from the consent records themselves), a recipient by name (never its id), a lawful basis, a status, a method
 * in words, any other code in plain words ({@code SECURE_DESTRUCTION} → "Secure destruction"); a missing value
 * ({@code null}) is not printed at all. The JSON response stays as it is: it is the machine-readable copy.
 */
public final class ResponseWordingRules {

    /** A code: capitals, digits and underscores ({@code PHOTO_SOCIAL_MEDIA}, {@code GRANTED}). */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*");

    /** Fields whose values are codes even when they are one word ({@code GRANTED}, {@code ONLINE}). */
    private static final Set<String> CODE_FIELDS = Set.of(
            "status",
            "effectiveStatus",
            "decision",
            "event",
            "method",
            "type",
            "givenByType",
            "kind",
            "purposeKind",
            "recipientKind",
            "relationship",
            "restriction",
            "outcome",
            "state",
            "channel",
            "then",
            "becauseOf",
            "reason",
            "reasons",
            "requestType",
            "requesterType",
            "subjectType");

    /** Fields whose values are lawful bases ({@code CONSENT}, {@code PUBLIC_TASK}). */
    private static final Set<String> LAWFUL_BASIS_FIELDS =
            Set.of("lawfulBasis", "lawfulBases", "basis", "agreementBasis");

    private static final Map<String, String> LAWFUL_BASES = Map.of(
            "CONSENT", "Consent (UK GDPR Art. 6(1)(a))",
            "CONTRACT", "Contract (UK GDPR Art. 6(1)(b))",
            "LEGAL_OBLIGATION", "Legal obligation (UK GDPR Art. 6(1)(c))",
            "VITAL_INTERESTS", "Vital interests (UK GDPR Art. 6(1)(d))",
            "PUBLIC_TASK", "Public task (UK GDPR Art. 6(1)(e))",
            "LEGITIMATE_INTERESTS", "Legitimate interests (UK GDPR Art. 6(1)(f))");

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("GRANTED", "Consent given"),
            Map.entry("REFUSED", "Consent refused"),
            Map.entry("WITHDRAWN", "Consent withdrawn"),
            Map.entry("NOT_ASKED", "Not asked yet"),
            Map.entry("EXPIRED", "Expired: consent needs to be given again"),
            Map.entry("RENEWAL_NEEDED", "The wording changed: consent needs to be given again"),
            Map.entry("NOTIFICATION_NEEDED", "Waiting until every parent has been told in writing"),
            Map.entry("ONLINE", "Online"),
            Map.entry("PAPER", "On a paper form"),
            Map.entry("VERBAL", "In conversation"),
            Map.entry("MIS_IMPORT", "From the school's information system"),
            Map.entry("GUARDIAN", "Parent or carer"),
            Map.entry("PUPIL", "The pupil"),
            Map.entry("STANDARD", "Standard"),
            Map.entry("BIOMETRIC", "Biometric (Protection of Freedoms Act 2012)"),
            Map.entry("ACCESS", "Subject access request"),
            Map.entry("EDUCATIONAL_RECORD", "Request to see the educational record"),
            Map.entry("PORTABILITY", "Data portability request"),
            Map.entry("CONSENT_REFUSED", "Consent was refused"),
            Map.entry("CONSENT_WITHDRAWN", "Consent was withdrawn"),
            Map.entry("STOP_USING", "Stop using the data"),
            Map.entry("CONTROLLER", "An organisation that decides for itself how it uses the data (a controller)"),
            Map.entry(
                    "PROCESSOR", "An organisation that uses the data only on the school's instructions (a processor)"));

    private final Map<String, String> purposeTitles;

    private ResponseWordingRules(Map<String, String> purposeTitles) {
        this.purposeTitles = purposeTitles;
    }

    /** The wording for one response: the consent purposes' titles are read from the response's own data. */
    public static ResponseWordingRules of(JsonNode content) {
        Map<String, String> titles = new HashMap<>();
        collectTitles(content.path("sources"), titles);
        return new ResponseWordingRules(Map.copyOf(titles));
    }

    private static void collectTitles(JsonNode node, Map<String, String> titles) {
        if (node.isObject()) {
            String title = text(node.get("title"));
            String code = text(node.get("purpose"));
            if (code == null) {
                code = text(node.get("code"));
            }
            if (title != null && code != null && CODE.matcher(code).matches()) {
                titles.putIfAbsent(code, title);
            }
            node.forEach(child -> collectTitles(child, titles));
        } else if (node.isArray()) {
            node.forEach(child -> collectTitles(child, titles));
        }
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    /** The title of a consent purpose, when the school gave it one. */
    public String purposeTitle(String code) {
        return purposeTitles.getOrDefault(code, code);
    }

    /** Whether a field of an object is left out: a missing value, or an id where the object gives the name. */
    public boolean leftOut(JsonNode object, String field, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return true;
        }
        return switch (field) {
            case "recipientId" -> object.hasNonNull("recipientName");
            case "id" -> object.hasNonNull("name");
            case "title" -> object.hasNonNull("purpose") || object.hasNonNull("code");
            default -> false;
        };
    }

    /** A value as the parent reads it; {@code field} is its field's name (null in a list of plain values). */
    public String words(String field, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "Yes" : "No";
        }
        String text = value.asText();
        if (!value.isTextual() || !CODE.matcher(text).matches()) {
            return text;
        }
        if (purposeTitles.containsKey(text)) {
            return purposeTitles.get(text);
        }
        if (field != null && LAWFUL_BASIS_FIELDS.contains(field)) {
            return LAWFUL_BASES.getOrDefault(text, plain(text));
        }
        boolean codeField = field != null && CODE_FIELDS.contains(field);
        if (codeField || text.indexOf('_') > 0) {
            return WORDS.getOrDefault(text, plain(text));
        }
        return text;
    }

    /** A plain value in words (for the parts of the PDF that read one field, e.g. {@code then}). */
    public String words(String field, String value) {
        return value == null ? "" : words(field, com.fasterxml.jackson.databind.node.TextNode.valueOf(value));
    }

    /** {@code SECURE_DESTRUCTION} → "Secure destruction". */
    static String plain(String code) {
        String lower = code.replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** The fields of an object the PDF prints, in order. */
    public Iterator<Map.Entry<String, JsonNode>> printed(JsonNode object) {
        java.util.List<Map.Entry<String, JsonNode>> kept = new java.util.ArrayList<>();
        object.fields().forEachRemaining(e -> {
            if (!leftOut(object, e.getKey(), e.getValue())) {
                kept.add(e);
            }
        });
        return kept.iterator();
    }
}
