package org.custodian.systemtests.support;

import static org.custodian.systemtests.support.Api.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A school of its own for one story: a fresh URN (so that stories never see each other's rows or the demo school's),
 * the people who act for it, and the calls a school makes, each through the gateway with that person's token.
 */
public final class School {

    public final String urn;
    public final Api dpo;
    public final Api admin;
    public final Api mis;
    public final Api staff;
    private final String base;

    private School(String urn) {
        this.urn = urn;
        this.base = "/api/v1/schools/" + urn;
        this.dpo = Api.as(Tokens.mint("dpo", "dpo-" + urn, urn));
        this.admin = Api.as(Tokens.mint("school-admin", "admin-" + urn, urn));
        this.mis = Api.as(Tokens.mint("mis", "mis-" + urn, urn));
        this.staff = Api.as(Tokens.mint("staff", "teacher-" + urn, urn));
    }

    /** A school no one has used: a random six-digit URN from 200000 up (the demo school is 100001). */
    public static School fresh() {
        return new School(String.valueOf(ThreadLocalRandom.current().nextInt(200_000, 1_000_000)));
    }

    /** A path under this school: {@code path("/pupils")} is {@code /api/v1/schools/{urn}/pupils}. */
    public String path(String path) {
        return base + path;
    }

    public Api parent(String guardianId) {
        return Api.as(Tokens.mint("parent", guardianId, urn));
    }

    public Api pupil(String pupilId) {
        return Api.as(Tokens.mint("pupil", pupilId, urn));
    }

    public Api partner(String recipientId) {
        return Api.as(Tokens.mint("partner", recipientId, urn));
    }

    // ---- the roster (consent-service) ----------------------------------------------------------------------------

    /** A pupil as the MIS sends one, {@code age} years old today (born a month and a day after that birthday). */
    public static ObjectNode pupil(String id, String givenName, int age, int yearGroup) {
        LocalDate born =
                LocalDate.now(Stack.LONDON).minusYears(age).minusMonths(1).minusDays(1);
        return object().put("pupilId", id)
                .put("givenName", givenName)
                .put("familyName", "Test")
                .put("dateOfBirth", born.toString())
                .put("yearGroup", yearGroup)
                .put(
                        "admissionDate",
                        born.plusYears(4).withMonth(9).withDayOfMonth(1).toString());
    }

    /** A guardian with parental responsibility for each of {@code pupilIds}. */
    public static ObjectNode parentOf(String guardianId, String relationship, String... pupilIds) {
        ObjectNode guardian = object().put("guardianId", guardianId).put("name", relationship + " " + guardianId);
        ArrayNode children = guardian.putArray("children");
        for (String pupilId : pupilIds) {
            children.addObject()
                    .put("pupilId", pupilId)
                    .put("parentalResponsibility", true)
                    .put("relationship", relationship);
        }
        return guardian;
    }

    /** The MIS's roster sync. */
    public JsonNode syncRoster(List<ObjectNode> pupils, List<ObjectNode> guardians) {
        ObjectNode body = object();
        pupils.forEach(body.putArray("pupils")::add);
        guardians.forEach(body.putArray("guardians")::add);
        return mis.post(path("/roster-sync"), body).json(200);
    }

    /** A parent records a decision online, as themselves; answers the receipt. */
    public JsonNode parentDecides(String guardianId, String pupilId, String purpose, String decision) {
        return parent(guardianId)
                .post(path("/pupils/" + pupilId + "/consents"), decision(purpose, decision, guardianId))
                .json(201);
    }

    public static ObjectNode decision(String purpose, String decision, String guardianId) {
        ObjectNode body =
                object().put("purpose", purpose).put("decision", decision).put("method", "ONLINE");
        ObjectNode givenBy = body.putObject("givenBy");
        if (guardianId == null) {
            givenBy.put("type", "PUPIL");
        } else {
            givenBy.put("type", "GUARDIAN").put("guardianId", guardianId);
        }
        return body;
    }

    /** The consent-check matrix cell of one pupil and purpose, as {@code who} sees it. */
    public JsonNode consentCheck(Api who, String pupilId, String purpose) {
        ObjectNode body = object();
        body.putArray("pupils").add(pupilId);
        body.putArray("purposes").add(purpose);
        JsonNode matrix = who.post(path("/consent-checks"), body).json(200);
        for (JsonNode result : matrix.path("results")) {
            if (result.path("pupilId").asText().equals(pupilId)
                    && result.path("statuses").has(purpose)) {
                return result.path("statuses").path(purpose);
            }
        }
        throw new AssertionError("no consent-check result for " + pupilId + " and " + purpose + ": " + matrix);
    }

    /** The pupils a teacher's class list shows for a purpose (status GRANTED), in one year group. */
    public List<String> classList(String purpose, int yearGroup) {
        return Api.texts(
                staff.get(path("/purposes/" + purpose + "/pupils?yearGroup=" + yearGroup + "&limit=500"))
                        .json(200)
                        .path("items"),
                "pupilId");
    }

    // ---- sharing ------------------------------------------------------------------------------------------------

    /** The id of a recipient the school was seeded with (e.g. "Department for Education"). */
    public String seededRecipient(String name) {
        for (JsonNode recipient :
                dpo.get(path("/recipients?limit=500")).json(200).path("items")) {
            if (name.equals(recipient.path("name").asText())) {
                return recipient.path("id").asText();
            }
        }
        throw new AssertionError("no seeded recipient " + name);
    }

    public String addRecipient(String name, String kind) {
        return dpo.post(
                        path("/recipients"),
                        object().put("name", name).put("kind", kind).put("country", "GB"))
                .json(201)
                .path("id")
                .asText();
    }

