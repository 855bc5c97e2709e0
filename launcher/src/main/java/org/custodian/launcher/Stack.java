package org.custodian.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the local stack lives and what it is made of: the repository root, the run folder (.run, or CUSTODIAN_RUN_DIR),
 * the parts in start order and their ports (DESIGN.md §7), each overridable by the variable the service itself reads.
 */
final class Stack {

    /** The services, in start order; the gateway starts after them. */
    static final List<String> SERVICES = List.of("consent", "sar", "sharing", "retention", "accountability");

    static final List<String> APPS = List.of("consent", "sar", "sharing", "retention", "accountability", "gateway");
    /** Everything the stack runs, in start order; down stops them in reverse. */
    static final List<String> COMPONENTS =
            List.of("kafka", "consent", "sar", "sharing", "retention", "accountability", "gateway");

    static final List<String> ROLES = List.of(
            "dpo", "school-admin", "staff", "safeguarding-lead", "parent", "pupil", "mis", "partner", "auditor");
    static final String DEMO_SCHOOL = "100001";

    final Path root;
    final Path runDir;
    final Path logDir;
    final Path pidDir;
    final Path keyDir;
    private final Map<String, String> env;

    Stack(Path root, Map<String, String> env) {
        this.root = root;
        this.env = env;
        this.runDir = Path.of(get("CUSTODIAN_RUN_DIR", root.resolve(".run").toString()));
        this.logDir = runDir.resolve("logs");
        this.pidDir = runDir.resolve("pids");
        this.keyDir = runDir.resolve("keys");
    }

    /** The root from -Dcustodian.root (the wrappers set it), else the folder above the launcher's target/. */
    static Stack fromEnvironment() {
        String root = System.getProperty("custodian.root");
        Path path = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        return new Stack(path.toAbsolutePath().normalize(), System.getenv());
    }

    String get(String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    boolean isSet(String name) {
        return !get(name, "").isEmpty();
    }

    static String upper(String name) {
        return name.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    int port(String component) {
        return switch (component) {
            case "kafka" -> Integer.parseInt(get("KAFKA_PORT", "9092"));
            case "kafka-controller" -> Integer.parseInt(get("KAFKA_CONTROLLER_PORT", "9093"));
            case "gateway-management" ->
                Integer.parseInt(get("CUSTODIAN_GATEWAY_MANAGEMENT_PORT", String.valueOf(port("gateway") + 1000)));
            default -> Integer.parseInt(get("CUSTODIAN_" + upper(component) + "_PORT", defaultPort(component)));
        };
    }

    private static String defaultPort(String component) {
        return switch (component) {
            case "gateway" -> "8080";
            case "consent" -> "8081";
            case "sar" -> "8082";
            case "sharing" -> "8083";
            case "retention" -> "8084";
            case "accountability" -> "8085";
            default -> throw new IllegalArgumentException("no such part: " + component);
        };
    }

    /** Every port the stack listens on, the broker's controller included. */
    List<Integer> allPorts() {
        List<Integer> ports = new java.util.ArrayList<>();
        COMPONENTS.forEach(c -> ports.add(port(c)));
        ports.add(port("kafka-controller"));
        return ports;
    }

    static String module(String app) {
        return app.equals("gateway") ? "gateway" : app + "-service";
    }

    Path appJar(String app) {
        return root.resolve(module(app)).resolve("target/quarkus-app/quarkus-run.jar");
    }

    Path launcherJar() {
        return root.resolve("launcher/target/custodian-launcher.jar");
    }

    Path kafkaData() {
        return runDir.resolve("kafka/data");
    }

    Path pidFile(String component) {
        return pidDir.resolve(component + ".pid");
    }

    Path logFile(String component) {
        return logDir.resolve(component + ".log");
    }

    /** The local database of a service: custodian_<service>, or another prefix to run a second stack beside the first. */
    String databaseName(String service) {
        return get("CUSTODIAN_DB_PREFIX", "custodian_") + service;
    }

    /**
     * The database of {@code service} that the launcher looks after, or null when the user points the service at one
     * of their own (its CUSTODIAN_<SERVICE>_DB_URL set by hand; a URL that only follows the prefix is not that).
     */
    String localDatabase(String service) {
        boolean fromPrefix = get("CUSTODIAN_DB_URL_FROM_PREFIX", "").equals("true");
        return isSet("CUSTODIAN_" + upper(service) + "_DB_URL") && !fromPrefix ? null : databaseName(service);
    }

    boolean defaultPrefix() {
        return get("CUSTODIAN_DB_PREFIX", "custodian_").equals("custodian_");
    }

    String pgHost() {
        return get("PGHOST", "127.0.0.1");
    }

    String pgPort() {
        return get("PGPORT", "5432");
    }

    boolean pgIsLocal() {
        String host = pgHost();
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.startsWith("/");
    }

    String issuer() {
        return get("CUSTODIAN_JWT_ISSUER", "https://auth.custodian.local");
    }

    String audience() {
        return get("CUSTODIAN_JWT_AUDIENCE", "custodian");
    }

    /** The java to start the parts with: JAVA_HOME's, else the one running the launcher. */
    String java() {
        String home = get("JAVA_HOME", "");
        if (!home.isEmpty() && Files.isExecutable(Path.of(home, "bin", "java"))) {
            return Path.of(home, "bin", "java").toString();
        }
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    String display(Path path) {
        return path.toString();
    }
}
