package org.custodian.sar.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.custodian.sar.document.DocumentView;
import org.custodian.sar.notice.Ico;
import org.custodian.sar.notice.SchoolNotice;
import org.custodian.sar.notice.StatutoryMinimum;
import org.custodian.sar.request.RequestType;
import org.custodian.sar.request.RightsRequest;
import org.custodian.sar.review.ReleaseRules;
import org.custodian.sar.roster.SchoolProfile;

/**
 * Builds the Art. 15 response as JSON (machine-readable, for portability too): the copy of the data from each
 * source and the documents, and what Art. 15(1)–(2) requires beside it: purposes and lawful bases, categories,
 * recipients (the disclosure log's, and the categories and named recipients of the notice), retention (from
 * retention-service, and the notice's policy), the source, automated decision-making, transfers, the rights and the
 * ICO, as the school's published privacy notice says them (the version named), or the statutory minimum with a
 * warning to the DPO when the notice was not available. Plain Java over Jackson trees.
 */
public final class ResponseContent {

    public static final String FORMAT = "custodian.sar.response/v1";

    /**
     * What the DPO should know before the response goes out and that is not a missing source: the school's privacy
     * notice that was not available. Staff only (the requester's copy leaves it out).
     */
    public static final String WARNINGS = ReleaseRules.STAFF_WARNINGS;

    /** A missing source the DPO accepted, and why. */
    public record Waiver(String source, String reason, String by, Instant at) {}

    private ResponseContent() {}

    public static ObjectNode build(
            ObjectMapper mapper,
            RightsRequest request,
            SchoolProfile school,
            List<Sources.Answer> answers,
            List<DocumentView> documents,
            List<Waiver> waivers,
            SchoolNotice notice,
            String automatedDecisions,
            Instant now) {
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("requestId", request.id().toString());
        root.put("requestType", request.type().name());
        root.put("generatedAt", now.toString());
        ObjectNode controller = root.putObject("controller");
        controller.put("name", school.name() == null ? "School " + school.urn() : school.name());
        controller.put("urn", school.urn());
        if (school.dpoName() != null || school.dpoEmail() != null) {
            controller
                    .putObject("dataProtectionOfficer")
                    .put("name", school.dpoName())
                    .put("email", school.dpoEmail());
        }
        root.putObject("subject")
                .put("type", request.subject().type().name())
                .put("id", request.subject().id());
        root.putObject("requester")
                .put("type", request.requester().type().name())
                .put("id", request.requester().id());
        root.put("receivedOn", request.receivedOn().toString());
        if (request.dueOn() != null) {
            root.put("dueOn", request.dueOn().toString());
        }

        ArrayNode sources = root.putArray("sources");
        ArrayNode missing = root.putArray("missingSources");
        for (Sources.Answer answer : answers) {
            ObjectNode source = sources.addObject();
            source.put("source", answer.source());
            if (answer.present()) {
                source.put("status", "PRESENT");
                source.put("service", answer.export().service());
                source.put("summary", answer.export().summary());
                if (answer.export().generatedAt() != null) {
                    source.put("generatedAt", answer.export().generatedAt().toString());
                }
                source.set("data", answer.export().data());
            } else {
                source.put("status", "MISSING");
                source.put("error", answer.error());
                missing.add(answer.source());
            }
        }
        ArrayNode waived = root.putArray("waivers");
        for (Waiver w : waivers) {
            waived.addObject()
                    .put("source", w.source())
                    .put("reason", w.reason())
                    .put("by", w.by())
                    .put("at", w.at().toString());
        }
        Set<String> waivedSources = new TreeSet<>();
        waivers.forEach(w -> waivedSources.add(w.source()));
        boolean complete = true;
        for (JsonNode m : missing) {
            complete &= waivedSources.contains(m.asText());
        }
        root.put("complete", complete);

        ArrayNode docs = root.putArray("documents");
        for (DocumentView d : documents) {
            docs.addObject()
                    .put("id", d.id().toString())
                    .put("filename", d.filename())
                    .put("mediaType", d.mediaType())
                    .put("sizeBytes", d.sizeBytes())
                    .put("sha256", d.sha256())
                    .put("description", d.description())
                    .put("uploadedAt", d.uploadedAt().toString());
        }

        ArrayNode warnings = root.putArray(WARNINGS);
        if (notice.warning() != null) {
            warnings.addObject()
                    .put("about", "privacyNotice")
                    .put("reason", notice.unavailable())
                    .put("warning", notice.warning());
        }

        ObjectNode info = root.putObject("information");
        information(info, notice, school, answers, automatedDecisions);
        if (request.type() == RequestType.EDUCATIONAL_RECORD) {
            info.put(
                    "educationalRecord",
                    "Provided under the Education (Pupil Information) (England) Regulations 2005: free to see, within"
                            + " 15 school days of the written request; a copy may cost no more than the cost of supply.");
        }
        if (request.type() == RequestType.PORTABILITY) {
            info.put(
                    "portability",
                    "This document is the structured, machine-readable copy (JSON, format " + FORMAT + ") of the data"
                            + " provided by you and processed by consent, which you may give to another organisation.");
        }
        return root;
    }

