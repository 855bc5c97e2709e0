package org.custodian.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starting the stack's parts: the Kafka broker (platform-testing's KafkaBroker, as the tests run it, in a process of
 * its own: {@code Launcher broker}) and the services and the gateway from their fast-jars, each with the environment it
 * needs and nothing it must not have.
 */
final class Parts {

    /** The JVM options of the services and the gateway unless CUSTODIAN_JAVA_OPTS says otherwise (deploy/README.md). */
    static final String DEFAULT_JAVA_OPTS =
            "-Xms32m -Xmx256m -XX:+UseG1GC -XX:TieredStopAtLevel=1 -XX:+UseCompactObjectHeaders";

    /** An app's ahead-of-time cache (JEP 483/514), beside its jar, and the recording it is made from. */
    static final String AOT_CACHE = "app.aot";

    static final String AOT_CONFIGURATION = "app.aotconf";

    static final String DEFAULT_KAFKA_JAVA_OPTS = "-Xms64m -Xmx512m -XX:+UseSerialGC -Djava.awt.headless=true";

    private static final List<String> SERVICE_TOKEN_KEYS = List.of(
            "SMALLRYE_JWT_SIGN_KEY_LOCATION",
            "CUSTODIAN_SERVICE_TOKEN_PUBLIC_KEY_LOCATION",
            "CUSTODIAN_SERVICE_TOKEN_PRIVATE_KEY_LOCATION");

    private final Stack stack;
    private final LocalKeys keys;
    private final Processes processes;

    Parts(Stack stack, LocalKeys keys, Processes processes) {
        this.stack = stack;
        this.keys = keys;
        this.processes = processes;
    }

    /** Starts the broker on the stack's data (formatted on first start, as the tests' broker formats its own). */
    void startKafka() {
        Path data = stack.kafkaData();
        List<String> command = new ArrayList<>(List.of(stack.java(), "-Dcustodian.local=kafka"));
        command.addAll(split(stack.get("KAFKA_JAVA_OPTS", DEFAULT_KAFKA_JAVA_OPTS)));
        // the broker logs through SLF4J to the JBoss LogManager on the class path (as in the tests): to its log file
        command.add("-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
        command.addAll(List.of(
                "-cp",
                stack.launcherJar().toString(),
                Launcher.class.getName(),
                "broker",
                String.valueOf(stack.port("kafka")),
                String.valueOf(stack.port("kafka-controller")),
                data.toString()));
        processes.launch("kafka", command, stack.root, baseEnvironment());
    }

    /**
     * Starts app NAME (a service or the gateway) from its fast-jar, with {@link #appEnvironment}, and with its
     * ahead-of-time cache when it has one; with {@code record} it records what it loads and links instead, for
     * {@link #createAotCache} once it has stopped.
     */
    void startApp(String name, boolean record) {
        Path jar = appJar(name);
        List<String> command = javaCommand();
        // the JVM starts in the jar's folder: a cache names the class path as it was made, and is ignored (with a
        // warning in the log) when it no longer matches the jar
        if (record) {
            delete(jar.resolveSibling(AOT_CACHE));
            delete(jar.resolveSibling(AOT_CONFIGURATION));
            command.addAll(List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + AOT_CONFIGURATION));
        } else if (Files.isRegularFile(jar.resolveSibling(AOT_CACHE))) {
            command.add("-XX:AOTCache=" + AOT_CACHE);
        }
        command.add(1, "-Dcustodian.local=" + name);
        command.addAll(List.of("-jar", jar.getFileName().toString()));
        processes.launch(name, command, jar.getParent(), appEnvironment(name));
    }

