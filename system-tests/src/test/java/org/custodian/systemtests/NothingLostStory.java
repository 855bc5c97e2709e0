package org.custodian.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.custodian.systemtests.support.School.holding;
import static org.custodian.systemtests.support.School.parentOf;
import static org.custodian.systemtests.support.School.pupil;
import static org.custodian.systemtests.support.Stack.LONDON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.custodian.systemtests.support.Broker;
import org.custodian.systemtests.support.Effects;
import org.custodian.systemtests.support.EventLog;
import org.custodian.systemtests.support.School;
import org.custodian.systemtests.support.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * Story 6. Nothing is lost (DESIGN.md §4): with the broker stopped, parents still withdraw, and the outboxes keep the
 * events; when it is back, every withdrawal reaches sharing- and retention-service once in effect and every partner
 * is told. A roster change made during the outage (a pupil leaves) arrives too. A partner endpoint that answers 503 for
 * a while gets the same message again (same {@code webhook-id}) until it takes it.
 */
class NothingLostStory {

    static final int PUPILS = 100;

    @Test
    void withdrawalsMadeWhileTheBrokerIsDownAllArriveOnceWhenItIsBack() {
        School school = School.fresh();
        List<String> pupils = ids("P-", PUPILS);
        setUp(school, pupils);
        try (WebhookReceiver partner = new WebhookReceiver()) {
            String paper = newspaper(school, partner, pupils);
            try (EventLog consentEvents = new EventLog("custodian.consent.v1", school.urn)) {
                long stopStarted = System.nanoTime();
                Broker.stop();
                System.out.printf(
                        "MEASURE story 6: broker stopped in %d ms%n", (System.nanoTime() - stopStarted) / 1_000_000);
                try {
                    // parents withdraw while the broker is down: every withdrawal is taken
                    long recording = System.nanoTime();
                    for (String pupilId : pupils) {
                        JsonNode receipt = school.parentDecides(guardian(pupilId), pupilId, "PHOTO_PRESS", "WITHDRAWN");
                        assertThat(receipt.path("effectiveStatus").asText()).isEqualTo("WITHDRAWN");
                    }
                    System.out.printf(
                            "MEASURE story 6: %d withdrawals recorded one after another through the gateway with the broker down: %d ms%n",
                            PUPILS, (System.nanoTime() - recording) / 1_000_000);
                    // and the MIS records that the first pupil left today
                    school.syncRoster(
                            List.of(pupil(pupils.get(0), "Pupil " + pupils.get(0), 10, 5)
                                    .put("leavingDate", today())),
                            List.of());
                    // and is at once the school's own answer, while nothing has left consent-service yet
                    assertThat(school.classList("PHOTO_PRESS", 5)).isEmpty();
                    Effects.sleep(2000);
                    assertThat(allowed(school, paper, pupils))
                            .as("sharing cannot know yet")
                            .isEqualTo(PUPILS);
                    assertThat(partner.processed("consent.withdrawn")).isEmpty();
                } finally {
                    Broker.start();
                }
            }
            long back = System.nanoTime();
            Map<String, Long> seen = Effects.since("the broker's restart (story 6)", back)
                    .expect(
                            "sharing-service refuses all " + PUPILS,
                            () -> refusedAsWithdrawn(school, paper, pupils) == PUPILS)
                    .expect(
                            "retention-service has all " + PUPILS + " photographs due",
                            () -> dueToday(school) == PUPILS)
                    .expect(
                            "the partner has all " + PUPILS + " consent.withdrawn webhooks",
                            () -> partner.processed("consent.withdrawn").size() >= PUPILS)
                    .expect(
                            "retention-service has the leaver's primary record due",
                            () -> today().equals(school.holdingOf(pupils.get(0), "PRI-" + pupils.get(0))
                                    .path("dueOn")
                                    .asText()))
                    .await(Duration.ofSeconds(180));
            long recovery =
                    seen.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            System.out.printf(
                    "MEASURE story 6: recovery after the broker restart: %d ms for %d withdrawals (the issue asks within a minute: %s)%n",
                    recovery, PUPILS, recovery <= 60_000 ? "kept" : "NOT kept on this run");

            // once in effect: one partner message per pupil, one delivery per message, each withdrawal applied once
            Effects.sleep(1000);
            List<WebhookReceiver.Received> told = partner.processed("consent.withdrawn");
            assertThat(told).hasSize(PUPILS).allMatch(WebhookReceiver.Received::verified);
            assertThat(told.stream().map(r -> r.data().path("pupilId").asText()).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrderElementsOf(pupils);
            assertThat(deliveries(school, paper, "consent.withdrawn")).hasSize(PUPILS);
            assertThat(refusedAsWithdrawn(school, paper, pupils)).isEqualTo(PUPILS);
            assertThat(dueToday(school)).isEqualTo(PUPILS);
        }
    }

    @Test
    void aPartnerAnswering503IsToldAgainWithTheSameMessageUntilItTakesIt() {
        School school = School.fresh();
        List<String> pupils = ids("Q-", 10);
        setUp(school, pupils);
        try (WebhookReceiver partner = new WebhookReceiver()) {
            String paper = newspaper(school, partner, pupils);
            // the partner's system is down for a while: 503 to everything
            Set<String> refusedIds = ConcurrentHashMap.newKeySet();
            partner.answer(id -> {
                refusedIds.add(id);
                return 503;
            });
            for (String pupilId : pupils) {
                school.parentDecides(guardian(pupilId), pupilId, "PHOTO_PRESS", "WITHDRAWN");
            }
            await("every message refused once")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> refusedIds.size() == pupils.size());
            long upAgain = System.nanoTime();
            partner.answer(id -> 204);
            Effects.since("the partner's recovery from 503 (story 6)", upAgain)
                    .expect(
                            "every message delivered",
                            () -> partner.processed("consent.withdrawn").size() >= pupils.size())
                    .await(Duration.ofSeconds(120));

            // each pupil's message came again under the same webhook-id and body; it counts once
            List<WebhookReceiver.Received> all = partner.all().stream()
                    .filter(r -> r.type().equals("consent.withdrawn"))
                    .toList();
            Map<String, List<WebhookReceiver.Received>> byId =
                    all.stream().collect(Collectors.groupingBy(WebhookReceiver.Received::id));
            assertThat(byId).hasSize(pupils.size());
            byId.forEach((id, attempts) -> {
                assertThat(attempts).hasSizeGreaterThanOrEqualTo(2);
                assertThat(attempts.get(0).answered()).isEqualTo(503);
                assertThat(attempts.stream().map(WebhookReceiver.Received::body).distinct())
                        .hasSize(1);
                assertThat(attempts).allMatch(WebhookReceiver.Received::verified);
            });
            assertThat(partner.processed("consent.withdrawn").stream()
                            .map(r -> r.data().path("pupilId").asText()))
                    .containsExactlyInAnyOrderElementsOf(pupils);
            // and the school sees why: a failed attempt with 503, then success, on one delivery per message
            List<JsonNode> deliveries = deliveries(school, paper, "consent.withdrawn");
            assertThat(deliveries).hasSize(pupils.size());
            for (JsonNode delivery : deliveries) {
                assertThat(delivery.path("status").asText()).isEqualTo("SUCCEEDED");
                assertThat(delivery.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
                JsonNode attempts = school.dpo
                        .get(deliveriesPath(school, paper) + "/"
                                + delivery.path("id").asText())
                        .json(200)
                        .path("attemptLog");
                assertThat(attempts.get(0).path("statusCode").asInt()).isEqualTo(503);
                assertThat(attempts.get(attempts.size() - 1).path("outcome").asText())
                        .isEqualTo("SUCCEEDED");
            }
        }
    }

    // ---- the school of this story ----------------------------------------------------------------------------------

    private String endpoint;

    private static List<String> ids(String prefix, int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> String.format("%s%03d", prefix, i))
                .toList();
    }