    /**
     * What Art. 15(1)–(2) requires beside the data, from the school's published privacy notice (named in
     * {@code privacyNotice}), or the statutory minimum when it was not available ({@code privacyNotice} null): a
     * section the notice lacks keeps the minimum's words. The consent purposes asked about the child, the recipients from the
     * disclosure log and the retention of each record are the child's own, from the sources.
     */
    private static void information(
            ObjectNode info,
            SchoolNotice notice,
            SchoolProfile school,
            List<Sources.Answer> answers,
            String automatedDecisions) {
        JsonNode n = notice.isPublished() ? notice.content() : MissingNode.getInstance();
        if (notice.isPublished()) {
            info.putObject("privacyNotice")
                    .put("version", notice.used().version())
                    .put("hash", notice.used().hash())
                    .put(
                            "publishedAt",
                            notice.used().publishedAt() == null
                                    ? null
                                    : notice.used().publishedAt().toString());
        } else {
            info.putNull("privacyNotice");
        }
        info.put("basedOn", notice.inWords());

        ArrayNode uses = info.putArray("uses");
        for (JsonNode use : n.path("uses")) {
            String purpose = text(use, "purpose");
            if (purpose != null) {
                ObjectNode row = uses.addObject().put("purpose", upperFirst(purpose));
                putIfText(row, "lawfulBasis", firstText(use, "lawfulBasisInWords", "lawfulBasis"));
                putIfText(row, "specialCategoryCondition", text(use, "specialCategoryCondition"));
                putIfText(row, "law", text(use, "law"));
            }
        }
        Set<String> bases = new LinkedHashSet<>();
        uses.forEach(u -> {
            if (u.hasNonNull("lawfulBasis")) {
                bases.add(u.get("lawfulBasis").asText());
            }
        });
        strings(
                info.putArray("purposes"),
                uses.isEmpty() ? StatutoryMinimum.PURPOSES : distinct(uses, u -> text(u, "purpose")));
        strings(info.putArray("lawfulBases"), bases.isEmpty() ? StatutoryMinimum.LAWFUL_BASES : bases);
        strings(info.putArray("consentPurposes"), collect(answers, "consent", node -> text(node, "purpose")));
        List<String> categories = distinct(n.path("categories"), c -> firstText(c, "title", "code"));
        strings(info.putArray("categories"), categories.isEmpty() ? StatutoryMinimum.CATEGORIES : categories);
        strings(info.putArray("recipients"), recipients(answers));

        ArrayNode named = info.putArray("namedRecipients");
        List<String> recipientCategories = new ArrayList<>();
        for (JsonNode group : n.path("recipients")) {
            String category = text(group, "category");
            if (category == null) {
                continue;
            }
            recipientCategories.add(category);
            for (JsonNode r : group.path("recipients")) {
                String name = text(r, "name");
                if (name != null) {
                    ObjectNode row = named.addObject().put("category", category).put("name", name);
                    putIfText(row, "description", text(r, "description"));
                    putIfText(row, "role", text(r, "role"));
                    strings(row.putArray("why"), texts(r.path("why")));
                    strings(row.putArray("bases"), texts(r.path("bases")));
                }
            }
        }
        strings(
                info.putArray("recipientCategories"),
                notice.isPublished() && n.path("recipients").isArray()
                        ? recipientCategories
                        : StatutoryMinimum.RECIPIENT_CATEGORIES);

        ArrayNode retention = info.putArray("retention");
        forEachObject(answers, "retention", node -> {
            String recordClass = firstText(node, "recordClass", "class", "recordClassName");
            if (recordClass != null) {
                ObjectNode row = retention.addObject().put("recordClass", recordClass);
                putIfText(
                        row,
                        "keptFor",
                        firstText(node, "retentionRule", "retention", "period", "keepFor", "retentionPeriod"));
                putIfText(
                        row, "until", firstText(node, "keptUntil", "dueOn", "retainUntil", "keepUntil", "disposalDue"));
                putIfText(row, "waitingFor", firstText(node, "waitingFor"));
                putIfText(row, "then", firstText(node, "then", "action", "disposalAction"));
                if (node.path("onLegalHold").asBoolean(false)) {
                    row.put("onLegalHold", true);
                }
            }
        });
        String retentionSummary = text(n.path("retention"), "summary");
        info.put("retentionPolicy", retentionSummary == null ? StatutoryMinimum.RETENTION : retentionSummary);
        putIfText(info, "retentionSchedule", text(n.path("retention"), "schedulePath"));

        List<String> from = texts(n.path("sources"));
        info.put(
                "source",
                from.isEmpty()
                        ? StatutoryMinimum.SOURCES
                        : "The data comes from: "
                                + String.join(
                                        "; ",
                                        from.stream()
                                                .map(ResponseContent::lowerFirst)
                                                .toList())
                                + ".");

        ObjectNode adm = info.putObject("automatedDecisionMaking");
        adm.put("used", automatedDecisions != null);
        String noticeAdm = text(n, "automatedDecisions");
        adm.put(
                "statement",
                automatedDecisions != null
                        ? automatedDecisions
                        : noticeAdm != null ? noticeAdm : StatutoryMinimum.AUTOMATED_DECISIONS_NONE);

        ArrayNode transfers = info.putArray("transfers");
        for (JsonNode t : n.path("transfers")) {
            String recipient = text(t, "recipient");
            if (recipient != null) {
                ObjectNode row = transfers.addObject().put("recipient", recipient);
                putIfText(row, "country", text(t, "country"));
                putIfText(row, "safeguard", text(t, "safeguard"));
            }
        }
        info.put("internationalTransfers", transfersInWords(notice, n, transfers));

        List<String> rights = new ArrayList<>();
        for (JsonNode right : n.path("rights")) {
            String name = text(right, "name");
            String what = text(right, "what");
            if (name != null || what != null) {
                String how = text(right, "how");
                rights.add((name == null ? "" : name + ": ")
                        + (what == null ? "" : what)
                        + (how == null ? "" : " " + how));
            }
        }
        strings(info.putArray("rights"), rights.isEmpty() ? StatutoryMinimum.RIGHTS : rights);

        ObjectNode complaints = info.putObject("complaints");
        String schoolFirst = text(n.path("complaints"), "school");
        complaints.put(
                "firstContact",
                schoolFirst != null
                        ? schoolFirst
                        : "Please raise any concern with the school's data protection officer first"
                                + (school.dpoEmail() == null ? "." : ": " + school.dpoEmail() + "."));
        Ico ico = notice.ico();
        complaints.put("ico", ico.name());
        complaints.put("online", ico.online());
        complaints.put("telephone", ico.telephone());
        complaints.put("address", ico.address());
    }

