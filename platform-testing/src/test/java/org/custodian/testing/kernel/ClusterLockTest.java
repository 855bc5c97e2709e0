package org.custodian.testing.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.custodian.platform.jobs.ClusterLock;
import org.junit.jupiter.api.Test;

@KernelTest
class ClusterLockTest {

    @Inject
    ClusterLock lock;

    @Test
    void onlyOneReplicaRunsAJobAtATime() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> lock.runExclusively("nightly", () -> {
            running.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        boolean[] ran = {false};
        assertThat(lock.runExclusively("nightly", () -> ran[0] = true)).isFalse();
        assertThat(ran[0]).isFalse();
        assertThat(lock.runExclusively("another-job", () -> ran[0] = true))
                .as("other jobs are not blocked")
                .isTrue();

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(lock.runExclusively("nightly", () -> {}))
                .as("free again once the first run committed")
                .isTrue();
    }

    @Test
    void aJobMayOutlastTheUsualTransactionTimeout() throws Exception {
        boolean ran = lock.runExclusively("slow", java.time.Duration.ofSeconds(5), () -> {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(ran).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        lock.runExclusively("too-slow", java.time.Duration.ofSeconds(1), () -> {
                            try {
                                Thread.sleep(2_500);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }))
                .as("a job past its own timeout is rolled back")
                .isNotNull();
    }

    @Test
    void aFailingJobReleasesTheLock() {
        try {
            lock.runExclusively("failing", () -> {
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(lock.runExclusively("failing", () -> {})).isTrue();
    }
}