    /**
     * Makes app NAME's ahead-of-time cache from the recording of its last start (JEP 514's second step: the JVM reads
     * the recording, writes the cache and exits without running the app). Returns false, leaving the app to start
     * without a cache, when the JVM could not.
     */
    boolean createAotCache(String name) {
        Path jar = appJar(name);
        Path configuration = jar.resolveSibling(AOT_CONFIGURATION);
        if (!Files.isRegularFile(configuration)) {
            return false;
        }
        List<String> command = javaCommand();
        command.addAll(List.of(
                "-XX:AOTMode=create",
                "-XX:AOTConfiguration=" + AOT_CONFIGURATION,
                "-XX:AOTCache=" + AOT_CACHE,
                "-jar",
                jar.getFileName().toString()));
        try {
            Process process = new ProcessBuilder(command)
                    .directory(jar.getParent().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(
                            ProcessBuilder.Redirect.appendTo(stack.logFile(name).toFile()))
                    .redirectErrorStream(true)
                    .start();
            boolean made = process.waitFor() == 0 && Files.isRegularFile(jar.resolveSibling(AOT_CACHE));
            delete(configuration);
            return made;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The java command with the apps' JVM options: the same for recording, making the cache and running. */
    private List<String> javaCommand() {
        List<String> command = new ArrayList<>(List.of(stack.java()));
        command.addAll(split(stack.get("CUSTODIAN_JAVA_OPTS", DEFAULT_JAVA_OPTS)));
        return command;
    }

    private Path appJar(String name) {
        Path jar = stack.appJar(name);
        if (!Files.isRegularFile(jar)) {
            throw new Failure(jar + " is missing: deploy/local/up.sh builds it");
        }
        return jar;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new Failure("cannot replace " + file + ": " + e.getMessage());
        }
    }

    /** The caller's environment with the stack's ports and PostgreSQL settings filled in. */
    Map<String, String> baseEnvironment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        for (String component : Stack.COMPONENTS) {
            String var = component.equals("kafka") ? "KAFKA_PORT" : "CUSTODIAN_" + Stack.upper(component) + "_PORT";
            env.put(var, String.valueOf(stack.port(component)));
        }
        env.put("KAFKA_CONTROLLER_PORT", String.valueOf(stack.port("kafka-controller")));
        env.put("CUSTODIAN_GATEWAY_MANAGEMENT_PORT", String.valueOf(stack.port("gateway-management")));
        env.put("PGHOST", stack.pgHost());
        env.put("PGPORT", stack.pgPort());
        env.put("PGUSER", stack.get("PGUSER", "postgres"));
        env.put("CUSTODIAN_JWT_ISSUER", stack.issuer());
        env.put("CUSTODIAN_JWT_AUDIENCE", stack.audience());
        return env;
    }

    /**
     * What the services and the gateway start with: the dev issuer's public key, the bind address, Kafka, the gateway's
     * upstreams, the local stack's webhook timings, the cursor and sharing keys, each service's database roles and
     * the audit keys; variables already set win. The service-token keys: every service verifies service tokens,
     * sar-service alone signs them, and the gateway gets neither (it refuses to start with them). Nobody gets the dev
     * issuer's private key: only token minting signs with it.
     */
    Map<String, String> appEnvironment(String name) {
        keys.ensure();
        Map<String, String> env = baseEnvironment();
        String servicePublic =
                stack.get("CUSTODIAN_SERVICE_TOKEN_PUBLIC_KEY_LOCATION", keys.servicePublicKey.toString());
        String servicePrivate =
                stack.get("CUSTODIAN_SERVICE_TOKEN_PRIVATE_KEY_LOCATION", keys.servicePrivateKey.toString());
        SERVICE_TOKEN_KEYS.forEach(env::remove);
        if (!name.equals("gateway")) {
            env.put("CUSTODIAN_SERVICE_TOKEN_PUBLIC_KEY_LOCATION", servicePublic);
        }
        if (name.equals("sar")) {
            env.put("CUSTODIAN_SERVICE_TOKEN_PRIVATE_KEY_LOCATION", servicePrivate);
        }
        defaults(env, "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKey.toString());
        defaults(env, "QUARKUS_HTTP_HOST", stack.get("CUSTODIAN_BIND_HOST", "127.0.0.1"));
        // glibc gives each thread that allocates its own malloc arena (64 MiB reserved, some of it touched): Kafka
        // clients, Vert.x and the worker pool make dozens; two arenas take 20-30 MiB off each app's resident memory
        defaults(env, "MALLOC_ARENA_MAX", "2");
        defaults(env, "CUSTODIAN_SHARING_SECRET_KEY", LocalKeys.read(keys.sharingSecretKey));
        defaults(env, "CUSTODIAN_CURSOR_KEYS", LocalKeys.read(keys.cursorKey));
        // the local demo's partner endpoints live on this machine; production refuses loopback and private addresses
        defaults(env, "CUSTODIAN_SHARING_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true");
        // a partner that fails is tried again within a minute, not over two days, and one that hangs is given up
        // after 3 s (production: 0s,5s,5m,30m,2h,5h,10h,10h and 10 s), so that recovery can be watched locally
        defaults(env, "CUSTODIAN_SHARING_WEBHOOKS_RETRY_SCHEDULE", "0s,2s,4s,8s,15s,30s,1m,5m");
        defaults(env, "CUSTODIAN_SHARING_WEBHOOKS_READ_TIMEOUT", "3s");
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + stack.port("kafka"));
        String password = keys.databaseRolesPassword();
        for (String service : Stack.SERVICES) {
            String up = Stack.upper(service);
            defaults(env, "CUSTODIAN_" + up + "_URL", "http://127.0.0.1:" + stack.port(service));
            String db = stack.localDatabase(service);
            if (db == null) {
                continue;
            }
            if (!stack.defaultPrefix()) {
                defaults(
                        env,
                        "CUSTODIAN_" + up + "_DB_URL",
                        "jdbc:postgresql://" + stack.pgHost() + ":" + stack.pgPort() + "/" + db);
            }
            defaults(env, "CUSTODIAN_" + up + "_DB_USER", db + "_service");
            defaults(env, "CUSTODIAN_" + up + "_DB_PASSWORD", password);
            defaults(env, "CUSTODIAN_" + up + "_DB_OWNER", db + "_owner");
            defaults(env, "CUSTODIAN_" + up + "_DB_OWNER_PASSWORD", password);
        }
        keys.auditVariables().forEach((var, value) -> defaults(env, var, value));
        defaults(
                env,
                "CUSTODIAN_AUDIT_CHECKPOINTS_DIRECTORY",
                stack.runDir.resolve("audit-checkpoints").toString());
        return env;
    }

    private static void defaults(Map<String, String> env, String name, String value) {
        String current = env.get(name);
        if (current == null || current.isEmpty()) {
            env.put(name, value);
        }
    }

    private static List<String> split(String options) {
        return Arrays.stream(options.trim().split("\\s+"))
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
