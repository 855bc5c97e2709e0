package org.custodian.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The secrets in an answer, found without asking the service which fields it marked (issue 16, finding 3): every
 * string field named like a secret or a token ({@code secret}, {@code signingSecret}, {@code token},
 * {@code accessToken}, {@code password}, {@code apiKey}, {@code credential}, {@code privateKey}, …, but not an id,
 * time or date about one such as {@code tokenId} or {@code previousSecretExpiresAt}), and every value in a secret's
 * format ({@code whsec_…}) whatever its name.
 */
public final class AnswerSecrets {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAMED = Pattern.compile(
            "(?i).*(secret|token|password|passphrase|credential|api[-_]?key|private[-_]?key|client[-_]?key).*");
    private static final Pattern ABOUT_ONE = Pattern.compile(".*(Id|Ids|At|On|Type|Types|Count|Hint)$");
    private static final Pattern FORMAT = Pattern.compile("^whsec_.+");

    private AnswerSecrets() {}

    /** The secrets in the JSON {@code answer}: value by the name of its field (empty for no JSON or none). */
    public static Map<String, String> in(String answer) {
        Map<String, String> secrets = new LinkedHashMap<>();
        JsonNode tree = parse(answer);
        if (tree != null) {
            collect(tree, secrets);
        }
        return secrets;
    }

    /** {@code answer} parsed, with every field named in {@code names} taken out at any depth; null when not JSON. */
    public static JsonNode without(String answer, Collection<String> names) {
        JsonNode tree = parse(answer);
        if (tree != null) {
            remove(tree, names);
        }
        return tree;
    }

    static boolean namedLikeASecret(String field) {
        return NAMED.matcher(field).matches() && !ABOUT_ONE.matcher(field).matches();
    }

    private static void collect(JsonNode node, Map<String, String> secrets) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (value.isTextual()
                        && !value.asText().isEmpty()
                        && (namedLikeASecret(field.getKey())
                                || FORMAT.matcher(value.asText()).matches())) {
                    secrets.put(field.getKey(), value.asText());
                } else {
                    collect(value, secrets);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, secrets));
        }
    }

    private static void remove(JsonNode node, Collection<String> names) {
        if (node.isObject()) {
            ((ObjectNode) node).remove(names);
            node.forEach(child -> remove(child, names));
        } else if (node.isArray()) {
            node.forEach(element -> remove(element, names));
        }
    }

    private static JsonNode parse(String answer) {
        if (answer == null || answer.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(answer);
        } catch (IOException notJson) {
            return null;
        }
    }
}