    private static String transfersInWords(SchoolNotice notice, JsonNode n, ArrayNode transfers) {
        if (!notice.isPublished() || !n.path("transfers").isArray()) {
            return StatutoryMinimum.INTERNATIONAL_TRANSFERS;
        }
        if (transfers.isEmpty()) {
            return "Our privacy notice lists no transfer of personal data outside the UK.";
        }
        List<String> each = new ArrayList<>();
        transfers.forEach(t -> each.add(t.path("recipient").asText()
                + (t.hasNonNull("country") ? " (" + t.get("country").asText() + ")" : "")
                + (t.hasNonNull("safeguard")
                        ? ", under " + lowerFirst(t.get("safeguard").asText())
                        : "")));
        return "Personal data is transferred outside the UK, in accordance with UK data protection law (UK GDPR"
                + " Chapter V), to: " + String.join("; ", each) + ".";
    }

    /** Whether every missing source of a stored response has a waiver. */
    public static List<String> unwaivedMissing(JsonNode content, Set<String> waived) {
        List<String> open = new ArrayList<>();
        for (JsonNode m : content.path("missingSources")) {
            if (!waived.contains(m.asText())) {
                open.add(m.asText());
            }
        }
        return open;
    }

    /**
     * Who the child's data was disclosed to: the recipients of sharing-service's {@code disclosures} (refused
     * disclosures and notifications are not recipients); any object naming a recipient when the export has no such list.
     */
    private static Set<String> recipients(List<Sources.Answer> answers) {
        Set<String> names = new TreeSet<>();
        for (Sources.Answer answer : answers) {
            if (!answer.source().equals("sharing")
                    || !answer.present()
                    || answer.export().data() == null) {
                continue;
            }
            JsonNode data = answer.export().data();
            JsonNode disclosures = data.path("disclosures");
            walk(disclosures.isArray() ? disclosures : data, node -> {
                String name = recipient(node);
                if (name != null && !name.isBlank()) {
                    names.add(name);
                }
            });
        }
        return names;
    }

