package org.custodian.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;
import org.custodian.testing.KafkaBroker;

/**
 * The local stack's one launcher: deploy/local/{up,down,status,token,service,kafka,keys,audit-keys}.sh call it with
 * their own arguments. Runs on any machine with a JDK 17 and PostgreSQL (Linux, macOS): processes are started and
 * stopped with ProcessBuilder and ProcessHandle, the broker, the databases and the tokens are made as the tests make
 * them (platform-testing).
 */
public final class Launcher {

    private final Stack stack;
    private final LocalKeys keys;
    private final Processes processes;
    private final Parts parts;

    private Launcher(Stack stack) {
        this.stack = stack;
        this.keys = new LocalKeys(stack);
        this.processes = new Processes(stack);
        this.parts = new Parts(stack, keys, processes);
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        String command = arguments.isEmpty() ? "" : arguments.get(0);
        List<String> rest = arguments.isEmpty() ? List.of() : arguments.subList(1, arguments.size());
        try {
            Launcher launcher = new Launcher(Stack.fromEnvironment());
            int status = switch (command) {
                case "up" -> launcher.up(rest);
                case "down" -> launcher.down(rest);
                case "status" -> launcher.status();
                case "token" -> launcher.token(rest);
                case "tokens" -> launcher.tokens(rest);
                case "service" -> launcher.service(rest);
                case "kafka" -> launcher.kafka(rest);
                case "keys" -> launcher.keys();
                case "audit-keys" -> launcher.auditKeys();
                case "postgres" -> launcher.postgres();
                case "broker" -> broker(rest);
                case "default-java-opts" -> defaultJavaOpts();
                default -> {
                    System.err.println("usage: launcher up|down|status|token|tokens|service|kafka|keys"
                            + "|audit-keys|postgres|broker|default-java-opts ...");
                    yield 2;
                }
            };
            System.out.flush();
            System.exit(status);
        } catch (Failure e) {
            System.out.flush();
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    static void say(String line) {
        System.out.println(line);
    }

    static void warn(String line) {
        System.err.println("warning: " + line);
    }

    // ---- up ---------------------------------------------------------------------------------------------------------

    private int up(List<String> args) {
        boolean rebuild = false;
        boolean demo = true;
        for (String arg : args) {
            switch (arg) {
                case "--build" -> rebuild = true;
                case "--no-demo" -> demo = false;
                default -> throw new Failure("unknown option '" + arg + "' (try --help)");
            }
        }
        long startedAt = System.nanoTime();
        long timeout = Long.parseLong(stack.get("CUSTODIAN_START_TIMEOUT", "180"));
        long ttl = Long.parseLong(stack.get("CUSTODIAN_DEV_TOKEN_TTL", "28800"));

        List<String> toStart = new ArrayList<>();
        for (String component : Stack.COMPONENTS) {
            Optional<ProcessHandle> running = processes.running(component);
            if (running.isPresent()) {
                say(component + " already running (pid " + running.get().pid() + ")");
            } else {
                processes.forget(component);
                toStart.add(component);
            }
        }
        if (!toStart.isEmpty()) {
            List<String> needed = new ArrayList<>(toStart);
            if (toStart.contains("kafka")) {
                needed.add("kafka-controller");
            }
            for (String part : needed) {
                int port = stack.port(part);
                if (Processes.listening(port)) {
                    throw new Failure("port " + port + " (for " + part + ") is already in use by something up.sh did"
                            + " not start:\n" + Processes.portOwner(port) + "\nStop it, or move " + part
                            + " to another port (see deploy/README.md).");
                }
            }
        } else if (rebuild) {
            throw new Failure(
                    "--build with the stack running would swap jars under live processes: run deploy/local/down.sh first");
        }

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
        boolean built = !toStart.isEmpty() && build(rebuild, toStart.size() == Stack.COMPONENTS.size());
        if (built) {
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
        }

        if (!toStart.isEmpty()) {
            LocalDatabases databases = new LocalDatabases(stack, keys);
            databases.ensureServer(true);
            databases.ensureDatabases();
            keys.ensure();
            keys.ensureAudit();
            say("starting: " + String.join(" ", toStart));
            if (toStart.contains("kafka")) {
                parts.startKafka();
            }
        }
        String leftRunning = "; the rest of the stack is left running for inspection (deploy/local/down.sh stops it)";
        // everything, not only what was started now, must answer: "already running" also means ready
        processes.awaitReady("kafka", deadline, leftRunning);
        say("  kafka ready after " + elapsed(startedAt));
        List<String> apps = Stack.APPS.stream().filter(toStart::contains).toList();
        if (built && !apps.isEmpty()) {
            train(apps, deadline, leftRunning);
        }
        for (String app : apps) {
            parts.startApp(app, false);
        }
        for (String app : Stack.APPS) {
            processes.awaitReady(app, deadline, leftRunning);
            say("  " + app + " ready after " + elapsed(startedAt));
        }
        say(toStart.isEmpty() ? "Custodian is already running." : "Custodian is up after " + elapsed(startedAt) + ".");
        if (demo) {
            int status = run(List.of(
                    "bash", stack.root.resolve("deploy/local/demo-data.sh").toString()));
            if (status != 0) {
                throw new Failure("the demo data could not be loaded (see above); the stack is left running");
            }
        } else {
            say("demo data not loaded (--no-demo); deploy/local/demo-data.sh loads it at any time");
        }

        int gateway = stack.port("gateway");
        say("");
        say("  gateway   http://localhost:" + gateway);
        say("  API docs  http://localhost:" + gateway + "/api/docs");
        StringBuilder line = new StringBuilder("  services ");
        Stack.SERVICES.forEach(s -> line.append(' ').append(s).append(" :").append(stack.port(s)));
        say(line + "   Kafka 127.0.0.1:" + stack.port("kafka"));
        say("  logs      " + stack.logDir + "/");
        say("  stop      " + stack.root.resolve("deploy/local/down.sh"));
        say("");
        DevTokens tokens = new DevTokens(stack, keys);
        say("Dev tokens for school " + Stack.DEMO_SCHOOL + ", valid " + (ttl / 3600)
                + " h (more: deploy/local/token.sh --role ROLE --school URN):");
        for (String role : Stack.ROLES) {
            say(String.format(
                    Locale.ROOT,
                    "  %-17s %s",
                    role,
                    tokens.mint(role, DevTokens.demoSubject(role), ttl, List.of(Stack.DEMO_SCHOOL))));
        }
        say("(the parent is guardian DEMO-G01A, mother of pupil DEMO-P01; the pupil token is DEMO-P01)");
        say("");
        say("Try:  curl -H \"Authorization: Bearer $(deploy/local/token.sh --role dpo --school " + Stack.DEMO_SCHOOL
                + ")\" \\");
        say("        http://localhost:" + gateway + "/api/v1/schools/" + Stack.DEMO_SCHOOL + "/audit/consent");
        return 0;
    }

    /**
     * Makes each app's ahead-of-time cache (Java 25, JEP 483/514) from a first, real start after a build: the app
     * runs until it is ready and stops, the JVM having recorded every class it loaded and linked (Hibernate's,
     * Kafka's, the app's); then the cache is made from the recording, one app at a time. Later starts load those
     * classes already parsed, verified and linked (docs/decisions/0021-java-25.md).
     */
    private void train(List<String> apps, long deadline, String whatThen) {
        say("first start of " + String.join(" ", apps) + " to record their ahead-of-time caches");
        for (String app : apps) {
            parts.startApp(app, true);
        }
        for (String app : apps) {
            processes.awaitReady(app, deadline, whatThen);
        }
        processes.stop(apps);
        for (String app : apps) {
            if (!parts.createAotCache(app)) {
                say("  " + app + ": no ahead-of-time cache could be made (see its log); it starts without one");
            }
        }
    }

    /**
     * Builds the apps whose fast-jar is missing (or all with {@code --build}); {@link #train} then makes their
     * ahead-of-time caches. Returns true when it built anything.
     */
    private boolean build(boolean rebuild, boolean nothingRuns) {
        List<String> build =
                new ArrayList<>(List.of(stack.root.resolve("mvnw").toString(), "-B", "-q", "-DskipTests", "package"));
        List<String> missing = new ArrayList<>();
        for (String app : Stack.APPS) {
            if (!Files.isRegularFile(stack.appJar(app))) {
                missing.add(Stack.module(app));
            }
        }
        if (rebuild) {
            if (!nothingRuns) {
                throw new Failure("some of the stack is running; run deploy/local/down.sh before --build");
            }
            build.addAll(List.of(
                    "-pl",
                    String.join(",", Stack.APPS.stream().map(Stack::module).toList()),
                    "-am"));
        } else if (!missing.isEmpty()) {
            // only the missing modules (and what they need): running services keep their own copies
            build.addAll(List.of("-pl", String.join(",", missing), "-am"));
        } else {
            return false;
        }
        say("building: " + String.join(" ", build.subList(1, build.size())));
        if (run(build) != 0) {
            throw new Failure("the build failed");
        }
        for (String app : Stack.APPS) {
            if (!Files.isRegularFile(stack.appJar(app))) {
                throw new Failure(stack.appJar(app) + " is still missing after the build: is " + Stack.module(app)
                        + " listed in the root pom's <modules>?");
            }
        }
        return true;
    }

    private int run(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(stack.root.toFile())
                    .inheritIO()
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(parts.baseEnvironment());
            return builder.start().waitFor();
        } catch (IOException e) {
            throw new Failure("cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
    }

    private static String elapsed(long startedAt) {
        return String.format(Locale.ROOT, "%.1fs", (System.nanoTime() - startedAt) / 1e9);
    }

    // ---- down, status
    // -------------------------------------------------------------------------------------------------

    private int down(List<String> args) {
        boolean reset = false;
        for (String arg : args) {
            if (arg.equals("--reset")) {
                reset = true;
            } else {
                throw new Failure("unknown option '" + arg + "' (try --help)");
            }
        }
        // the gateway and the services first, so that they can still flush to Kafka; then Kafka
        List<String> apps = new ArrayList<>(List.of("gateway"));
        apps.addAll(Stack.SERVICES);
        boolean stoppedAny = processes.stop(apps);
        stoppedAny |= processes.stop(List.of("kafka"));
        Stack.COMPONENTS.forEach(processes::forget);
        if (!stoppedAny) {
            say("nothing of the local stack was running");
        }
        if (reset) {
            deleteTree(stack.kafkaData());
            say("deleted the Kafka data");
            if (org.custodian.testing.PostgresResource.reachable()) {
                new LocalDatabases(stack, keys).dropDatabases();
                say("dropped the local databases (up.sh creates them again)");
                deleteTree(stack.runDir.resolve("audit-checkpoints"));
                say("dropped their roles and deleted their audit checkpoints");
            } else {
                warn("PostgreSQL is not reachable; databases not dropped");
            }
        }
        List<Integer> busy =
                stack.allPorts().stream().filter(Processes::listening).toList();
        if (!busy.isEmpty()) {
            for (int port : busy) {
                System.err.println("port " + port + " is still in use:\n" + Processes.portOwner(port));
            }
            throw new Failure(
                    "something is still listening on the stack's ports (not started by up.sh, or its pid file was lost)");
        }
        say("stopped; ports "
                + String.join(
                        " ", stack.allPorts().stream().map(String::valueOf).toList()) + " are free");
        return 0;
    }

    private int status() {
        boolean allReady = true;
        say(String.format(Locale.ROOT, "%-14s %-8s %-6s %-9s %s", "PART", "PID", "PORT", "STATE", "RSS"));
        for (String component : Stack.COMPONENTS) {
            Optional<ProcessHandle> running = processes.running(component);
            String pid = "-";
            String state = "stopped";
            String rss = "-";
            if (running.isPresent()) {
                pid = String.valueOf(running.get().pid());
                state = processes.ready(component) ? "ready" : "not-ready";
                rss = Processes.residentMemory(running.get().pid());
            }
            allReady &= state.equals("ready");
            say(String.format(
                    Locale.ROOT, "%-14s %-8s %-6s %-9s %s", component, pid, stack.port(component), state, rss));
        }
        say("logs: " + stack.logDir + "/");
        return allReady ? 0 : 1;
    }

    // ---- tokens, keys, PostgreSQL
    // -------------------------------------------------------------------------------------

    /**
     * {@code --role ROLE [--school URN]... [--sub ID] [--ttl SECONDS] [--partner ID]}: the token alone on stdout. With
     * {@code --partner} (role partner only) the token carries {@code partner_id} and, without {@code --school}, no
     * school: the partner's reads across schools (docs/decisions/0019).
     */
    private int token(List<String> args) {
        String role = null;
        String sub = null;
        String partner = null;
        long ttl = 3600;
        List<String> schools = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!List.of("--role", "--school", "--sub", "--ttl", "--partner").contains(arg)) {
                throw new Failure("unknown argument '" + arg + "'");
            }
            if (i + 1 >= args.size()) {
                throw new Failure(arg + " needs a value");
            }
            String value = args.get(++i);
            switch (arg) {
                case "--role" -> role = value;
                case "--school" -> schools.add(value);
                case "--sub" -> sub = value;
                case "--partner" -> partner = value;
                default -> ttl = parseTtl(value);
            }
        }
        if (role == null || role.isEmpty()) {
            throw new Failure("--role is required");
        }
        String subject = sub == null || sub.isEmpty() ? "dev-" + role : sub;
        if (partner != null) {
            if (!role.equals("partner")) {
                throw new Failure("--partner goes with --role partner");
            }
            say(new DevTokens(stack, keys).mintPartner(partner, subject, ttl, schools));
            return 0;
        }
        if (schools.isEmpty()) {
            schools.add(Stack.DEMO_SCHOOL);
        }
        say(new DevTokens(stack, keys).mint(role, subject, ttl, schools));
        return 0;
    }

    /** {@code TTL SCHOOL ROLE:SUBJECT...}: one token a line, in order (demo-data.sh mints its callers at once). */
    private int tokens(List<String> args) {
        if (args.size() < 3) {
            throw new Failure("tokens TTL SCHOOL ROLE:SUBJECT...");
        }
        long ttl = parseTtl(args.get(0));
        DevTokens tokens = new DevTokens(stack, keys);
        for (String who : args.subList(2, args.size())) {
            int colon = who.indexOf(':');
            if (colon < 1) {
                throw new Failure("'" + who + "' is not ROLE:SUBJECT");
            }
            say(tokens.mint(who.substring(0, colon), who.substring(colon + 1), ttl, List.of(args.get(1))));
        }
        return 0;
    }

    private static long parseTtl(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new Failure("--ttl must be a positive number of seconds");
        }
    }

