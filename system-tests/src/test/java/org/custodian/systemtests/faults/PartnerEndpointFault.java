package org.custodian.systemtests.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custodian.systemtests.support.Api;
import org.custodian.systemtests.support.Effects;
import org.custodian.systemtests.support.PressPhotos;
import org.custodian.systemtests.support.WebhookReceiver;
import org.custodian.systemtests.support.WebhookReceiver.Answer;
import org.junit.jupiter.api.Test;

/**
 * A partner's endpoint misbehaving while parents withdraw: it hangs past the delivery timeout, answers 500, answers
 * 410 Gone, or redirects to an internal address. A hang, a 500 and a redirect are failures that are tried again (the
 * local stack's short retry schedule: 0 s, 2 s, 4 s, 8 s …) and delivered once the partner recovers, under the same
 * webhook-id; a redirect is never followed. A 410 disables the endpoint; the deliveries are kept, and once the DPO
 * enables it again and replays the refused ones, every message arrives once.
 */
class PartnerEndpointFault {

    static final Duration RECOVERY_BOUND = Duration.ofSeconds(60);

    @Test
    void aPartnerThatHangsIsToldOnceItAnswersAgain() {
        misbehaves("hang", "H-", 2, failing -> Answer.hang(5000), 2, "NO_RESPONSE");
    }

    @Test
    void aPartnerAnswering500IsToldOnceItRecovers() {
        misbehaves("500", "F-", 5, failing -> Answer.status(500), 3, "HTTP_ERROR");
    }

    @Test
    void aRedirectToAnInternalAddressIsNeverFollowed() {
        try (WebhookReceiver internal = new WebhookReceiver()) {
            String[] targets = {
                internal.url().replace("/webhooks/custodian", "/internal/admin"),
                "http://169.254.169.254/latest/meta-data/iam/security-credentials/"
            };
            Map<String, Integer> asked = new java.util.concurrent.ConcurrentHashMap<>();
            misbehaves(
                    "redirect",
                    "R-",
                    4,
                    id -> Answer.redirect(targets[asked.merge(id, 1, Integer::sum) % 2]),
                    2,
                    "REDIRECT_NOT_FOLLOWED");
            Effects.sleep(500);
            assertThat(internal.all())
                    .as("requests that reached the internal address")
                    .isEmpty();
        }
    }

