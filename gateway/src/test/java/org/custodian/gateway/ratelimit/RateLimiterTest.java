package org.custodian.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aBurstUpToTheCapacityIsAllowedThenTheCallerWaits() {
        RateLimiter limiter = new RateLimiter(3, 0.5, now::get);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("a").allowed()).isTrue();
        }
        RateLimiter.Decision refused = limiter.acquire("a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(2);
        assertThat(limiter.acquire("b").allowed())
                .as("another caller has a bucket of its own")
                .isTrue();

        advance(1_999);
        assertThat(limiter.acquire("a").allowed()).isFalse();
        advance(1);
        assertThat(limiter.acquire("a").allowed()).isTrue();
    }

    @Test
    void peekingTakesNothingAndTracksNoOne() {
        RateLimiter limiter = new RateLimiter(2, 0.5, now::get);
        assertThat(limiter.peek("a").allowed()).isTrue();
        assertThat(limiter.tracked()).isZero();
        limiter.acquire("a");
        assertThat(limiter.peek("a").allowed()).isTrue();
        limiter.acquire("a");
        RateLimiter.Decision empty = limiter.peek("a");
        assertThat(empty.allowed()).isFalse();
        assertThat(empty.retryAfterSeconds()).isEqualTo(2);
        advance(2_000);
        assertThat(limiter.peek("a").allowed()).isTrue();
        assertThat(limiter.peek("a").allowed()).as("peeking took nothing").isTrue();
    }

    @Test
    void eachDecisionSaysTheCapacityWhatIsLeftAndWhenTheBucketIsFullAgain() {
        RateLimiter limiter = new RateLimiter(4, 2, now::get);
        RateLimiter.Decision first = limiter.acquire("a");
        assertThat(first).isEqualTo(new RateLimiter.Decision(true, 0, 4, 3, 1));
        limiter.acquire("a");
        limiter.acquire("a");
        RateLimiter.Decision last = limiter.acquire("a");
        assertThat(last).isEqualTo(new RateLimiter.Decision(true, 0, 4, 0, 2));
        RateLimiter.Decision refused = limiter.acquire("a");
        assertThat(refused).isEqualTo(new RateLimiter.Decision(false, 1, 4, 0, 2));
        advance(1_250);
        assertThat(limiter.acquire("a"))
                .as("2.5 tokens back, one taken")
                .isEqualTo(new RateLimiter.Decision(true, 0, 4, 1, 2));
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        RateLimiter limiter = new RateLimiter(1, 1000, now::get);
        limiter.acquire("a");
        assertThat(limiter.acquire("a").retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void refilledBucketsAreForgottenAndOthersKept() {
        RateLimiter limiter = new RateLimiter(2, 1, now::get);
        limiter.acquire("a");
        limiter.acquire("b");
        advance(1_000);
        limiter.acquire("b");
        limiter.sweep();
        assertThat(limiter.tracked()).isEqualTo(1);
        advance(1_000);
        limiter.sweep();
        assertThat(limiter.tracked()).isZero();
    }

    @Test
    void aLimitThatCouldNeverAllowAnythingIsRefused() {
        assertThatThrownBy(() -> new RateLimiter(0, 1, now::get)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(1, 0, now::get)).isInstanceOf(IllegalArgumentException.class);
    }

    /** However requests are spread in time, no more pass than the capacity plus what refilled meanwhile. */
    @Property
    void neverMoreThanCapacityPlusRefill(
            @ForAll @IntRange(min = 1, max = 20) int capacity,
            @ForAll @IntRange(min = 1, max = 10) int perSecond,
            @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 500) Integer> gapsMillis) {
        RateLimiter limiter = new RateLimiter(capacity, perSecond, now::get);
        long start = now.get();
        int allowed = 0;
        for (int gap : gapsMillis) {
            advance(gap);
            if (limiter.acquire("caller").allowed()) {
                allowed++;
            }
        }
        double elapsedSeconds = (now.get() - start) / 1e9;
        assertThat((double) allowed).isLessThanOrEqualTo(capacity + perSecond * elapsedSeconds);
    }

    /** A refused caller that waits the Retry-After it was given is allowed. */
    @Property
    void waitingRetryAfterIsEnough(
            @ForAll @IntRange(min = 1, max = 5) int capacity,
            @ForAll @IntRange(min = 1, max = 3000) int perThousandSeconds) {
        RateLimiter limiter = new RateLimiter(capacity, perThousandSeconds / 1000.0, now::get);
        RateLimiter.Decision decision;
        do {
            decision = limiter.acquire("caller");
        } while (decision.allowed());
        assertThat(decision.retryAfterSeconds()).isPositive();
        advance(TimeUnit.SECONDS.toMillis(decision.retryAfterSeconds()));
        assertThat(limiter.acquire("caller").allowed()).isTrue();
    }

    private void advance(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
