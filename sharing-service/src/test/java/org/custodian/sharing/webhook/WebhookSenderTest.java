package org.custodian.sharing.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.custodian.sharing.support.Receiver;
import org.custodian.sharing.support.SharingTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The sender reads every answer, however fast the partner sends it and however busy the worker threads are. */
@SharingTest
class WebhookSenderTest {

    static final Receiver RECEIVER = new Receiver().answer("/busy", 500, Map.of("Retry-After", "30"), "down");

    @Inject
    WebhookSender sender;

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void aShortAnswerIsNeverLostToTheRaceBetweenItsEndAndTheReader() throws Exception {
        String url = RECEIVER.url("/busy");
        UrlGuard.Destination destination =
                new UrlGuard.Destination(WebhookUrls.parse(url, true), InetAddress.getByName("127.0.0.1"));
        ExecutorService workers = Executors.newFixedThreadPool(16);
        try {
            List<Future<WebhookSender.Response>> sent = IntStream.range(0, 200)
                    .mapToObj(i ->
                            workers.submit(() -> sender.send(destination, Map.of("webhook-id", "msg_" + i), "{}")))
                    .toList();
            for (Future<WebhookSender.Response> each : sent) {
                WebhookSender.Response response = each.get();
                assertThat(response.error()).as("error of %s", response).isNull();
                assertThat(response.statusCode()).isEqualTo(500);
                assertThat(response.retryAfter()).isEqualTo("30");
                assertThat(response.body()).isEqualTo("down");
            }
        } finally {
            workers.shutdownNow();
        }
        assertThat(RECEIVER.at("/busy")).hasSize(200);
    }
}
