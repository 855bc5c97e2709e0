package org.custodian.systemtests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodian.systemtests.support.Effects;
import org.custodian.systemtests.support.Postgres;
import org.custodian.systemtests.support.PressPhotos;
import org.custodian.systemtests.support.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL cluster under the stack stopped for a few seconds and started again while parents withdraw at 10 a
 * second. A write during the outage fails at once and cleanly (a 5xx problem+json, never a hang); once PostgreSQL is
 * back every service serves again without being restarted, a refused write made again is taken, every accepted one is
 * there, and the events flow on to sharing- and retention-service and the newspaper once each.
 */
class PostgresRestartFault {

    static final int RATE = 10;
    static final int WRITES = 100;
    /** The longest a write may take to be refused while the database is away. */
    static final Duration CLEAN_FAILURE = Duration.ofSeconds(20);

    static final Duration RECOVERY_BOUND = Duration.ofSeconds(90);

    @Test
    void writesFailCleanlyDuringTheOutageAndEverythingFlowsAfterIt() {
        Postgres postgres = Postgres.cluster();
        try (WebhookReceiver partner = new WebhookReceiver()) {
            PressPhotos school = PressPhotos.setUp("D-", WRITES, partner);
            Ledger ledger = new Ledger(school, partner);
            Map<String, SteadyWriter.Outcome> outcomes;
            long back, outage;
            try (SteadyWriter writer = SteadyWriter.start(school.pupils, RATE, school::withdraw)) {
                Effects.sleep(1500);
                System.out.println("FAULT postgres: stopping " + postgres);
                postgres.stop();
                long down = System.nanoTime();
                Effects.sleep(4000);
                postgres.start();
                back = System.nanoTime();
                outage = (back - down) / 1_000_000;
                outcomes = writer.await();
            }
            System.out.println("MEASURE fault postgres: the writes' answers " + SteadyWriter.summary(outcomes));
            List<String> refused = new ArrayList<>();
            outcomes.forEach((pupil, o) -> {
                if (!o.accepted()) {
                    refused.add(pupil);
                    assertThat(o.status())
                            .as("%s during the outage: %s", pupil, o)
                            .isBetween(500, 599);
                    assertThat(o.contentType())
                            .as("%s during the outage: %s", pupil, o)
                            .startsWith("application/problem+json");
                }
                assertThat(o.millis())
                        .as("%s answered within %s: %s", pupil, CLEAN_FAILURE, o)
                        .isLessThan(CLEAN_FAILURE.toMillis());
            });
            assertThat(refused).as("some writes met the outage").isNotEmpty();

            // the parents whose withdrawal was refused try again, and are taken once the services have their database
            // back
            List<String> accepted = new ArrayList<>(SteadyWriter.accepted(outcomes));
            for (String pupil : refused) {
                long deadline = System.nanoTime() + RECOVERY_BOUND.toNanos();
                while (school.withdraw(pupil).status() != 201) {
                    assertThat(System.nanoTime())
                            .as("%s's withdrawal taken again after the restart", pupil)
                            .isLessThan(deadline);
                    Effects.sleep(250);
                }
                accepted.add(pupil);
            }
            System.out.printf(
                    "MEASURE fault postgres: %d writes refused during the outage, all taken again %d ms after PostgreSQL's start%n",
                    refused.size(), (System.nanoTime() - back) / 1_000_000);

            Ledger.Tally tally =
                    ledger.settle("PostgreSQL's restart (fault postgres)", back, accepted, Duration.ofSeconds(180));
            tally.report(
                    "postgres-restart",
                    postgres + " down for " + outage + " ms during writes at " + RATE + "/s (" + refused.size()
                            + " refused cleanly, then made again)");
            assertThat(tally.recoveredMillis())
                    .as("restart to the last effect (ms)")
                    .isLessThanOrEqualTo(RECOVERY_BOUND.toMillis());
        }
    }
}