    private static String guardian(String pupilId) {
        return "G-" + pupilId;
    }

    /** A Year 5 of {@code pupils}, each with a parent who granted press photos, and a photograph of each on record. */
    private static void setUp(School school, List<String> pupils) {
        List<ObjectNode> roster = new ArrayList<>(), parents = new ArrayList<>(), photos = new ArrayList<>();
        LocalDate taken = LocalDate.now(LONDON).minusWeeks(3);
        for (String pupilId : pupils) {
            roster.add(pupil(pupilId, "Pupil " + pupilId, 10, 5));
            parents.add(parentOf(guardian(pupilId), "MOTHER", pupilId));
            photos.add(holding("PHOTOGRAPHS_AND_RECORDINGS", pupilId, "PHOTO-" + pupilId, taken, "PHOTO_PRESS"));
        }
        photos.add(holding("PUPIL_RECORD_PRIMARY", pupils.get(0), "PRI-" + pupils.get(0), taken.minusYears(5), null));
        school.syncRoster(roster, parents);
        for (String pupilId : pupils) {
            school.parentDecides(guardian(pupilId), pupilId, "PHOTO_PRESS", "GRANTED");
        }
        school.registerHoldings(photos);
    }

    /** The newspaper that received every pupil's photo on consent, with the receiver as its endpoint. */
    private String newspaper(School school, WebhookReceiver receiver, List<String> pupils) {
        String paper = school.addRecipient("Watford Observer", "CONTROLLER");
        school.consentAgreement(paper, "Photos in the local press", "press-photos", "PHOTO_PRESS", "PHOTOGRAPHS");
        endpoint = school.webhookEndpoint(paper, receiver, "consent.withdrawn");
        await("sharing-service knows every grant")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> allowed(school, paper, pupils) == pupils.size());
        assertThat(school.disclose(paper, "press-photos", pupils, "PHOTOGRAPHS")
                        .path("allowed")
                        .asInt())
                .isEqualTo(pupils.size());
        return paper;
    }

    private static String today() {
        return LocalDate.now(LONDON).toString();
    }

    private static int allowed(School school, String recipient, List<String> pupils) {
        return school.sharingCheck(recipient, "press-photos", pupils, "PHOTOGRAPHS")
                .path("allowed")
                .asInt();
    }

    private static int refusedAsWithdrawn(School school, String recipient, List<String> pupils) {
        int count = 0;
        for (JsonNode decision : school.sharingCheck(recipient, "press-photos", pupils, "PHOTOGRAPHS")
                .path("decisions")) {
            if (decision.path("reasons").toString().contains("CONSENT_WITHDRAWN")) {
                count++;
            }
        }
        return count;
    }

    private static int dueToday(School school) {
        String today = LocalDate.now(LONDON).toString();
        int count = 0;
        for (JsonNode holding : school.dpo
                .get(school.path("/holdings?limit=500&recordClass=PHOTOGRAPHS_AND_RECORDINGS"))
                .json(200)
                .path("items")) {
            if (today.equals(holding.path("dueOn").asText())) {
                count++;
            }
        }
        return count;
    }

    private String deliveriesPath(School school, String recipient) {
        return school.path("/recipients/" + recipient + "/webhook-endpoints/" + endpoint + "/deliveries");
    }

    private List<JsonNode> deliveries(School school, String recipient, String type) {
        List<JsonNode> found = new ArrayList<>();
        Set<String> messages = new HashSet<>();
        for (JsonNode delivery : school.dpo
                .get(deliveriesPath(school, recipient) + "?limit=500")
                .json(200)
                .path("items")) {
            if (type.equals(delivery.path("eventType").asText())) {
                found.add(delivery);
                messages.add(delivery.path("messageId").asText());
            }
        }
        assertThat(messages).as("one message per delivery").hasSize(found.size());
        return found;
    }
}
