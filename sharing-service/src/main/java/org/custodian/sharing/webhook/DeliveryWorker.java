package org.custodian.sharing.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.custodian.sharing.SharingConfig;
import org.custodian.sharing.webhook.Delivery.Attempt;
import org.custodian.sharing.webhook.WebhookQueries.Claimed;
import org.custodian.sharing.webhook.WebhookQueries.Target;
import org.jboss.logging.Logger;

/**
 * Delivers pending webhooks. Deliveries live in the database, so they survive restarts; a replica claims due rows
 * with {@code FOR UPDATE SKIP LOCKED} and leases them, so several replicas never send the same attempt twice. Every
 * attempt is recorded; failures are retried on the {@link RetrySchedule}; {@code 410 Gone} disables the endpoint; an
 * endpoint failing for {@code dead-after} (5 days) is disabled and {@code webhook.dead} is emitted for the DPO (both
 * through {@link EndpointHealthService}, in the transaction that records the attempt).
 * Time comes from the injected {@link Clock}, so tests can move it.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private final WebhookQueries queries;

    private final EndpointHealthService health;

    private final WebhookConfig config;

    private final UrlGuard guard;

    private final WebhookSender sender;

    private final SecretBox secrets;

    private final Clock clock;

    DeliveryWorker(
            WebhookQueries queries,
            EndpointHealthService health,
            SharingConfig sharing,
            UrlGuard guard,
            WebhookSender sender,
            SecretBox secrets,
            Clock clock) {
        this.queries = queries;
        this.health = health;
        this.config = sharing.webhooks();
        this.guard = guard;
        this.sender = sender;
        this.secrets = secrets;
        this.clock = clock;
    }

    private final ExecutorService wakeups = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "webhook-delivery-wakeup");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean wakeQueued = new AtomicBoolean();

    /** Runs a round soon, on a thread of its own (called after a commit that queued deliveries). */
    public void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            wakeups.submit(() -> {
                wakeQueued.set(false);
                try {
                    runDue();
                } catch (RuntimeException e) {
                    LOG.warn("webhook delivery round failed", e);
                }
            });
        }
    }

    @Scheduled(
            every = "${custodian.sharing.webhooks.poll-interval:1s}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        runDue();
    }

    @PreDestroy
    void stop() {
        wakeups.shutdownNow();
    }

    /** Sends every delivery due now, batch by batch; returns how many attempts were made. */
    public int runDue() {
        int total = 0;
        while (true) {
            Instant now = clock.instant();
            List<Claimed> batch = QuarkusTransaction.requiringNew()
                    .call(() -> queries.claimDue(now, config.batchSize(), now.plus(config.claimLease())));
            for (Claimed claimed : batch) {
                attempt(claimed);
            }
            total += batch.size();
            if (batch.size() < config.batchSize()) {
                return total;
            }
        }
    }

    private void attempt(Claimed claimed) {
        Instant started = clock.instant();
        WebhookSender.Response response;
        try {
            UrlGuard.Destination destination = guard.check(claimed.endpoint().url());
            response = sender.send(destination, headers(claimed, started), claimed.payload());
        } catch (IllegalArgumentException refused) {
            response = new WebhookSender.Response(0, null, null, "refused before sending: " + refused.getMessage(), 0);
        } catch (RuntimeException e) {
            LOG.warnf(
                    e,
                    "webhook delivery %s could not be sent",
                    claimed.delivery().id());
            response = new WebhookSender.Response(
                    0, null, null, "could not send: " + e.getClass().getSimpleName(), 0);
        }
        WebhookSender.Response result = response;
        QuarkusTransaction.requiringNew().run(() -> record(claimed, started, result));
    }

    /** Standard Webhooks headers; during a rotation the old secret signs too. */
    Map<String, String> headers(Claimed claimed, Instant now) {
        Target endpoint = claimed.endpoint();
        List<String> inForce = new ArrayList<>();
        inForce.add(secrets.open(endpoint.secretSealed(), endpoint.binding()));
        if (endpoint.previousSecretSealed() != null
                && endpoint.previousSecretExpiresAt() != null
                && now.isBefore(endpoint.previousSecretExpiresAt())) {
            inForce.add(secrets.open(endpoint.previousSecretSealed(), endpoint.binding()));
        }
        long timestamp = now.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", claimed.delivery().messageId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put(
                "webhook-signature",
                WebhookSigner.header(inForce, claimed.delivery().messageId(), timestamp, claimed.payload()));
        return headers;
    }

    private void record(Claimed claimed, Instant started, WebhookSender.Response response) {
        Delivery delivery = claimed.delivery();
        Instant finished = clock.instant();
        int number = delivery.attempts() + 1;
        int code = response.statusCode();
        Delivery.Status status;
        Instant next = null;
        String outcome;
        String error = response.error();
        if (code >= 200 && code < 300) {
            status = Delivery.Status.SUCCEEDED;
            outcome = "SUCCEEDED";
        } else if (code == 410) {
            status = Delivery.Status.FAILED;
            outcome = "GONE";
            error = "the receiver answered 410 Gone: endpoint disabled";
        } else {
            outcome = code >= 300 && code < 400
                    ? "REDIRECT_NOT_FOLLOWED"
                    : response.received() ? "HTTP_ERROR" : "NO_RESPONSE";
            if (error == null) {
                error = "HTTP " + code + (code >= 300 && code < 400 ? " (redirects are not followed)" : "")
                        + snippet(response.body());
            }
            Optional<Duration> retryAfter = (code == 429 || code == 503)
                    ? RetrySchedule.parseRetryAfter(response.retryAfter(), finished)
                    : Optional.empty();
            next = schedule()
                    .next(
                            number,
                            finished,
                            retryAfter,
                            () -> ThreadLocalRandom.current().nextDouble())
                    .orElse(null);
            status = next == null ? Delivery.Status.FAILED : Delivery.Status.PENDING;
        }
        Attempt attempt = new Attempt(
                number,
                started,
                (int) Math.min(Integer.MAX_VALUE, response.durationMs()),
                response.received() ? code : null,
                outcome,
                error);
        if (!queries.recordAttempt(delivery, attempt, status, next)) {
            LOG.warnf("delivery %s attempt %d was recorded by another replica", delivery.id(), number);
            return;
        }
        if (status == Delivery.Status.SUCCEEDED) {
            health.succeeded(delivery.schoolUrn(), delivery.endpointId());
        } else if (code == 410) {
            health.gone(delivery.schoolUrn(), delivery.endpointId(), finished);
        } else {
            health.failed(delivery.schoolUrn(), delivery.endpointId(), finished, code);
        }
    }

    RetrySchedule schedule() {
        return new RetrySchedule(config.retrySchedule(), config.jitter(), config.maxRetryAfter());
    }

    private static String snippet(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").strip();
        return ": " + (flat.length() > 200 ? flat.substring(0, 200) + "…" : flat);
    }
}
