package org.custodian.systemtests.faults;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.custodian.systemtests.support.Api;

/**
 * A steady write load: one write per item at a fixed rate, each on its own thread from a small pool (so that a slow or
 * failing answer does not hold the next write back), every answer kept with how long it took.
 */
final class SteadyWriter implements AutoCloseable {

    /** One write's answer: its status (0 when no HTTP answer came), content type and duration. */
    record Outcome(int status, String contentType, long millis, String error) {
        boolean accepted() {
            return status / 100 == 2;
        }
    }

    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final java.util.concurrent.ExecutorService workers = Executors.newFixedThreadPool(8);
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    private final CountDownLatch done;

    private SteadyWriter(List<String> items, int perSecond, Function<String, Api.Reply> write) {
        done = new CountDownLatch(items.size());
        AtomicInteger next = new AtomicInteger();
        clock.scheduleAtFixedRate(
                () -> {
                    int i = next.getAndIncrement();
                    if (i >= items.size()) {
                        clock.shutdown();
                        return;
                    }
                    String item = items.get(i);
                    workers.submit(() -> {
                        long started = System.nanoTime();
                        try {
                            Api.Reply reply = write.apply(item);
                            outcomes.put(
                                    item,
                                    new Outcome(
                                            reply.status(),
                                            reply.header("Content-Type").orElse(""),
                                            since(started),
                                            null));
                        } catch (RuntimeException e) {
                            outcomes.put(item, new Outcome(0, "", since(started), e.toString()));
                        } finally {
                            done.countDown();
                        }
                    });
                },
                0,
                1_000_000 / perSecond,
                TimeUnit.MICROSECONDS);
    }

    /** Starts writing {@code items} at {@code perSecond}. */
    static SteadyWriter start(List<String> items, int perSecond, Function<String, Api.Reply> write) {
        return new SteadyWriter(items, perSecond, write);
    }

    /** Waits until every write has an answer. */
    Map<String, Outcome> await() {
        try {
            if (!done.await(300, TimeUnit.SECONDS)) {
                throw new AssertionError("writes still unanswered after 300 s: " + done.getCount());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Map.copyOf(outcomes);
    }

    static List<String> accepted(Map<String, Outcome> outcomes) {
        return outcomes.entrySet().stream()
                .filter(e -> e.getValue().accepted())
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** "status x count" of the answers, for the log. */
    static String summary(Map<String, Outcome> outcomes) {
        Map<Integer, Long> byStatus = new java.util.TreeMap<>();
        outcomes.values().forEach(o -> byStatus.merge(o.status(), 1L, Long::sum));
        long slowest =
                outcomes.values().stream().mapToLong(Outcome::millis).max().orElse(0);
        return byStatus + ", slowest answer " + slowest + " ms";
    }

    private static long since(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Override
    public void close() {
        clock.shutdownNow();
        workers.shutdownNow();
    }
}
