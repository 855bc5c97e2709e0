package org.custodian.systemtests.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * deploy/local/partner-receiver, the tool a partner's engineer runs on day one, run as its own process: it receives
 * and verifies the school's webhooks (every verified event appended to a JSON-lines file) and answers partner actions
 * from the command line, through the gateway.
 */
public final class PartnerTool implements AutoCloseable {

    private final int port;
    private final Path events;
    private Process receiver;

    public PartnerTool() {
        try (ServerSocket free = new ServerSocket(0)) {
            this.port = free.getLocalPort();
            this.events = Files.createTempFile("partner-receiver-", ".jsonl");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the school should send webhooks; the tool listens there once {@link #receive(String)} has started it. */
    public String url() {
        return "http://127.0.0.1:" + port + "/custodian";
    }

    /** Starts the receiver with the endpoint's secret and waits until it listens. */
    public PartnerTool receive(String secret) {
        ProcessBuilder builder = new ProcessBuilder(
                        "bash",
                        script().toString(),
                        "--port",
                        String.valueOf(port),
                        "--secret",
                        secret,
                        "--out",
                        events.toString(),
                        "--quiet")
                .directory(Stack.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        try {
            receiver = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start deploy/local/partner-receiver/run.sh", e);
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!listening()) {
            if (!receiver.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("deploy/local/partner-receiver did not start listening on " + port);
            }
            Effects.sleep(100);
        }
        return this;
    }

    private boolean listening() {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The events the tool verified, in the order it wrote them. */
    public List<JsonNode> verified() {
        try {
            List<JsonNode> all = new ArrayList<>();
            for (String line : Files.readAllLines(events, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    all.add(Api.parse(line));
                }
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs an answering command ({@code ack}, {@code complete} …) as the partner {@code recipientId}; answers its exit code and output. */
    public static Result answer(String school, String recipientId, String... command) {
        List<String> args = new ArrayList<>(List.of("bash", script().toString()));
        args.addAll(List.of(command));
        args.addAll(List.of("--recipient", recipientId, "--school", school, "--api", Stack.gateway()));
        ProcessBuilder builder =
                new ProcessBuilder(args).directory(Stack.root().toFile()).redirectErrorStream(true);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("partner-receiver " + String.join(" ", command) + " did not finish");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Result(int exitCode, String output) {}

    private static Path script() {
        return Stack.root().resolve("deploy/local/partner-receiver/run.sh");
    }

    @Override
    public void close() {
        if (receiver != null) {
            receiver.destroy();
            try {
                if (!receiver.waitFor(10, TimeUnit.SECONDS)) {
                    receiver.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.deleteIfExists(events);
        } catch (IOException ignored) {
            // a temporary file
        }
    }
}
