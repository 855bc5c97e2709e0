package org.custodian.sar.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.custodian.sar.document.DocumentView;
import org.custodian.sar.notice.PrivacyNotice;
import org.custodian.sar.request.RequestType;
import org.custodian.sar.request.RightsRequest;
import org.custodian.sar.roster.SchoolProfile;

/**
 * Builds the Art. 15 response as JSON (machine-readable, for portability too): the copy of the data from each
 * source and the documents, and what Art. 15(1) requires beside it: purposes, categories, recipients (from the
 * disclosure log), retention (from retention-service), the source, automated decision-making, transfers, the
 * rights and the ICO. Plain Java over Jackson trees.
 */
public final class ResponseContent {

    public static final String FORMAT = "custodian.sar.response/v1";

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

        ObjectNode info = root.putObject("information");
        strings(info.putArray("purposes"), PrivacyNotice.PURPOSES);
        strings(info.putArray("lawfulBases"), PrivacyNotice.LAWFUL_BASES);
        strings(info.putArray("consentPurposes"), collect(answers, "consent", node -> text(node, "purpose")));
        strings(info.putArray("categories"), PrivacyNotice.CATEGORIES);
        strings(info.putArray("recipients"), recipients(answers));
        strings(info.putArray("recipientCategories"), PrivacyNotice.RECIPIENT_CATEGORIES);
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
        info.put("retentionPolicy", PrivacyNotice.RETENTION);
        info.put("source", PrivacyNotice.SOURCES);
        ObjectNode adm = info.putObject("automatedDecisionMaking");
        adm.put("used", automatedDecisions != null);
        adm.put("statement", automatedDecisions == null ? PrivacyNotice.AUTOMATED_DECISIONS_NONE : automatedDecisions);
        info.put("internationalTransfers", PrivacyNotice.INTERNATIONAL_TRANSFERS);
        strings(info.putArray("rights"), PrivacyNotice.RIGHTS);
        ObjectNode ico = info.putObject("complaints");
        ico.put(
                "firstContact",
                "Please raise any concern with the school's data protection officer first"
                        + (school.dpoEmail() == null ? "." : ": " + school.dpoEmail() + "."));
        ico.put("ico", PrivacyNotice.ICO.name());
        ico.put("online", PrivacyNotice.ICO.online());
        ico.put("telephone", PrivacyNotice.ICO.telephone());
        ico.put("address", PrivacyNotice.ICO.address());
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
}