    /**
     * {@code pupils} withdrawals while the partner answers {@code failing}; once every message has been refused
     * {@code attempts} times the partner recovers; every message then arrives once, and each delivery's log shows the
     * refused attempts with {@code outcome}.
     */
    private void misbehaves(
            String fault, String prefix, int pupils, Function<String, Answer> failing, int attempts, String outcome) {
        try (WebhookReceiver partner = new WebhookReceiver()) {
            PressPhotos school = PressPhotos.setUp(prefix, pupils, partner);
            Ledger ledger = new Ledger(school, partner);
            AtomicBoolean down = new AtomicBoolean(true);
            partner.answerWith(id -> down.get() ? failing.apply(id) : Answer.status(204));
            school.pupils.forEach(p -> school.withdraw(p).expect(201));
            await("every message refused " + attempts + " times")
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> refusals(partner).size() == pupils
                            && refusals(partner).values().stream().allMatch(n -> n >= attempts));
            long recovers = System.nanoTime();
            down.set(false);
            Ledger.Tally tally = ledger.settle(
                    "the partner's recovery (fault " + fault + ")", recovers, school.pupils, RECOVERY_BOUND);

            List<WebhookReceiver.Received> all = partner.all();
            Map<String, List<WebhookReceiver.Received>> byId =
                    all.stream().collect(Collectors.groupingBy(WebhookReceiver.Received::id));
            assertThat(byId).as("one webhook-id per withdrawal").hasSize(pupils);
            byId.values().forEach(tries -> {
                assertThat(tries.stream().map(WebhookReceiver.Received::body).distinct())
                        .as("the same message each time")
                        .hasSize(1);
                assertThat(tries.stream().filter(r -> r.answered() / 100 == 2))
                        .as("taken once")
                        .hasSize(1);
            });
            for (JsonNode delivery : school.deliveries()) {
                JsonNode log = school.school
                        .dpo
                        .get(school.endpointPath() + "/deliveries/"
                                + delivery.path("id").asText())
                        .json(200)
                        .path("attemptLog");
                assertThat(delivery.path("status").asText()).isEqualTo("SUCCEEDED");
                assertThat(log.get(0).path("outcome").asText())
                        .as("the first attempt's outcome")
                        .isEqualTo(outcome);
                assertThat(log.get(log.size() - 1).path("outcome").asText()).isEqualTo("SUCCEEDED");
            }
            tally.report(
                    "partner-" + fault,
                    "a partner endpoint that answered " + fault + " to " + pupils + " messages, each at least "
                            + attempts + " times");
            assertThat(tally.recoveredMillis()).isLessThanOrEqualTo(RECOVERY_BOUND.toMillis());
        }
    }

    @Test
    void aPartnerAnswering410IsDisabledAndLosesNothingOnceEnabledAgain() {
        try (WebhookReceiver partner = new WebhookReceiver()) {
            PressPhotos school = PressPhotos.setUp("G-", 3, partner);
            Ledger ledger = new Ledger(school, partner);
            AtomicBoolean gone = new AtomicBoolean(true);
            partner.answer(id -> gone.get() ? 410 : 204);
            Api dpo = school.school.dpo;

            // the first withdrawal meets the 410, which disables the endpoint at once
            school.withdraw(school.pupils.get(0)).expect(201);
            await("the endpoint disabled")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> "DISABLED"
                            .equals(dpo.get(school.endpointPath())
                                    .json(200)
                                    .path("status")
                                    .asText()));
            JsonNode endpoint = dpo.get(school.endpointPath()).json(200);
            assertThat(endpoint.path("disabledReason").asText()).contains("410");
            // the others are withdrawn while it is disabled: nothing is sent, nothing is forgotten
            school.pupils.subList(1, 3).forEach(p -> school.withdraw(p).expect(201));
            await("sharing-service took every withdrawal")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> school.partnerActions().size() == 3);
            Effects.sleep(3000);
            assertThat(partner.all())
                    .as("a disabled endpoint is sent nothing more")
                    .hasSize(1);
            assertThat(school.deliveries())
                    .as("every message has a delivery, waiting or refused")
                    .hasSize(3);

            // the partner is back; the DPO enables the endpoint again and replays what was refused with 410
            gone.set(false);
            long enabled = System.nanoTime();
            Api.Reply current = dpo.get(school.endpointPath()).expect(200);
            var body = Api.object().put("url", partner.url()).put("status", "ENABLED");
            body.putArray("eventTypes").add("consent.withdrawn");
            dpo.put(
                            school.endpointPath(),
                            body,
                            "If-Match",
                            current.header("ETag").orElseThrow())
                    .expect(200);
            for (JsonNode delivery : school.deliveries()) {
                if ("FAILED".equals(delivery.path("status").asText())) {
                    dpo.post(
                                    school.endpointPath() + "/deliveries/"
                                            + delivery.path("id").asText() + "/replay",
                                    Api.object())
                            .expect(202);
                }
            }
            Ledger.Tally tally =
                    ledger.settle("the endpoint enabled again (fault 410)", enabled, school.pupils, RECOVERY_BOUND);
            assertThat(partner.all().stream().filter(r -> r.answered() == 410))
                    .as("the 410")
                    .hasSize(1);
            tally.report(
                    "partner-410",
                    "a partner endpoint that answered 410 Gone (disabled, 2 withdrawals while disabled, "
                            + "enabled again by the DPO with the refused delivery replayed)");
            assertThat(tally.recoveredMillis()).isLessThanOrEqualTo(RECOVERY_BOUND.toMillis());
        }
    }

    /** How often each webhook-id has been refused so far. */
    private static Map<String, Long> refusals(WebhookReceiver partner) {
        return partner.all().stream()
                .filter(r -> r.answered() / 100 != 2)
                .collect(Collectors.groupingBy(WebhookReceiver.Received::id, Collectors.counting()));
    }
}
