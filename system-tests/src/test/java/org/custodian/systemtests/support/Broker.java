package org.custodian.systemtests.support;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** The local stack's Kafka broker, stopped and started under the running services with deploy/local/kafka.sh. */
public final class Broker {

    private Broker() {
    }

    public static void stop() {
        run("stop");
    }

    public static void start() {
        run("start");
    }

    private static void run(String command) {
        ProcessBuilder script = new ProcessBuilder("bash", Stack.kafkaScript().toString(), command)
                .directory(Stack.root().toFile()).inheritIO();
        try {
            Process process = script.start();
            if (!process.waitFor(240, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("deploy/local/kafka.sh " + command + " did not finish in 240 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("deploy/local/kafka.sh " + command + " failed (exit " + process.exitValue() + ")");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run deploy/local/kafka.sh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
