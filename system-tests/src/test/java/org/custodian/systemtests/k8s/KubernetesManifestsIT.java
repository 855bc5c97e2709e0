package org.custodian.systemtests.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s as kustomize renders it (.ci/run writes base.yaml and production.yaml with {@code kubectl kustomize} into
 * the folder named by -Dcustodian.k8s.rendered): every document valid against its schema, and what the issue asks of
 * the deployment actually there: probes on /q/health, resources, disruption budgets, autoscalers, only the gateway
 * reachable from outside, the topics of DESIGN.md with replication 3 and min.insync.replicas 2, Kafka clients
 * authenticated and each service's Kafka user allowed exactly its own topics (issue 16, finding 13), the service-token
 * keys only where they belong (finding 5), one database cluster per service, each service running as a database role
 * that owns nothing with its audit keys and checkpoint volume, and (production) backups for point-in-time recovery.
 */
class KubernetesManifestsIT {

    static final Set<String> PARTS = Set.of(
            "consent-service",
            "sar-service",
            "sharing-service",
            "retention-service",
            "accountability-service",
            "gateway");
    static final Set<String> TOPICS = Set.of(
            "custodian.roster.v1",
            "custodian.consent.v1",
            "custodian.rights.v1",
            "custodian.sharing.v1",
            "custodian.retention.v1",
            "custodian.accountability.v1",
            "custodian.revocations.v1",
            "custodian.dlq.sar-service",
            "custodian.dlq.sharing-service",
            "custodian.dlq.retention-service",
            "custodian.dlq.accountability-service");
    static final Set<String> DATABASES =
            Set.of("consent-db", "sar-db", "sharing-db", "retention-db", "accountability-db");
    /** The services by their short names, as their secrets and database roles are named. */
    static final List<String> SHORT_NAMES = List.of("consent", "sar", "sharing", "retention", "accountability");

    static final String REVOCATIONS = "custodian.revocations.v1";
    static final List<String> SERVICES =
            List.of("consent-service", "sar-service", "sharing-service", "retention-service", "accountability-service");
    /** The topics each service writes (DESIGN.md §4; the kernel's Topics.ownerOf says the same to the consumers). */
    static final Map<String, Set<String>> WRITES = Map.of(
            "consent-service", Set.of("custodian.roster.v1", "custodian.consent.v1"),
            "sar-service", Set.of("custodian.rights.v1"),
            "sharing-service", Set.of("custodian.sharing.v1"),
            "retention-service", Set.of("custodian.retention.v1"),
            "accountability-service", Set.of("custodian.accountability.v1"));

    static Path rendered(String file) {
        String folder = System.getProperty("custodian.k8s.rendered");
        assertThat(folder)
                .as("-Dcustodian.k8s.rendered (the folder .ci/run renders deploy/k8s into)")
                .isNotBlank();
        return Path.of(folder, file);
    }

    @Test
    void baseIsValidAndComplete() {
        check(ManifestSchemas.read(rendered("base.yaml")), false);
    }

    @Test
    void productionIsValidAndComplete() {
        check(ManifestSchemas.read(rendered("production.yaml")), true);
    }