    /** A consent-based agreement: {@code purpose} may go to the recipient while {@code consentPurpose} is granted. */
    public String consentAgreement(
            String recipientId, String name, String purpose, String consentPurpose, String... categories) {
        ObjectNode body = object().put("recipientId", recipientId)
                .put("name", name)
                .put("lawfulBasis", "CONSENT")
                .put("consentPurpose", consentPurpose)
                .put("validFrom", LocalDate.now(Stack.LONDON).minusMonths(3).toString());
        body.putArray("purposes").add(purpose);
        List.of(categories).forEach(body.putArray("dataCategories")::add);
        return dpo.post(path("/agreements"), body).json(201).path("id").asText();
    }

    /** Registers {@code receiver} as the recipient's webhook endpoint for the given partner types; trusts its secret. */
    public String webhookEndpoint(String recipientId, WebhookReceiver receiver, String... types) {
        JsonNode created = registerEndpoint(recipientId, receiver.url(), types);
        receiver.trust(created.path("secret").asText());
        return created.path("endpoint").path("id").asText();
    }

    /** Registers {@code url} as a webhook endpoint of the recipient; answers the {@code whsec_} secret, shown this once. */
    public String webhookEndpoint(String recipientId, String url, String... types) {
        return registerEndpoint(recipientId, url, types).path("secret").asText();
    }

    private JsonNode registerEndpoint(String recipientId, String url, String... types) {
        ObjectNode body = object().put("url", url).put("description", "system test receiver");
        List.of(types).forEach(body.putArray("eventTypes")::add);
        return dpo.post(path("/recipients/" + recipientId + "/webhook-endpoints"), body)
                .json(201);
    }

    public static ObjectNode sharing(String recipientId, String purpose, List<String> pupilIds, String... categories) {
        ObjectNode body =
                object().put("recipientId", recipientId).put("purpose", purpose).put("reason", "system test");
        pupilIds.forEach(body.putArray("pupilIds")::add);
        List.of(categories).forEach(body.putArray("dataCategories")::add);
        return body;
    }

    /** A disclosure request: the decision for each pupil, the allowed ones logged and sent. */
    public JsonNode disclose(String recipientId, String purpose, List<String> pupilIds, String... categories) {
        return staff.post(path("/disclosures"), sharing(recipientId, purpose, pupilIds, categories))
                .json(200);
    }

    /** The same decision without disclosing (nothing logged or sent). */
    public JsonNode sharingCheck(String recipientId, String purpose, List<String> pupilIds, String... categories) {
        return staff.post(path("/sharing-checks"), sharing(recipientId, purpose, pupilIds, categories))
                .json(200);
    }

    /** One pupil's decision in a disclosure or check answer. */
    public static JsonNode decisionFor(JsonNode answer, String pupilId) {
        for (JsonNode decision : answer.path("decisions")) {
            if (pupilId.equals(decision.path("pupilId").asText())) {
                return decision;
            }
        }
        throw new AssertionError("no decision for " + pupilId + " in " + answer);
    }

    // ---- retention ----------------------------------------------------------------------------------------------

    public static ObjectNode holding(
            String recordClass, String pupilId, String reference, LocalDate createdOn, String purpose) {
        ObjectNode holding = object().put("recordClass", recordClass)
                .put("system", "SIMS")
                .put("reference", reference)
                .put("createdOn", createdOn.toString());
        if (pupilId != null) {
            holding.put("pupilId", pupilId);
        }
        if (purpose != null) {
            holding.put("purpose", purpose);
        }
        return holding;
    }

    /** The MIS registers what it holds; answers the registration (one item per holding, in order). */
    public JsonNode registerHoldings(List<ObjectNode> holdings) {
        ObjectNode body = object();
        holdings.forEach(body.putArray("holdings")::add);
        return mis.post(path("/holdings"), body).json(200);
    }

    /** A pupil's holdings in the register, as the DPO reads them. */
    public List<JsonNode> holdingsOf(String pupilId) {
        List<JsonNode> items = new java.util.ArrayList<>();
        dpo.get(path("/holdings?limit=500&pupilId=" + pupilId))
                .json(200)
                .path("items")
                .forEach(items::add);
        return items;
    }

    public JsonNode holdingOf(String pupilId, String reference) {
        return holdingsOf(pupilId).stream()
                .filter(h -> reference.equals(h.path("reference").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no holding " + reference + " of " + pupilId));
    }

    // ---- rights requests ----------------------------------------------------------------------------------------

    /** A request body about a pupil. */
    public static ObjectNode request(String type, String pupilId, String description) {
        ObjectNode body = object().put("type", type).put("description", description);
        body.putObject("subject").put("type", "PUPIL").put("id", pupilId);
        return body;
    }

    /**
     * Makes a rights request as {@code who}. sar-service learns the roster from Kafka, so right after a roster sync it
     * may not know the pupil yet ("no pupil with that id", 404, nothing stored): the request is made again until it
     * does, as a parent would retry. Any other answer is returned as it is.
     */
    public Api.Reply makeRequest(Api who, ObjectNode body) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            Api.Reply reply = who.post(path("/requests"), body);
            if (reply.status() != 404 || !reply.text().contains("no pupil") || System.nanoTime() > deadline) {
                return reply;
            }
            Effects.sleep(100);
        }
    }

    /** A step on a request as the DPO ({@code identity-verification}, {@code decision}, {@code completion} …). */
    public JsonNode step(String requestId, String step, ObjectNode body) {
        return dpo.post(path("/requests/" + requestId + "/" + step), body).json(200);
    }

    public static String today() {
        return LocalDate.now(Stack.LONDON).toString();
    }
}
