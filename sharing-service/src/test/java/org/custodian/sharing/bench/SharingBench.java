package org.custodian.sharing.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.custodian.sharing.support.Api.agreement;
import static org.custodian.sharing.support.Api.agreementBody;
import static org.custodian.sharing.support.Api.ask;
import static org.custodian.sharing.support.Api.base;
import static org.custodian.sharing.support.Api.check;
import static org.custodian.sharing.support.Api.dpo;
import static org.custodian.sharing.support.Api.outcome;
import static org.custodian.sharing.support.Api.recipient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.custodian.platform.events.CloudEvent;
import org.custodian.sharing.support.Events;
import org.custodian.sharing.support.SharingTest;
import org.junit.jupiter.api.Test;

/**
 * The figures issue 4 asks for, measured through the service's HTTP API against the real database and broker. Not a
 * test (surefire does not pick up *Bench): run {@code sharing-service/bench/run.sh}. Results go to stdout and to
 * {@code target/bench-results.txt}.
 */
@SharingTest
class SharingBench {

    static final String URN = "260001";
    static final int PUPILS = 1000;
    static final int WARM_UP = 3;
    static final int RUNS = 9;
    static final int WITHDRAWALS = 15;

    final List<String> lines = new ArrayList<>();

    @Test
    void measure() throws Exception {
        String recipient = recipient(URN, "Bench Platform Ltd", "GB");
        agreement(URN, agreementBody(recipient, "PUBLIC_TASK", "bench"));
        agreement(URN, agreementBody(recipient, "CONSENT", "gallery", "consentPurpose", "photos-website"));
        List<String> pupils =
                IntStream.range(0, PUPILS).mapToObj(i -> "BENCH-" + i).toList();
        List<CloudEvent> enrolments =
                pupils.stream().map(p -> Events.enrolled(URN, p)).toList();
        Events.publish(enrolments);
        await().atMost(Duration.ofMinutes(2))
                .until(() -> check(URN, ask(recipient, pupils, "bench"))
                                .statusCode(200)
                                .extract()
                                .<Integer>path("allowed")
                        == PUPILS);

        // 1) POST .../disclosures with 1,000 pupils, all allowed: decide, log, outbox events, partner message, audit
        List<Long> disclose = new ArrayList<>();
        List<Long> checks = new ArrayList<>();
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            long start = System.nanoTime();
            int allowed = dpo(URN).body(ask(recipient, pupils, "bench"))
                    .post(base(URN) + "/disclosures")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("allowed");
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            assertThat(allowed).isEqualTo(PUPILS);
            start = System.nanoTime();
            check(URN, ask(recipient, pupils, "bench")).statusCode(200);
            long checked = (System.nanoTime() - start) / 1_000_000;
            if (i >= WARM_UP) {
                disclose.add(elapsed);
                checks.add(checked);
            }
        }
        report("POST /disclosures, 1,000 pupils all ALLOWED (logged, 1,000 outbox events, audit)", disclose);
        report("POST /sharing-checks, 1,000 pupils (decision only)", checks);

        // 2) consent.withdrawn published to Kafka -> the next decision is REFUSED
        String pupil = pupils.get(0);
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < WITHDRAWALS; i++) {
            Events.publish(Events.granted(URN, pupil, "photos-website"));
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> "ALLOWED".equals(outcome(URN, recipient, pupil, "gallery")));
            long start = System.nanoTime();
            Events.publish(Events.withdrawn(URN, pupil, "photos-website"));
            while (!"REFUSED".equals(outcome(URN, recipient, pupil, "gallery"))) {
                if (System.nanoTime() - start > Duration.ofSeconds(30).toNanos()) {
                    throw new AssertionError("withdrawal not applied within 30 s");
                }
            }
            delays.add((System.nanoTime() - start) / 1_000_000);
        }
        report("consent.withdrawn published to Kafka (acks=all) -> sharing-check answers REFUSED", delays);
        Path out = Path.of("target", "bench-results.txt");
        Files.write(out, lines);
        lines.forEach(System.out::println);
    }

    private void report(String what, List<Long> millis) throws IOException {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        long median = sorted.size() % 2 == 1
                ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        lines.add(String.format(
                "[bench] %s: median %d ms, min %d ms, max %d ms over %d runs %s",
                what, median, sorted.get(0), sorted.get(sorted.size() - 1), sorted.size(), millis));
    }
}