    private static void check(List<JsonNode> manifests, boolean production) {
        ManifestSchemas schemas = ManifestSchemas.committed();
        List<String> problems = new ArrayList<>();
        manifests.forEach(m -> problems.addAll(schemas.problems(m)));
        assertThat(problems).as("schema problems").isEmpty();
        Map<String, Long> kinds = manifests.stream()
                .collect(Collectors.groupingBy(m -> m.path("kind").asText(), TreeMap::new, Collectors.counting()));
        System.out.println("MEASURE k8s " + (production ? "production" : "base") + ": " + manifests.size()
                + " documents valid: " + kinds);

        // the six parts: Deployment with probes and resources, Service, PodDisruptionBudget, HorizontalPodAutoscaler
        for (String part : PARTS) {
            JsonNode deployment = one(manifests, "Deployment", part);
            JsonNode container = deployment
                    .path("spec")
                    .path("template")
                    .path("spec")
                    .path("containers")
                    .get(0);
            assertThat(container
                            .path("readinessProbe")
                            .path("httpGet")
                            .path("path")
                            .asText())
                    .as(part)
                    .isEqualTo("/q/health/ready");
            assertThat(container
                            .path("livenessProbe")
                            .path("httpGet")
                            .path("path")
                            .asText())
                    .as(part)
                    .isEqualTo("/q/health/live");
            assertThat(container.path("resources").path("requests").has("cpu"))
                    .as(part)
                    .isTrue();
            assertThat(container.path("resources").path("requests").has("memory"))
                    .as(part)
                    .isTrue();
            assertThat(container.path("resources").path("limits").has("memory"))
                    .as(part)
                    .isTrue();
            JsonNode labels =
                    deployment.path("spec").path("template").path("metadata").path("labels");
            assertThat(one(manifests, "PodDisruptionBudget", part)
                            .path("spec")
                            .path("selector")
                            .path("matchLabels")
                            .path("app.kubernetes.io/name")
                            .asText())
                    .isEqualTo(labels.path("app.kubernetes.io/name").asText());
            JsonNode hpa = one(manifests, "HorizontalPodAutoscaler", part).path("spec");
            assertThat(hpa.path("scaleTargetRef").path("name").asText()).isEqualTo(part);
            assertThat(hpa.path("minReplicas").asInt()).isGreaterThanOrEqualTo(production ? 3 : 2);
            assertThat(one(manifests, "Service", part)
                            .path("spec")
                            .path("selector")
                            .path("app.kubernetes.io/name")
                            .asText())
                    .isEqualTo(part);
            assertThat(container.path("env").toString())
                    .as(part + " reads its secrets by reference, never inline")
                    .doesNotContain("BEGIN ");
        }

        // tamper-evident audit logs (issue 16, finding 6): each service runs as a database role that owns nothing while
        // Flyway migrates as the owner, reads its audit keys from a secret, and keeps its checkpoints on a volume of
        // its own
        for (String service : SHORT_NAMES) {
            JsonNode pod = one(manifests, "Deployment", service + "-service")
                    .path("spec")
                    .path("template")
                    .path("spec");
            JsonNode env = pod.path("containers").get(0).path("env");
            assertThat(secretOf(env, "PGUSER"))
                    .as(service + " runs as its service role")
                    .isEqualTo(service + "-db-service/username");
            assertThat(secretOf(env, "PGPASSWORD")).isEqualTo(service + "-db-service/password");
            String upper = service.toUpperCase();
            assertThat(secretOf(env, "CUSTODIAN_" + upper + "_DB_OWNER"))
                    .as(service + " migrates as the owner")
                    .isEqualTo(service + "-db-app/username");
            assertThat(secretOf(env, "CUSTODIAN_" + upper + "_DB_OWNER_PASSWORD"))
                    .isEqualTo(service + "-db-app/password");
            assertThat(secretOf(env, "CUSTODIAN_AUDIT_CHAIN_KEYS")).isEqualTo(service + "-audit/chain-keys");
            assertThat(secretOf(env, "CUSTODIAN_AUDIT_CHECKPOINTS_SIGNING_KEY"))
                    .isEqualTo(service + "-audit/checkpoint-signing-key");
            assertThat(secretOf(env, "CUSTODIAN_AUDIT_CHECKPOINTS_VERIFY_KEYS"))
                    .isEqualTo(service + "-audit/checkpoint-verify-keys");
            // cursors (issue 16, finding 8): sealed with a key from a secret, the same for every replica
            assertThat(secretOf(env, "CUSTODIAN_CURSOR_KEYS"))
                    .as(service + " seals its cursors with the key every replica shares")
                    .isEqualTo(service + "-cursors/keys");
            String directory = valueOf(env, "CUSTODIAN_AUDIT_CHECKPOINTS_DIRECTORY");
            String volume = null;
            for (JsonNode mount : pod.path("containers").get(0).path("volumeMounts")) {
                if (mount.path("mountPath").asText().equals(directory)) {
                    volume = mount.path("name").asText();
                }
            }
            assertThat(volume)
                    .as(service + " mounts a volume at its checkpoint directory " + directory)
                    .isNotNull();
            for (JsonNode v : pod.path("volumes")) {
                if (v.path("name").asText().equals(volume)) {
                    assertThat(v.path("persistentVolumeClaim").path("claimName").asText())
                            .as(service + "'s checkpoints outlive its pods")
                            .isEqualTo(service + "-audit-checkpoints");
                }
            }
            JsonNode roles = one(manifests, "Cluster", service + "-db")
                    .path("spec")
                    .path("managed")
                    .path("roles");
            assertThat(roles.toString())
                    .as(service + "-db makes the service role")
                    .contains(
                            "\"name\":\"" + service + "_service\"",
                            "\"passwordSecret\":{\"name\":\"" + service + "-db-service\"}")
                    .doesNotContain("superuser\":true");
        }

        // only the gateway is reachable from outside: every part is under a default deny, and the one ingress rule that
        // admits any source selects the gateway alone
        List<JsonNode> policies = all(manifests, "NetworkPolicy");
        JsonNode deny = policies.stream()
                .filter(p -> p.path("metadata").path("name").asText().equals("default-deny"))
                .findFirst()
                .orElseThrow();
        assertThat(deny.path("spec").path("policyTypes").toString()).contains("Ingress", "Egress");
        assertThat(deny.path("spec").has("ingress")).isFalse();
        for (JsonNode policy : policies) {
            for (JsonNode rule : policy.path("spec").path("ingress")) {
                if (!rule.has("from")) {
                    assertThat(policy.path("spec")
                                    .path("podSelector")
                                    .path("matchLabels")
                                    .path("app.kubernetes.io/name")
                                    .asText())
                            .as("policy " + policy.path("metadata").path("name").asText() + " admits anyone")
                            .isEqualTo("gateway");
                }
            }
        }
        if (production) {
            JsonNode ingress = all(manifests, "Ingress").get(0);
            assertThat(ingress.path("spec")
                            .path("rules")
                            .get(0)
                            .path("http")
                            .path("paths")
                            .get(0)
                            .path("backend")
                            .path("service")
                            .path("name")
                            .asText())
                    .isEqualTo("gateway");
            assertThat(ingress.path("spec").path("tls")).isNotEmpty();
        }

        // Kafka: replication 3, two in sync; the topics of DESIGN.md and the dead letters, each replicated 3 with min
        // ISR 2
        JsonNode kafka =
                all(manifests, "Kafka").get(0).path("spec").path("kafka").path("config");
        assertThat(kafka.path("default.replication.factor").asInt()).isEqualTo(3);
        assertThat(kafka.path("min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(all(manifests, "KafkaNodePool")
                        .get(0)
                        .path("spec")
                        .path("replicas")
                        .asInt())
                .isGreaterThanOrEqualTo(3);
        List<JsonNode> topics = all(manifests, "KafkaTopic");
        assertThat(topics.stream().map(t -> t.path("spec").path("topicName").asText()))
                .containsExactlyInAnyOrderElementsOf(TOPICS);
        for (JsonNode topic : topics) {
            assertThat(topic.path("spec").path("replicas").asInt()).isEqualTo(3);
            assertThat(topic.path("spec")
                            .path("config")
                            .path("min.insync.replicas")
                            .asInt())
                    .isEqualTo(2);
            assertThat(topic.path("spec").path("partitions").asInt()).isGreaterThanOrEqualTo(3);
        }

        checkKafkaUsers(manifests);
        checkServiceTokenKeys(manifests);

        // PostgreSQL: one cluster per service; in production three instances, archived WAL and a nightly base backup
        List<JsonNode> clusters = all(manifests, "Cluster");
        assertThat(clusters.stream().map(c -> c.path("metadata").path("name").asText()))
                .containsExactlyInAnyOrderElementsOf(DATABASES);
        if (production) {
            for (JsonNode cluster : clusters) {
                assertThat(cluster.path("spec").path("instances").asInt()).isEqualTo(3);
                assertThat(cluster.path("spec")
                                .path("backup")
                                .path("barmanObjectStore")
                                .path("destinationPath")
                                .asText())
                        .startsWith("s3://");
            }
            assertThat(all(manifests, "ScheduledBackup").stream()
                            .map(b ->
                                    b.path("spec").path("cluster").path("name").asText()))
                    .containsExactlyInAnyOrderElementsOf(DATABASES);
        }
    }

    /**
     * No anonymous Kafka client: every listener authenticates and ACLs decide. Each service connects as its own
     * KafkaUser (SCRAM over TLS), which may write its own topics and nothing else, read exactly the topics its channels
     * consume (its application.properties) with its own consumer group, and write its own dead-letter topic.
     */
    private static void checkKafkaUsers(List<JsonNode> manifests) {
        JsonNode kafka = all(manifests, "Kafka").get(0).path("spec").path("kafka");
        assertThat(kafka.path("authorization").path("type").asText())
                .as("Kafka authorization")
                .isEqualTo("simple");
        assertThat(kafka.path("listeners")).isNotEmpty();
        for (JsonNode listener : kafka.path("listeners")) {
            assertThat(listener.path("authentication").path("type").asText())
                    .as("listener " + listener.path("name").asText())
                    .isEqualTo("scram-sha-512");
            assertThat(listener.path("tls").asBoolean())
                    .as("listener " + listener.path("name").asText() + " encrypted")
                    .isTrue();
        }
        assertThat(all(manifests, "Kafka")
                        .get(0)
                        .path("spec")
                        .path("entityOperator")
                        .has("userOperator"))
                .isTrue();
        List<JsonNode> users = all(manifests, "KafkaUser");
        List<String> withUsers = new ArrayList<>(SERVICES);
        withUsers.add("gateway");
        assertThat(users.stream().map(u -> u.path("metadata").path("name").asText()))
                .containsExactlyInAnyOrderElementsOf(withUsers);
        for (String service : SERVICES) {
            JsonNode user = one(manifests, "KafkaUser", service).path("spec");
            assertThat(user.path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
            assertThat(user.path("authorization").path("type").asText()).isEqualTo("simple");
            Map<String, Set<String>> granted = new TreeMap<>();
            for (JsonNode acl : user.path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                assertThat(resource.path("patternType").asText("literal"))
                        .as(service + " ACLs name their resources")
                        .isEqualTo("literal");
                assertThat(acl.path("type").asText("allow")).isEqualTo("allow");
                String key = resource.path("type").asText() + ":"
                        + resource.path("name").asText();
                acl.path("operations")
                        .forEach(op -> granted.computeIfAbsent(key, k -> new java.util.TreeSet<>())
                                .add(op.asText()));
            }
            Channels channels = Channels.of(service);
            Map<String, Set<String>> expected = new TreeMap<>();
            WRITES.get(service).forEach(topic -> expected.put("topic:" + topic, Set.of("Write", "Describe")));
            channels.reads().forEach(topic -> expected.put("topic:" + topic, Set.of("Read", "Describe")));
            channels.groups().forEach(group -> expected.put("group:" + group, Set.of("Read")));
            channels.deadLetters().forEach(topic -> expected.put("topic:" + topic, Set.of("Write", "Describe")));
            // every part reads the token revocations whole (no group); consent-service also writes them
            expected.put(
                    "topic:" + REVOCATIONS,
                    service.equals("consent-service")
                            ? Set.of("Write", "Read", "Describe")
                            : Set.of("Read", "Describe"));
            assertThat(granted).as("what " + service + "'s Kafka user may do").isEqualTo(expected);

            JsonNode env = one(manifests, "Deployment", service)
                    .path("spec")
                    .path("template")
                    .path("spec")
                    .path("containers")
                    .get(0)
                    .path("env");
            assertThat(secretNameOf(env, "KAFKA_SASL_JAAS_CONFIG"))
                    .as(service + " connects as its own Kafka user")
                    .isEqualTo(service);
            assertThat(valueOf(env, "KAFKA_SSL_TRUSTSTORE_LOCATION")).isNotBlank();
        }
        Map<String, Set<String>> gateway = new TreeMap<>();
        for (JsonNode acl : one(manifests, "KafkaUser", "gateway")
                .path("spec")
                .path("authorization")
                .path("acls")) {
            acl.path("operations")
                    .forEach(op -> gateway.computeIfAbsent(
                                    acl.path("resource").path("type").asText() + ":"
                                            + acl.path("resource").path("name").asText(),
                                    k -> new java.util.TreeSet<>())
                            .add(op.asText()));
        }
        assertThat(gateway)
                .as("the gateway's Kafka user reads the revocations and nothing else")
                .isEqualTo(Map.of("topic:" + REVOCATIONS, Set.of("Read", "Describe")));
        JsonNode gatewayEnv = one(manifests, "Deployment", "gateway")
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0)
                .path("env");
        assertThat(secretNameOf(gatewayEnv, "KAFKA_SASL_JAAS_CONFIG"))
                .as("the gateway connects as its own Kafka user")
                .isEqualTo("gateway");
        String protocol = all(manifests, "ConfigMap").stream()
                .filter(c -> c.path("metadata").path("name").asText().startsWith("custodian-config"))
                .findFirst()
                .orElseThrow()
                .path("data")
                .path("kafka-security-protocol")
                .asText();
        assertThat(protocol).isEqualTo("SASL_SSL");
    }

    /**
     * The service-token key: every service verifies service tokens with its own public key, sar-service alone holds
     * the private key, the gateway has neither, and nothing is given the identity provider's signing key.
     */
    private static void checkServiceTokenKeys(List<JsonNode> manifests) {
        for (String part : PARTS) {
            JsonNode pod = one(manifests, "Deployment", part)
                    .path("spec")
                    .path("template")
                    .path("spec");
            String env = pod.path("containers").get(0).path("env").toString();
            String volumes = pod.path("volumes").toString();
            assertThat(env).as(part).doesNotContain("SMALLRYE_JWT_SIGN_KEY_LOCATION");
            if (part.equals("gateway")) {
                assertThat(env + volumes)
                        .as("the gateway never trusts service tokens")
                        .doesNotContain("SERVICE_TOKEN")
                        .doesNotContain("service-token");
            } else {
                assertThat(env).as(part).contains("CUSTODIAN_SERVICE_TOKEN_PUBLIC_KEY_LOCATION");
                assertThat(volumes).as(part).contains("custodian-service-token-verify");
                assertThat(env.contains("CUSTODIAN_SERVICE_TOKEN_PRIVATE_KEY_LOCATION"))
                        .as(part + " signs service tokens")
                        .isEqualTo(part.equals("sar-service"));
                assertThat(volumes.contains("\"custodian-service-token\""))
                        .as(part + " holds the signing key")
                        .isEqualTo(part.equals("sar-service"));
            }
        }
    }

    /** What a service's Kafka channels read, as its application.properties configures them. */
    record Channels(Set<String> reads, Set<String> groups, Set<String> deadLetters) {
        static Channels of(String service) {
            java.util.Properties properties = new java.util.Properties();
            try (var in = java.nio.file.Files.newInputStream(org.custodian.systemtests.support.Stack.root()
                    .resolve(service + "/src/main/resources/application.properties"))) {
                properties.load(in);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Set<String> reads = new java.util.TreeSet<>();
            Set<String> groups = new java.util.TreeSet<>();
            Set<String> deadLetters = new java.util.TreeSet<>();
            properties.stringPropertyNames().forEach(name -> {
                String value = properties.getProperty(name).trim();
                if (name.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic")) {
                    reads.add(value);
                } else if (name.matches("mp\\.messaging\\.incoming\\.[^.]+\\.group\\.id")
                        || name.equals("kafka.group.id")) {
                    groups.add(value);
                } else if (name.matches("mp\\.messaging\\.incoming\\.[^.]+\\.dead-letter-queue\\.topic")) {
                    deadLetters.add(value);
                }
            });
            return new Channels(reads, groups, deadLetters);
        }
    }

    /** The name of the secret an environment variable is read from, or an empty string. */
    private static String secretNameOf(JsonNode env, String name) {
        for (JsonNode variable : env) {
            if (name.equals(variable.path("name").asText())) {
                return variable.path("valueFrom")
                        .path("secretKeyRef")
                        .path("name")
                        .asText();
            }
        }
        return "";
    }

    /** The {@code secret/key} an environment variable is read from, or null. */
    private static String secretOf(JsonNode env, String name) {
        for (JsonNode variable : env) {
            if (name.equals(variable.path("name").asText())) {
                JsonNode ref = variable.path("valueFrom").path("secretKeyRef");
                return ref.isMissingNode()
                        ? null
                        : ref.path("name").asText() + "/" + ref.path("key").asText();
            }
        }
        return null;
    }

    private static String valueOf(JsonNode env, String name) {
        for (JsonNode variable : env) {
            if (name.equals(variable.path("name").asText())) {
                return variable.path("value").asText(null);
            }
        }
        return null;
    }

    private static List<JsonNode> all(List<JsonNode> manifests, String kind) {
        return manifests.stream()
                .filter(m -> kind.equals(m.path("kind").asText()))
                .toList();
    }

    private static JsonNode one(List<JsonNode> manifests, String kind, String name) {
        List<JsonNode> found = all(manifests, kind).stream()
                .filter(m -> name.equals(m.path("metadata").path("name").asText()))
                .toList();
        assertThat(found).as(kind + " " + name).hasSize(1);
        return found.get(0);
    }
}