    private int keys() {
        keys.ensure();
        for (Path path : List.of(
                keys.privateKey, keys.publicKey, keys.servicePrivateKey, keys.servicePublicKey, keys.cursorEnv)) {
            say(path.toString());
        }
        return 0;
    }

    private int auditKeys() {
        keys.ensureAudit();
        say(keys.auditEnv.toString());
        return 0;
    }

    /** Prints the apps' JVM options when CUSTODIAN_JAVA_OPTS is not set (bench/run.sh restarts the apps with them). */
    private static int defaultJavaOpts() {
        say(Parts.DEFAULT_JAVA_OPTS);
        return 0;
    }

    private int postgres() {
        new LocalDatabases(stack, keys).ensureServer(false);
        say("PostgreSQL answers at " + stack.pgHost() + ":" + stack.pgPort());
        return 0;
    }

    // ---- one part under the running stack
    // -----------------------------------------------------------------------------

    /** {@code kill|stop|start|status NAME}: one service or the gateway, the rest left running. */
    private int service(List<String> args) {
        String command = args.isEmpty() ? "" : args.get(0);
        String name = args.size() < 2 ? "" : args.get(1);
        if (!List.of("kill", "stop", "start", "status").contains(command)) {
            throw new Failure("service kill|stop|start|status NAME");
        }
        if (!Stack.APPS.contains(name)) {
            throw new Failure("which service? one of: " + String.join(" ", Stack.APPS) + " (not '" + name + "')");
        }
        return control(command, name);
    }

