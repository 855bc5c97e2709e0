package org.custodian.systemtests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodian.systemtests.support.Broker;
import org.custodian.systemtests.support.Effects;
import org.custodian.systemtests.support.PressPhotos;
import org.custodian.systemtests.support.Services;
import org.custodian.systemtests.support.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * consent-service killed (SIGKILL) in the middle of relaying its outbox, twice: first with the broker down, so that
 * 60 withdrawals wait in the outbox and the relay holds a batch it cannot send; then while parents keep withdrawing at
 * 20 a second, so that rows are committed and being published when it dies. Each time it is started again with
 * deploy/local/service.sh. Every committed withdrawal reaches sharing- and retention-service and the newspaper once in
 * effect (a batch Kafka took but the outbox never marked is sent again; the consumers apply it once).
 */
class ServiceKilledMidRelayFault {

    static final int PUPILS = 120;
    static final Duration RECOVERY_BOUND = Duration.ofSeconds(90);

    @Test
    void nothingCommittedIsLostOrAppliedTwiceWhenConsentServiceDiesMidRelay() {
        try (WebhookReceiver partner = new WebhookReceiver()) {
            PressPhotos school = PressPhotos.setUp("S-", PUPILS, partner);
            Ledger ledger = new Ledger(school, partner);
            List<String> first = school.pupils.subList(0, PUPILS / 2),
                    second = school.pupils.subList(PUPILS / 2, PUPILS);
            List<String> accepted = new ArrayList<>();

            // 1. the outbox fills while the broker is down, and the relay is cut off with a batch in hand
            Broker.stop();
            try {
                for (String pupil : first) {
                    school.withdraw(pupil).expect(201);
                    accepted.add(pupil);
                }
                Effects.sleep(1000);
                Services.kill("consent");
            } finally {
                Broker.start();
            }
            long restarting = System.nanoTime();
            Services.start("consent");
            System.out.printf(
                    "MEASURE fault kill: consent-service killed with %d withdrawals in its outbox, ready again %d ms after its start%n",
                    first.size(), (System.nanoTime() - restarting) / 1_000_000);

            // 2. killed again while it takes withdrawals and relays each as it commits
            Map<String, SteadyWriter.Outcome> outcomes;
            long back;
            try (SteadyWriter writer = SteadyWriter.start(second, 20, school::withdraw)) {
                Effects.sleep(1200);
                Services.kill("consent");
                long killed = System.nanoTime();
                Services.start("consent");
                back = System.nanoTime();
                System.out.printf(
                        "MEASURE fault kill: consent-service killed under load, ready again %d ms after the kill%n",
                        (back - killed) / 1_000_000);
                outcomes = writer.await();
            }
            System.out.println(
                    "MEASURE fault kill: the writes' answers around the kill " + SteadyWriter.summary(outcomes));
            outcomes.values().stream()
                    .filter(o -> !o.accepted())
                    .forEach(o -> assertThat(o.status())
                            .as("a write refused while consent-service is down is answered, as a 5xx problem (%s)", o)
                            .isBetween(500, 599));
            accepted.addAll(SteadyWriter.accepted(outcomes));

            Ledger.Tally tally =
                    ledger.settle("consent-service's restart (fault kill)", back, accepted, Duration.ofSeconds(180));
            tally.report(
                    "service-killed-mid-relay",
                    "SIGKILL of consent-service twice mid-relay (" + first.size()
                            + " events in its outbox, then under writes at 20/s)");
            assertThat(tally.recoveredMillis())
                    .as("restart to the last effect (ms)")
                    .isLessThanOrEqualTo(RECOVERY_BOUND.toMillis());
        }
    }
}
