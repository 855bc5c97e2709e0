package org.custodian.sharing.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: the delay before attempt {@code n+1} is {@code delays[n]} (legal-rules.md:
 * immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), spread by a random jitter, never earlier than a
 * {@code Retry-After} the receiver sent, which is itself capped. After the last attempt there is no next one.
 *
 * @param delays        the delay before each attempt; the first (normally zero) is the initial delivery
 * @param jitter        the fraction by which a delay may be moved either way (0.1 = ±10 %)
 * @param maxRetryAfter the most a {@code Retry-After} may push a retry out
 */
public record RetrySchedule(List<Duration> delays, double jitter, Duration maxRetryAfter) {

    public static final List<Duration> STANDARD = List.of(
            Duration.ZERO,
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(10));

    public RetrySchedule {
        delays = List.copyOf(delays);
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("a schedule has at least the first attempt");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter is a fraction from 0 up to 1");
        }
    }

    public int maxAttempts() {
        return delays.size();
    }

    /**
     * The time of the next attempt after {@code attemptsMade} attempts, the last of which failed at {@code failedAt};
     * empty when the schedule is exhausted.
     *
     * @param random a source of numbers in [0, 1)
     */
    public Optional<Instant> next(
            int attemptsMade, Instant failedAt, Optional<Duration> retryAfter, DoubleSupplier random) {
        if (attemptsMade >= delays.size()) {
            return Optional.empty();
        }
        Duration delay = delays.get(attemptsMade);
        long millis = delay.toMillis();
        if (jitter > 0 && millis > 0) {
            millis = Math.round(millis * (1 + jitter * (2 * random.getAsDouble() - 1)));
        }
        if (retryAfter.isPresent()) {
            long asked = Math.min(retryAfter.get().toMillis(), maxRetryAfter.toMillis());
            millis = Math.max(millis, asked);
        }
        return Optional.of(failedAt.plusMillis(Math.max(0, millis)));
    }

    /** Reads a {@code Retry-After} header: delay-seconds or an HTTP date; empty when absent or unreadable. */
    public static Optional<Duration> parseRetryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        if (value.matches("\\d{1,10}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
