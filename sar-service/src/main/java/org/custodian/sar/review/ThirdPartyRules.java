package org.custodian.sar.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds what in an assembled response names or identifies someone other than the child and the requester (UK GDPR
 * Art. 15(4), DPA 2018 Sch. 2 para 16), so that the DPO decides before it leaves. One finding per third party (per
 * distinct text), with every place it appears as a JSON pointer into the response:
 * <ul>
 *   <li>{@code OTHER_PERSON_ID}: the id of anyone the roster links or linked to the child, other than the requester,
 *       anywhere in any text (a restricted person's is never released);</li>
 *   <li>{@code CONTACT_DETAILS}: a name, email address, telephone number or address, except the child's own record,
 *       the requester's own and the school's (the controller);</li>
 *   <li>{@code PERSON_ACTING}: who recorded or disclosed something, when it is a person other than the requester or
 *       the child (the MIS and the services are not people);</li>
 *   <li>{@code FREE_TEXT}: text written by the school or a recipient that may name anyone: consent evidence
 *       references, disclosure reasons, override justifications, partners' notes.</li>
 * </ul>
 * Plain Java over Jackson trees; the fields are the services' exports' own (their READMEs).
 */
public final class ThirdPartyRules {

    public enum Category {
        OTHER_PERSON_ID,
        CONTACT_DETAILS,
        PERSON_ACTING,
        FREE_TEXT;

        /** Whether the third party is a part of a text (an id inside a sentence) rather than the whole value. */
        public boolean insideText() {
            return this == OTHER_PERSON_ID;
        }
    }

    /** Someone the roster links (or linked) to the child. */
    public record Person(String id, String relationship, boolean restricted) {}

    /** Who the response is for and about, and who else the roster knows around the child. */
    public record Parties(String requesterId, String pupilId, List<Person> linked) {}

    /**
     * One third party and every place the response mentions them; {@code detail} is the person's relationship to the
     * child (an id) or the role they acted in (who recorded or disclosed).
     */
    public record Finding(
            String key,
            Category category,
            String text,
            String field,
            String detail,
            boolean restricted,
            List<String> sources,
            List<String> pointers) {}

    static final Set<String> CONTACT_FIELDS = Set.of(
            "name",
            "givenName",
            "familyName",
            "fullName",
            "preferredName",
            "email",
            "emailAddress",
            "phone",
            "telephone",
            "mobile",
            "address",
            "postcode");
    /** Who acted, and the field beside it that says in which role. */
    static final Map<String, String> ACTOR_FIELDS = Map.of(
            "recordedBy",
            "recordedByRole",
            "disclosedBy",
            "disclosedByRole",
            "actor",
            "role",
            "assessedBy",
            "assessedByRole");

    static final Map<String, Set<String>> FREE_TEXT_FIELDS = Map.of(
            "consent", Set.of("evidenceRef"),
            "sharing", Set.of("reason", "overrideJustification", "note"));
    /** Parts of an export that are the child's own record, the requester's own, or the school's. */
    static final Set<String> OWN_SECTIONS = Set.of("pupil", "requester", "controller", "subject");

    static final Set<String> MACHINE_ROLES = Set.of("mis", "service");
    private static final String ID_CHARACTER = "[A-Za-z0-9_-]";

    private ThirdPartyRules() {}

    /** Every third party in the data of the sources present, in the order they first appear. */
    public static List<Finding> find(JsonNode content, Parties parties) {
        Map<Mention, Collected> found = new LinkedHashMap<>();
        Map<Person, Pattern> others = new LinkedHashMap<>();
        parties.linked().stream()
                .filter(p -> !p.id().equals(parties.requesterId()))
                .forEach(p -> others.put(p, boundary(p.id())));
        JsonNode sources = content.path("sources");
        for (int i = 0; i < sources.size(); i++) {
            JsonNode source = sources.get(i);
            if ("PRESENT".equals(source.path("status").asText()) && source.hasNonNull("data")) {
                new Walk(source.path("source").asText(), parties, others, found)
                        .visit(
                                source.get("data"),
                                new Pointer(new Pointer(new Pointer(null, "sources"), Integer.toString(i)), "data"),
                                null,
                                null,
                                false);
            }
        }
        return found.values().stream().map(Collected::finding).toList();
    }

    /** Whether a text mentions an id as a whole word of id characters. */
    public static boolean mentions(String text, String id) {
        return text != null && boundary(id).matcher(text).find();
    }

    public static Pattern boundary(String id) {
        return Pattern.compile("(?<!" + ID_CHARACTER + ")" + Pattern.quote(id) + "(?!" + ID_CHARACTER + ")");
    }

    /** The key an item keeps across re-assembly: what kind of mention and of what text. */
    static String key(Category category, String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return category + ":" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What is grouped into one item: the kind of mention and its text. */
    private record Mention(Category category, String text) {}

    /** A JSON pointer built only when something is found there (most nodes name nobody). */
    private record Pointer(Pointer parent, String segment) {
        String render() {
            StringBuilder out = new StringBuilder();
            render(out);
            return out.toString();
        }

        private void render(StringBuilder out) {
            if (parent != null) {
                parent.render(out);
            }
            out.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
    }

    private static final class Collected {
        final Category category;
        final String text;
        final String field;
        final String detail;
        final boolean restricted;
        final Set<String> sources = new LinkedHashSet<>();
        final Set<String> pointers = new LinkedHashSet<>();

        Collected(Category category, String text, String field, String detail, boolean restricted) {
            this.category = category;
            this.text = text;
            this.field = field;
            this.detail = detail;
            this.restricted = restricted;
        }

        Finding finding() {
            return new Finding(
                    key(category, text),
                    category,
                    text,
                    field,
                    detail,
                    restricted,
                    List.copyOf(sources),
                    List.copyOf(pointers));
        }
    }

    private record Walk(String source, Parties parties, Map<Person, Pattern> others, Map<Mention, Collected> found) {

        void visit(JsonNode node, Pointer pointer, JsonNode parent, String field, boolean own) {
            if (node.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> f = fields.next();
                    visit(
                            f.getValue(),
                            new Pointer(pointer, f.getKey()),
                            node,
                            f.getKey(),
                            own || OWN_SECTIONS.contains(f.getKey()));
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    visit(node.get(i), new Pointer(pointer, Integer.toString(i)), null, field, own);
                }
            } else if (node.isTextual()) {
                text(node.asText(), pointer, parent, field, own);
            }
        }

        private void text(String text, Pointer pointer, JsonNode parent, String field, boolean own) {
            if (text.isBlank()) {
                return;
            }
            boolean anotherPerson = false;
            for (Map.Entry<Person, Pattern> other : others.entrySet()) {
                Person p = other.getKey();
                if (text.contains(p.id()) && other.getValue().matcher(text).find()) {
                    add(Category.OTHER_PERSON_ID, p.id(), field, p.relationship(), p.restricted(), pointer);
                    anotherPerson |= text.equals(p.id());
                }
            }
            if (field == null || anotherPerson) {
                return;
            }
            if (CONTACT_FIELDS.contains(field)) {
                if (!own) {
                    add(Category.CONTACT_DETAILS, text, field, null, false, pointer);
                }
            } else if (ACTOR_FIELDS.containsKey(field)) {
                String role = parent == null
                        ? null
                        : parent.path(ACTOR_FIELDS.get(field)).asText(null);
                if (!text.equals(parties.requesterId())
                        && !text.equals(parties.pupilId())
                        && (role == null || !MACHINE_ROLES.contains(role))) {
                    add(Category.PERSON_ACTING, text, field, role, false, pointer);
                }
            } else if (FREE_TEXT_FIELDS.getOrDefault(source, Set.of()).contains(field)) {
                add(Category.FREE_TEXT, text, field, null, false, pointer);
            }
        }

        private void add(
                Category category, String text, String field, String detail, boolean restricted, Pointer pointer) {
            Collected c = found.computeIfAbsent(
                    new Mention(category, text), k -> new Collected(category, text, field, detail, restricted));
            c.sources.add(source);
            c.pointers.add(pointer.render());
        }
    }
}
