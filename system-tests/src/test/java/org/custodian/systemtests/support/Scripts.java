package org.custodian.systemtests.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one of the local stack's scripts (deploy/local/*.sh) or a system command, failing the test when it fails. */
public final class Scripts {

    private Scripts() {}

    /** {@code deploy/local/<script> args...} from the stack's root, its output shown with the test's. */
    public static void local(String script, String... args) {
        List<String> command = new ArrayList<>(
                List.of("bash", Stack.root().resolve("deploy/local/" + script).toString()));
        command.addAll(List.of(args));
        run(command);
    }

    /** Runs {@code command}, waiting up to 240 s; fails when it does not exit 0. */
    public static void run(List<String> command) {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(Stack.root().toFile()).inheritIO();
        String name = String.join(" ", command);
        try {
            Process process = builder.start();
            if (!process.waitFor(240, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(name + " did not finish in 240 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(name + " failed (exit " + process.exitValue() + ")");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The output of {@code command} (stderr included), or a failure when it does not exit 0 within 60 s. */
    public static String output(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
