package org.custodian.systemtests.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Waits for several effects of one cause at once and measures when each was first seen. The wait is generous (a slow,
 * shared machine must not fail a story); the figures are printed, never asserted.
 */
public final class Effects {

    private final String cause;
    private final long startNanos;
    private final Map<String, BooleanSupplier> pending = new LinkedHashMap<>();
    private final Map<String, Long> seenAfterMillis = new LinkedHashMap<>();
    private final Map<String, Throwable> lastFailure = new LinkedHashMap<>();

    private Effects(String cause, long startNanos) {
        this.cause = cause;
        this.startNanos = startNanos;
    }

    /** Effects of {@code cause}, timed from now. */
    public static Effects of(String cause) {
        return new Effects(cause, System.nanoTime());
    }

    /** Effects of {@code cause}, timed from {@code startNanos} (a {@link System#nanoTime()} taken just before it). */
    public static Effects since(String cause, long startNanos) {
        return new Effects(cause, startNanos);
    }

    public Effects expect(String effect, BooleanSupplier seen) {
        pending.put(effect, seen);
        return this;
    }

    /** Polls every effect until all are seen or {@code atMost} has passed; answers when each was seen (ms). */
    public Map<String, Long> await(Duration atMost) {
        long deadline = startNanos + atMost.toNanos();
        while (!pending.isEmpty()) {
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                var effect = it.next();
                boolean seen;
                try {
                    seen = effect.getValue().getAsBoolean();
                } catch (RuntimeException | AssertionError e) {
                    lastFailure.put(effect.getKey(), e);
                    seen = false;
                }
                if (seen) {
                    seenAfterMillis.put(effect.getKey(), (System.nanoTime() - startNanos) / 1_000_000);
                    it.remove();
                }
            }
            if (pending.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                List<String> missing = new ArrayList<>();
                pending.keySet()
                        .forEach(e -> missing.add(
                                e + (lastFailure.containsKey(e) ? " (last check: " + lastFailure.get(e) + ")" : "")));
                report();
                throw new AssertionError(
                        "after " + cause + ", not seen within " + atMost.toSeconds() + " s: " + missing);
            }
            sleep(25);
        }
        report();
        return Map.copyOf(seenAfterMillis);
    }

    private void report() {
        seenAfterMillis.forEach((effect, ms) -> System.out.printf("MEASURE %s -> %s: %d ms%n", cause, effect, ms));
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
