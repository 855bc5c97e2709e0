package org.custodian.launcher;

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
    static final String DEFAULT_JAVA_OPTS = "-Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    /** An app's class-data archive, beside its jar. */
    static final String ARCHIVE = "app-cds.jsa";

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
     * class-data archive when it has one; with {@code makeArchive} it writes a new archive when it stops instead.
     */
    void startApp(String name, boolean makeArchive) {
        Path jar = stack.appJar(name);
        if (!Files.isRegularFile(jar)) {
            throw new Failure(jar + " is missing: deploy/local/up.sh builds it");
        }
        List<String> command = new ArrayList<>(List.of(stack.java(), "-Dcustodian.local=" + name));
        command.addAll(split(stack.get("CUSTODIAN_JAVA_OPTS", DEFAULT_JAVA_OPTS)));
        // the JVM starts in the jar's folder: an archive names the class path as it was made, and is ignored
        // (-Xshare:auto) when it no longer matches the jar
        Path archive = jar.resolveSibling(ARCHIVE);
        if (makeArchive) {
            try {
                Files.deleteIfExists(archive);
            } catch (IOException e) {
                throw new Failure("cannot replace " + archive + ": " + e.getMessage());
            }
            command.add("-XX:ArchiveClassesAtExit=" + ARCHIVE);
        } else if (Files.isRegularFile(archive)) {
            command.addAll(List.of("-XX:SharedArchiveFile=" + ARCHIVE, "-Xshare:auto"));
        }
        command.addAll(List.of("-jar", jar.getFileName().toString()));
        processes.launch(name, command, jar.getParent(), appEnvironment(name));
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
