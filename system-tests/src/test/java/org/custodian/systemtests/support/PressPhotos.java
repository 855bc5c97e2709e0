package org.custodian.systemtests.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * A school where every pupil's parent granted press photos, a photograph of each is on the retention register, and a
 * newspaper received them all and is told by webhook of every withdrawal. A parent's withdrawal then has one effect
 * in each part of the suite, which can be counted per pupil: consent-service records it, sharing-service refuses the
 * newspaper (CONSENT_WITHDRAWN) and opens one STOP_USING partner action, retention-service makes the photograph due
 * today, and the newspaper gets one {@code consent.withdrawn} message (one webhook-id, one delivery).
 */
public final class PressPhotos {

    public static final String PURPOSE = "PHOTO_PRESS";
    private static final String SHARING_PURPOSE = "press-photos";
    private static final String CATEGORY = "PHOTOGRAPHS";

    public final School school;
    public final List<String> pupils;
    public final String paper;
    public final String endpoint;
    private final Map<String, Api> parents = new ConcurrentHashMap<>();

    private PressPhotos(School school, List<String> pupils, String paper, String endpoint) {
        this.school = school;
        this.pupils = pupils;
        this.paper = paper;
        this.endpoint = endpoint;
    }

    /** A fresh school of {@code count} pupils ({@code prefix}001 …) whose newspaper's endpoint is {@code partner}. */
    public static PressPhotos setUp(String prefix, int count, WebhookReceiver partner) {
        School school = School.fresh();
        List<String> pupils = IntStream.rangeClosed(1, count)
                .mapToObj(i -> String.format("%s%03d", prefix, i))
                .toList();
        List<ObjectNode> roster = new ArrayList<>(), guardians = new ArrayList<>(), photos = new ArrayList<>();
        LocalDate taken = LocalDate.now(Stack.LONDON).minusWeeks(3);
        for (String pupilId : pupils) {
            roster.add(School.pupil(pupilId, "Pupil " + pupilId, 10, 5));
            guardians.add(School.parentOf(guardian(pupilId), "MOTHER", pupilId));
            photos.add(School.holding("PHOTOGRAPHS_AND_RECORDINGS", pupilId, "PHOTO-" + pupilId, taken, PURPOSE));
        }
        school.syncRoster(roster, guardians);
        pupils.parallelStream().forEach(p -> school.parentDecides(guardian(p), p, PURPOSE, "GRANTED"));
        school.registerHoldings(photos);
        String paper = school.addRecipient("Watford Observer", "CONTROLLER");
        school.consentAgreement(paper, "Photos in the local press", SHARING_PURPOSE, PURPOSE, CATEGORY);
        String endpoint = school.webhookEndpoint(paper, partner, "consent.withdrawn");
        await("sharing-service knows every grant")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> school.sharingCheck(paper, SHARING_PURPOSE, pupils, CATEGORY)
                                .path("allowed")
                                .asInt()
                        == count);
        if (school.disclose(paper, SHARING_PURPOSE, pupils, CATEGORY)
                        .path("allowed")
                        .asInt()
                != count) {
            throw new AssertionError("the newspaper was not sent every photograph");
        }
        return new PressPhotos(school, pupils, paper, endpoint);
    }

    public static String guardian(String pupilId) {
        return "G-" + pupilId;
    }

    /** The pupil's parent withdraws press photos through the gateway; the answer, whatever it is. */
    public Api.Reply withdraw(String pupilId) {
        Api parent = parents.computeIfAbsent(pupilId, p -> school.parent(guardian(p)));
        return parent.post(
                school.path("/pupils/" + pupilId + "/consents"),
                School.decision(PURPOSE, "WITHDRAWN", guardian(pupilId)));
    }

    // ---- each service's record of the withdrawals, per pupil
    // ---------------------------------------------------------

    /** consent-service: the pupils whose press-photo consent is WITHDRAWN (the committed withdrawals). */
    public Set<String> withdrawnInConsent() {
        ObjectNode body = Api.object();
        pupils.forEach(body.putArray("pupils")::add);
        body.putArray("purposes").add(PURPOSE);
        Set<String> withdrawn = new TreeSet<>();
        for (JsonNode result : school.staff
                .post(school.path("/consent-checks"), body)
                .json(200)
                .path("results")) {
            if ("WITHDRAWN"
                    .equals(result.path("statuses").path(PURPOSE).path("status").asText())) {
                withdrawn.add(result.path("pupilId").asText());
            }
        }
        return withdrawn;
    }

    /** sharing-service: the pupils it now refuses to the newspaper because the consent was withdrawn. */
    public Set<String> refusedInSharing() {
        Set<String> refused = new TreeSet<>();
        for (JsonNode decision :
                school.sharingCheck(paper, SHARING_PURPOSE, pupils, CATEGORY).path("decisions")) {
            if (decision.path("reasons").toString().contains("CONSENT_WITHDRAWN")) {
                refused.add(decision.path("pupilId").asText());
            }
        }
        return refused;
    }

    /** retention-service: the pupils whose photograph is due for disposal today. */
    public Set<String> dueInRetention() {
        String today = LocalDate.now(Stack.LONDON).toString();
        Set<String> due = new TreeSet<>();
        for (JsonNode holding : all(school.path("/holdings?recordClass=PHOTOGRAPHS_AND_RECORDINGS"))) {
            if (today.equals(holding.path("dueOn").asText())) {
                due.add(holding.path("pupilId").asText());
            }
        }
        return due;
    }

    /** sharing-service: how many STOP_USING actions the newspaper was given, per pupil (one each in effect). */
    public Map<String, Integer> partnerActions() {
        return countBy(all(school.path("/partner-actions?kind=STOP_USING&recipientId=" + paper)), "pupilId");
    }

    /** sharing-service: every delivery to the newspaper's endpoint (one per message, retries are attempts of it). */
    public List<JsonNode> deliveries() {
        return all(school.path("/recipients/" + paper + "/webhook-endpoints/" + endpoint + "/deliveries"));
    }

    public String endpointPath() {
        return school.path("/recipients/" + paper + "/webhook-endpoints/" + endpoint);
    }

    /** Every item of a paginated list, page by page, as the DPO. */
    public List<JsonNode> all(String path) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            String page = path + (path.contains("?") ? "&" : "?") + "limit=500"
                    + (cursor == null
                            ? ""
                            : "&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8));
            JsonNode answer = school.dpo.get(page).json(200);
            answer.path("items").forEach(items::add);
            cursor = answer.path("nextCursor").isTextual()
                    ? answer.path("nextCursor").asText()
                    : null;
        } while (cursor != null);
        return items;
    }

    public static Map<String, Integer> countBy(Collection<JsonNode> items, String field) {
        Map<String, Integer> counts = new HashMap<>();
        items.forEach(item -> counts.merge(item.path(field).asText(), 1, Integer::sum));
        return counts;
    }
}