    private static String recipient(JsonNode node) {
        JsonNode recipient = node.get("recipient");
        if (recipient != null && recipient.isObject()) {
            return firstText(recipient, "name", "id");
        }
        return firstText(node, "recipientName", "recipient", "recipientId");
    }

    private static Set<String> collect(
            List<Sources.Answer> answers, String source, java.util.function.Function<JsonNode, String> pick) {
        Set<String> values = new TreeSet<>();
        forEachObject(answers, source, node -> {
            String value = pick.apply(node);
            if (value != null && !value.isBlank()) {
                values.add(value);
            }
        });
        return values;
    }

    /** Visits every JSON object in a source's data, depth first (the data's shape is each service's own). */
    private static void forEachObject(List<Sources.Answer> answers, String source, Consumer<JsonNode> visit) {
        for (Sources.Answer answer : answers) {
            if (answer.source().equals(source)
                    && answer.present()
                    && answer.export().data() != null) {
                walk(answer.export().data(), visit);
            }
        }
    }

    private static void walk(JsonNode node, Consumer<JsonNode> visit) {
        if (node.isObject()) {
            visit.accept(node);
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                walk(fields.next().getValue(), visit);
            }
        } else if (node.isArray()) {
            node.forEach(child -> walk(child, visit));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = text(node, field);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static void putIfText(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void strings(ArrayNode array, Iterable<String> values) {
        values.forEach(array::add);
    }

    /** The distinct texts picked from each element of an array, in order. */
    private static List<String> distinct(JsonNode array, java.util.function.Function<JsonNode, String> pick) {
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode element : array) {
            String value = pick.apply(element);
            if (value != null && !value.isBlank()) {
                values.add(value);
            }
        }
        return List.copyOf(values);
    }

    /** The non-blank texts of an array. */
    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode element : array) {
            if (element.isTextual() && !element.asText().isBlank()) {
                values.add(element.asText());
            }
        }
        return values;
    }

    private static String upperFirst(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