    /** {@code stop|start|status}: the broker alone, the rest left running (the outboxes keep their events). */
    private int kafka(List<String> args) {
        String command = args.isEmpty() ? "" : args.get(0);
        if (!List.of("stop", "start", "status").contains(command)) {
            throw new Failure("kafka stop|start|status");
        }
        return control(command, "kafka");
    }

    private int control(String command, String name) {
        int port = stack.port(name);
        String where = " on 127.0.0.1:" + port;
        switch (command) {
            case "kill" -> say("killed " + name + " (pid " + processes.kill(name) + ", SIGKILL)");
            case "stop" -> {
                if (!processes.stop(List.of(name))) {
                    say(name + " was not running");
                }
                if (name.equals("kafka") && Processes.listening(port)) {
                    throw new Failure(
                            "port " + port + " is still in use after stopping kafka:\n" + Processes.portOwner(port));
                }
            }
            case "start" -> {
                long started = System.nanoTime();
                Optional<ProcessHandle> running = processes.running(name);
                if (running.isPresent()) {
                    say(name + " already running (pid " + running.get().pid() + ")");
                } else {
                    if (Processes.listening(port)) {
                        throw new Failure("port " + port + " is in use by something up.sh did not start:\n"
                                + Processes.portOwner(port));
                    }
                    if (name.equals("kafka")) {
                        parts.startKafka();
                    } else {
                        parts.startApp(name, false);
                    }
                }
                long timeout = Long.parseLong(stack.get("CUSTODIAN_START_TIMEOUT", "180"));
                processes.awaitReady(name, System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout), "");
                say(name + " ready" + where
                        + (running.isPresent()
                                ? ""
                                : " after " + (System.nanoTime() - started) / 1_000_000_000 + " s"));
            }
            default -> {
                Optional<ProcessHandle> running = processes.running(name);
                if (running.isPresent() && processes.ready(name)) {
                    say(name + " running (pid " + running.get().pid() + ")" + (name.equals("kafka") ? "" : " and ready")
                            + where);
                } else {
                    say(name + " is not running" + (name.equals("kafka") ? "" : " or not ready"));
                    return 1;
                }
            }
        }
        return 0;
    }

    // ---- the broker's own process
    // -------------------------------------------------------------------------------------

    /** {@code PORT CONTROLLER_PORT DATA_DIR}: runs the tests' broker on the stack's data until TERM. */
    private static int broker(List<String> args) {
        if (args.size() != 3) {
            throw new Failure("broker PORT CONTROLLER_PORT DATA_DIR");
        }
        Path data = Path.of(args.get(2));
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new Failure("cannot create " + data + ": " + e.getMessage());
        }
        logToStandardOutput();
        KafkaBroker broker = KafkaBroker.start(data, Integer.parseInt(args.get(0)), Integer.parseInt(args.get(1)));
        System.out.println("Kafka broker started on " + broker.bootstrapServers() + ", data in " + data);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            broker.stop();
                            stopped.countDown();
                        },
                        "kafka-broker-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * The broker's log (SLF4J to the JBoss LogManager, as in the tests), INFO and above, to standard output: its log
     * file. Quarkus on the class path would otherwise hold the records back for an application that never starts.
     */
    private static void logToStandardOutput() {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        Formatter format = new Formatter() {
            @Override
            public String format(LogRecord record) {
                StringWriter out = new StringWriter();
                out.write(String.format(
                        Locale.ROOT,
                        "%1$tF %1$tT,%1$tL %2$-5s [%3$s] %4$s%n",
                        record.getMillis(),
                        record.getLevel(),
                        record.getLoggerName(),
                        formatMessage(record)));
                if (record.getThrown() != null) {
                    record.getThrown().printStackTrace(new PrintWriter(out));
                }
                return out.toString();
            }
        };
        root.addHandler(new StreamHandler(System.out, format) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }
        });
        root.setLevel(Level.INFO);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            warn("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
