package org.custodian.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The stack's processes, portably (ProcessBuilder, ProcessHandle): each started detached from the caller's terminal
 * (nohup, stdin closed, no descriptor of the caller's held), logged to .run/logs/NAME.log (the previous log kept as
 * NAME.log.1), its pid in .run/pids/NAME.pid, and its command line marked -Dcustodian.local=NAME so that a recycled pid
 * is never mistaken for ours.
 */
final class Processes {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final Stack stack;

    Processes(Stack stack) {
        this.stack = stack;
    }

    /** Starts {@code command} as part NAME in {@code directory} with exactly {@code environment}; returns its pid. */
    long launch(String name, List<String> command, Path directory, Map<String, String> environment) {
        try {
            Files.createDirectories(stack.logDir);
            Files.createDirectories(stack.pidDir);
            Path log = stack.logFile(name);
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(name + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> full = new ArrayList<>();
            if (new File("/usr/bin/nohup").canExecute()) {
                // the terminal's hang-up must not end the stack (nohup execs: the pid stays the command's)
                full.add("/usr/bin/nohup");
            }
            full.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(full)
                    .directory(directory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(log.toFile())
                    .redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process process = builder.start();
            Path pidFile = stack.pidFile(name);
            Path tmp = pidFile.resolveSibling(name + ".pid.tmp");
            Files.writeString(tmp, process.pid() + "\n");
            Files.move(tmp, pidFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return process.pid();
        } catch (IOException e) {
            throw new Failure(name + " did not start: " + e.getMessage());
        }
    }

    /** The process of part NAME that we started and that still runs. */
    Optional<ProcessHandle> running(String name) {
        Path file = stack.pidFile(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(file).trim());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> ours(p, name));
    }

    private static boolean ours(ProcessHandle process, String name) {
        Optional<String[]> arguments = process.info().arguments();
        if (arguments.isEmpty()) {
            // a platform that shows no arguments: trust the pid file
            return true;
        }
        for (String argument : arguments.get()) {
            if (argument.equals("-Dcustodian.local=" + name)) {
                return true;
            }
        }
        return false;
    }

    void forget(String name) {
        try {
            Files.deleteIfExists(stack.pidFile(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * TERM each of {@code names} that runs, then waits for all of them (KILL after CUSTODIAN_STOP_TIMEOUT, 30 s).
     * Returns false when none of them was running.
     */
    boolean stop(List<String> names) {
        long grace = Long.parseLong(stack.get("CUSTODIAN_STOP_TIMEOUT", "30"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(grace);
        List<String> stopping = new ArrayList<>();
        List<ProcessHandle> handles = new ArrayList<>();
        for (String name : names) {
            Optional<ProcessHandle> process = running(name);
            if (process.isPresent()) {
                Launcher.say("stopping " + name + " (pid " + process.get().pid() + ")");
                process.get().destroy();
                stopping.add(name);
                handles.add(process.get());
            }
        }
        for (int i = 0; i < stopping.size(); i++) {
            ProcessHandle process = handles.get(i);
            long left = Math.max(0, deadline - System.nanoTime());
            if (!await(process, left)) {
                Launcher.warn(stopping.get(i) + " (pid " + process.pid() + ") did not stop within " + grace
                        + "s; killing it");
                process.destroyForcibly();
                await(process, TimeUnit.SECONDS.toNanos(30));
            }
            forget(stopping.get(i));
        }
        return !stopping.isEmpty();
    }

    /** SIGKILL, as a crash: no shutdown hooks. */
    long kill(String name) {
        ProcessHandle process = running(name).orElseThrow(() -> new Failure(name + " is not running"));
        process.destroyForcibly();
        await(process, TimeUnit.SECONDS.toNanos(30));
        forget(name);
        return process.pid();
    }

    private static boolean await(ProcessHandle process, long nanos) {
        try {
            process.onExit().get(nanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        }
    }

    /** True when something accepts TCP connections on 127.0.0.1:port. */
    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Kafka accepts connections; a service's /q/health/ready says UP (200). */
    boolean ready(String name) {
        int port = stack.port(name);
        if (name.equals("kafka")) {
            return listening(port);
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3))
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Until NAME is ready or {@code deadlineNanos} passes; fails with its log if it exits or times out. */
    void awaitReady(String name, long deadlineNanos, String whatThen) {
        while (!ready(name)) {
            if (running(name).isEmpty()) {
                logTail(name);
                throw new Failure(name + " exited while starting" + whatThen);
            }
            if (System.nanoTime() > deadlineNanos) {
                logTail(name);
                throw new Failure(name + " is not ready in time" + whatThen);
            }
            sleep(200);
        }
    }

    /** Who listens on a port, for error messages (lsof, else ss; nothing when neither is there). */
    static String portOwner(int port) {
        for (List<String> command : List.of(
                List.of("lsof", "-nP", "-iTCP:" + port, "-sTCP:LISTEN"), List.of("ss", "-ltnpH", "sport = :" + port))) {
            try {
                Process process =
                        new ProcessBuilder(command).redirectErrorStream(true).start();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (process.waitFor() == 0 && !out.isEmpty()) {
                    return out;
                }
            } catch (IOException e) {
                // not installed here: try the next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            }
        }
        return "";
    }

    /** Resident memory in MiB (ps -o rss=, POSIX), or "-" when unknown. */
    static String residentMemory(long pid) {
        try {
            Process process = new ProcessBuilder("ps", "-o", "rss=", "-p", String.valueOf(pid)).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor() == 0 && !out.isEmpty() ? (Long.parseLong(out) / 1024) + " MiB" : "-";
        } catch (IOException | NumberFormatException e) {
            return "-";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "-";
        }
    }

    /** The errors in a part's log, then its last lines without stack frames, on stderr. */
    void logTail(String name) {
        Path log = stack.logFile(name);
        List<String> lines;
        try {
            lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.ISO_8859_1) : List.of();
        } catch (IOException e) {
            lines = List.of();
        }
        System.err.println("---- errors in " + log + " ----");
        lines.stream()
                .filter(l -> l.contains("ERROR") || l.contains("FATAL") || l.contains("Caused by"))
                .limit(10)
                .map(l -> l.length() > 400 ? l.substring(0, 400) : l)
                .forEach(System.err::println);
        System.err.println("---- its last 30 lines, stack frames left out ----");
        List<String> frameless =
                lines.stream().filter(l -> !l.startsWith("\tat ")).toList();
        frameless.subList(Math.max(0, frameless.size() - 30), frameless.size()).forEach(System.err::println);
        System.err.println("----");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
    }
}
