package org.custodian.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.systemtests.support.Api;
import org.custodian.systemtests.support.DocumentedFields;
import org.custodian.systemtests.support.Stack;
import org.custodian.systemtests.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A front-end engineer builds on the published contract, and a DPO wants to know that no answer carries more than
 * it says (OWASP API3). On the demo school, through the gateway: every GET operation in the access matrix, called
 * by every role the matrix allows, with ids found by listing; every JSON answer that succeeds holds only properties
 * that the gateway's OpenAPI document gives for that operation and status.
 */
class DocumentedAnswersStory {

    static final String SCHOOL = "100001";
    static final String CHILD = "DEMO-P01";
    static final String PARENT = "DEMO-G01A";
    static final List<String> ROLES = List.of(
            "dpo", "school-admin", "staff", "safeguarding-lead", "parent", "pupil", "mis", "partner", "auditor");
    static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    record Operation(String path, Map<String, Boolean> allowed) {}

    final JsonNode document =
            Api.as(Tokens.mint("dpo", "dev-dpo", SCHOOL)).get("/api/openapi").json(200);
    final DocumentedFields fields = new DocumentedFields(document);
    final Api dpo = Api.as(Tokens.mint("dpo", "dev-dpo", SCHOOL));

    @Test
    void everyAnswerHoldsOnlyWhatTheContractDocumentsForIt() throws IOException {
        int checked = 0;
        int operations = 0;
        List<String> unresolved = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Operation op : getOperations()) {
            Optional<String> path = concrete(op.path());
            if (path.isEmpty()) {
                unresolved.add(op.path());
                continue;
            }
            boolean any = false;
            for (String role : ROLES) {
                if (!op.allowed().get(role)) {
                    continue;
                }
                Api.Reply reply =
                        Api.as(Tokens.mint(role, subjectOf(role), SCHOOL)).get(path.get());
                String type = reply.header("Content-Type").orElse("");
                if (reply.status() / 100 != 2 || !type.startsWith("application/json")) {
                    continue;
                }
                JsonNode schema = document.at("/paths/" + escape(op.path()) + "/get/responses/" + reply.status()
                        + "/content/application~1json/schema");
                if (schema.isMissingNode() || fields.saysNothing(schema)) {
                    problems.add(role + " GET " + op.path() + ": answered " + reply.status()
                            + " with JSON the document does not describe");
                    continue;
                }
                fields.undocumented(reply.json(), schema)
                        .forEach(field ->
                                problems.add(role + " GET " + op.path() + ": " + field + " is not documented"));
                checked++;
                any = true;
            }
            operations += any ? 1 : 0;
        }
        System.out.printf(
                "documented answers: %d answers of %d operations checked against the contract; ids not found for %s%n",
                checked, operations, unresolved);
        assertThat(problems)
                .as("answers carrying what the contract does not document")
                .isEmpty();
        assertThat(operations)
                .as("operations with a successful JSON answer in the demo data")
                .isGreaterThanOrEqualTo(30);
        assertThat(checked).isGreaterThanOrEqualTo(80);
    }

    static String subjectOf(String role) {
        return switch (role) {
            case "parent" -> PARENT;
            case "pupil" -> CHILD;
            default -> "dev-" + role;
        };
    }

    static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }

    /** The path with each parameter filled from the demo data: the demo child and parent, else the first listed. */
    Optional<String> concrete(String template) {
        StringBuilder path = new StringBuilder();
        Matcher m = PARAMETER.matcher(template);
        int from = 0;
        while (m.find()) {
            path.append(template, from, m.start());
            String name = m.group(1);
            String value = switch (name) {
                case "urn" -> SCHOOL;
                case "pupilId" -> CHILD;
                case "guardianId" -> PARENT;
                default -> firstListed(path.toString(), name);
            };
            if (value == null) {
                return Optional.empty();
            }
            path.append(value);
            from = m.end();
        }
        return Optional.of(path.append(template.substring(from)).toString());
    }

    private String firstListed(String collection, String name) {
        String list = collection.endsWith("/") ? collection.substring(0, collection.length() - 1) : collection;
        Api.Reply reply = dpo.get(list);
        if (reply.status() != 200) {
            return null;
        }
        JsonNode found = find(reply.json(), name);
        if (found == null && name.endsWith("Id")) {
            found = find(reply.json(), "id");
        }
        if (found == null && name.toLowerCase().endsWith("code")) {
            found = find(reply.json(), "code");
        }
        return found == null || found.isNull() ? null : found.asText();
    }

    private static JsonNode find(JsonNode node, String field) {
        if (node.isObject()) {
            if (node.has(field) && node.get(field).isValueNode()) {
                return node.get(field);
            }
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                JsonNode found = find(it.next(), field);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                JsonNode found = find(element, field);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The GET operations under /api of security/access-matrix.csv, with the roles each allows. */
    static List<Operation> getOperations() throws IOException {
        List<Operation> operations = new ArrayList<>();
        for (String line : Files.readAllLines(Stack.root().resolve("security/access-matrix.csv"))) {
            String[] cells = line.split(",", -1);
            if (line.startsWith("#")
                    || cells.length != 3 + ROLES.size()
                    || !cells[1].equals("GET")
                    || !cells[2].startsWith("/api/")) {
                continue;
            }
            Map<String, Boolean> allowed = new LinkedHashMap<>();
            for (int i = 0; i < ROLES.size(); i++) {
                allowed.put(ROLES.get(i), cells[3 + i].trim().equals("allow"));
            }
            operations.add(new Operation(cells[2].trim(), allowed));
        }
        assertThat(operations).as("the matrix's GET operations").hasSizeGreaterThan(40);
        return operations;
    }
}
