package org.custodian.sharing.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.custodian.sharing.support.Api.agreement;
import static org.custodian.sharing.support.Api.agreementBody;
import static org.custodian.sharing.support.Api.ask;
import static org.custodian.sharing.support.Api.base;
import static org.custodian.sharing.support.Api.dpo;
import static org.custodian.sharing.support.Api.outcome;
import static org.custodian.sharing.support.Api.partner;
import static org.custodian.sharing.support.Api.recipient;
import static org.hamcrest.Matchers.is;

import io.restassured.RestAssured;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.custodian.platform.events.EventTypes;
import org.custodian.sharing.support.Events;
import org.custodian.sharing.support.SharingTest;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The partner's day-one tool (deploy/local/partner-receiver), run as the partner would run it: a separate JVM that
 * receives this service's webhooks, verifies them with the secret, prints them, and answers the action from the
 * command line with a partner token.
 */
@SharingTest
class PartnerReceiverToolTest {

    static final String URN = "260001";
    static final Path TOOL = Path.of("..", "deploy", "local", "partner-receiver", "PartnerReceiver.java")
            .toAbsolutePath();

    Process receiver;

    @AfterEach
    void stop() throws InterruptedException {
        if (receiver != null) {
            receiver.destroy();
            receiver.waitFor(10, TimeUnit.SECONDS);
        }
    }

    record Ran(int code, String out) {}

    static ProcessBuilder tool(List<String> args) {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), TOOL.toString()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    static Ran run(String token, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--api", "http://localhost:" + RestAssured.port, "--school", URN, "--token", token));
        Process p = tool(all).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the tool finished").isTrue();
        return new Ran(p.exitValue(), out);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void theToolVerifiesAndPrintsTheWebhookAndAnswersTheActionFromTheCommandLine() throws Exception {
        assertThat(TOOL).exists();
        String pupil = "P-" + UUID.randomUUID();
        Events.publish(Events.enrolled(URN, pupil));
        String recipient = recipient(URN, "Tool Partner " + UUID.randomUUID(), "GB");
        agreement(URN, agreementBody(recipient, "PUBLIC_TASK", "share"));
        int port = freePort();
        String secret = dpo(URN).body(Map.of(
                        "url",
                        "http://127.0.0.1:" + port + "/custodian",
                        "eventTypes",
                        List.of("processing.restricted", "disclosure.made")))
                .post(base(URN) + "/recipients/" + recipient + "/webhook-endpoints")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
        Path out = Files.createTempFile("partner-events", ".jsonl");
        Path log = Files.createTempFile("partner-receiver", ".log");
        receiver = tool(List.of("--port", Integer.toString(port), "--secret", secret, "--out", out.toString()))
                .redirectOutput(log.toFile())
                .start();
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(log).contains("listening on"));

        // a forged message is refused
        HttpResponse<String> forged = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/custodian"))
                                .header("webhook-id", "msg_forged")
                                .header(
                                        "webhook-timestamp",
                                        Long.toString(Instant.now().getEpochSecond()))
                                .header("webhook-signature", "v1,AAAA")
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(401);

        await().atMost(Duration.ofSeconds(30)).until(() -> "ALLOWED".equals(outcome(URN, recipient, pupil, "share")));
        dpo(URN).body(ask(recipient, List.of(pupil), "share"))
                .post(base(URN) + "/disclosures")
                .then()
                .statusCode(200);
        Events.publish(Events.restriction(EventTypes.PROCESSING_RESTRICTED, URN, pupil, "R-tool", List.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(out).contains("processing.restricted"));
        String printed = Files.readString(log);
        assertThat(printed)
                .contains("REJECTED")
                .contains("VERIFIED disclosure.made")
                .contains("VERIFIED processing.restricted")
                .contains("pupil " + pupil);
        String actionId = partner(URN, recipient)
                .get(base(URN) + "/partner-actions")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
        assertThat(printed).contains("action " + actionId + " RESTRICT due by");

        String token = TestTokens.role("partner").school(URN).subject(recipient).mint();
        Ran list = run(token, "list");
        assertThat(list.code()).isZero();
        assertThat(list.out())
                .contains(actionId)
                .contains("OPEN")
                .contains("RESTRICT")
                .contains(pupil);
        Ran ack = run(token, "ack", actionId, "--note", "on it");
        assertThat(ack.out()).contains("HTTP 200").contains("is ACKNOWLEDGED");
        Ran wrong = run(token, "complete", actionId, "--outcome", "DELETED", "--records", "3", "--reference", "T-1");
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.out()).contains("HTTP 400").contains("outcome");
        Ran done = run(
                token,
                "complete",
                actionId,
                "--outcome",
                "RESTRICTED",
                "--records",
                "3",
                "--reference",
                "T-1",
                "--when",
                "2026-01-02T03:04:05Z");
        assertThat(done.code()).isZero();
        assertThat(done.out()).contains("is COMPLETED");
        Ran again = run(
                token,
                "complete",
                actionId,
                "--outcome",
                "RESTRICTED",
                "--records",
                "3",
                "--reference",
                "T-1",
                "--when",
                "2026-01-02T03:04:05Z");
        assertThat(again.out()).contains("already recorded");
        // a retry that gives no --when (it defaults to now, so the time differs): still the same answer
        Ran retried =
                run(token, "complete", actionId, "--outcome", "RESTRICTED", "--records", "3", "--reference", "T-1");
        assertThat(retried.code()).as(retried.out()).isZero();
        assertThat(retried.out()).contains("already recorded").doesNotContain("HTTP 409");
        // a different answer to the finished action is still refused
        Ran different =
                run(token, "complete", actionId, "--outcome", "RESTRICTED", "--records", "4", "--reference", "T-1");
        assertThat(different.code()).isEqualTo(1);
        assertThat(different.out()).contains("HTTP 409").doesNotContain("already recorded");
        Ran dispute = run(token, "dispute", actionId, "--reason", "too late to argue now");
        assertThat(dispute.code()).isEqualTo(1);
        assertThat(dispute.out()).contains("HTTP 409");
        partner(URN, recipient)
                .get(base(URN) + "/partner-actions/" + actionId)
                .then()
                .statusCode(200)
                .body("status", is("COMPLETED"))
                .body("completion.recordCount", is(3))
                .body("completion.reference", is("T-1"))
                .body("acknowledgementNote", is("on it"));
        assertThat(run(token, "list").out()).doesNotContain(actionId).contains("0 action(s)");
    }
}
