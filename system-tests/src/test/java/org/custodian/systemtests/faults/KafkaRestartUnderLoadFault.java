package org.custodian.systemtests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.custodian.systemtests.support.Broker;
import org.custodian.systemtests.support.Effects;
import org.custodian.systemtests.support.PressPhotos;
import org.custodian.systemtests.support.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * The broker stopped and started again under a steady write load: parents withdraw press photos at 10 a second for 20
 * seconds through the gateway; 5 seconds in, the broker is stopped, and started again once it is down. Every accepted
 * withdrawal is in consent-service and reaches sharing- and retention-service and the newspaper exactly once in effect,
 * with no service restarted by hand.
 */
class KafkaRestartUnderLoadFault {

    static final int RATE = 10;
    static final int WRITES = 200;
    /** Broker start to the last effect seen: the outbox relays back off to at most 30 s while Kafka is away. */
    static final Duration RECOVERY_BOUND = Duration.ofSeconds(90);

    @Test
    void everyWriteAcceptedWhileTheBrokerRestartsArrivesOnce() {
        try (WebhookReceiver partner = new WebhookReceiver()) {
            PressPhotos school = PressPhotos.setUp("K-", WRITES, partner);
            Ledger ledger = new Ledger(school, partner);
            long back;
            long outage;
            Map<String, SteadyWriter.Outcome> outcomes;
            try (SteadyWriter writer = SteadyWriter.start(school.pupils, RATE, school::withdraw)) {
                Effects.sleep(5000);
                long stopping = System.nanoTime();
                Broker.stop();
                long down = System.nanoTime();
                Effects.sleep(3000);
                long starting = System.nanoTime();
                Broker.start();
                back = System.nanoTime();
                outage = (back - down) / 1_000_000;
                System.out.printf(
                        "MEASURE fault kafka: broker stopped in %d ms, started in %d ms, unavailable for %d ms%n",
                        (down - stopping) / 1_000_000, (back - starting) / 1_000_000, outage);
                outcomes = writer.await();
            }
            System.out.println("MEASURE fault kafka: the writes' answers " + SteadyWriter.summary(outcomes));
            List<String> accepted = SteadyWriter.accepted(outcomes);
            assertThat(accepted)
                    .as("a broker outage does not stop consent-service taking withdrawals")
                    .hasSize(WRITES);
            Ledger.Tally tally =
                    ledger.settle("the broker's restart (fault kafka)", back, accepted, Duration.ofSeconds(180));
            tally.report(
                    "kafka-restart-under-load",
                    "broker down for " + outage + " ms during " + (WRITES / RATE) + " s of writes at " + RATE + "/s");
            assertThat(tally.recoveredMillis())
                    .as("broker start to the last effect (ms)")
                    .isLessThanOrEqualTo(RECOVERY_BOUND.toMillis());
        }
    }
}
