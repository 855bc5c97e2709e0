package org.custodian.systemtests.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/k8s as kustomize renders it (.ci/run writes base.yaml and production.yaml with {@code kubectl kustomize} into
 * the folder named by -Dcustodian.k8s.rendered): every document valid against its schema, and what the issue asks of
 * the deployment actually there: probes on /q/health, resources, disruption budgets, autoscalers, only the gateway
 * reachable from outside, the topics of DESIGN.md with replication 3 and min.insync.replicas 2, one database cluster
 * per service, and (production) backups for point-in-time recovery.
 */
class KubernetesManifestsIT {

    static final Set<String> PARTS = Set.of("consent-service", "sar-service", "sharing-service", "retention-service", "gateway");
    static final Set<String> TOPICS = Set.of("custodian.roster.v1", "custodian.consent.v1", "custodian.rights.v1", "custodian.sharing.v1",
            "custodian.retention.v1", "custodian.revocations.v1", "custodian.dlq.sar-service", "custodian.dlq.sharing-service",
            "custodian.dlq.retention-service");
    static final Set<String> DATABASES = Set.of("consent-db", "sar-db", "sharing-db", "retention-db");

    static Path rendered(String file) {
        String folder = System.getProperty("custodian.k8s.rendered");
        assertThat(folder).as("-Dcustodian.k8s.rendered (the folder .ci/run renders deploy/k8s into)").isNotBlank();
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
        Map<String, Long> kinds = manifests.stream().collect(Collectors.groupingBy(m -> m.path("kind").asText(), TreeMap::new, Collectors.counting()));
        System.out.println("MEASURE k8s " + (production ? "production" : "base") + ": " + manifests.size() + " documents valid: " + kinds);

        // the five parts: Deployment with probes and resources, Service, PodDisruptionBudget, HorizontalPodAutoscaler
        for (String part : PARTS) {
            JsonNode deployment = one(manifests, "Deployment", part);
            JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).as(part).isEqualTo("/q/health/ready");
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).as(part).isEqualTo("/q/health/live");
            assertThat(container.path("resources").path("requests").has("cpu")).as(part).isTrue();
            assertThat(container.path("resources").path("requests").has("memory")).as(part).isTrue();
            assertThat(container.path("resources").path("limits").has("memory")).as(part).isTrue();
            JsonNode labels = deployment.path("spec").path("template").path("metadata").path("labels");
            assertThat(one(manifests, "PodDisruptionBudget", part).path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/name").asText())
                    .isEqualTo(labels.path("app.kubernetes.io/name").asText());
            JsonNode hpa = one(manifests, "HorizontalPodAutoscaler", part).path("spec");
            assertThat(hpa.path("scaleTargetRef").path("name").asText()).isEqualTo(part);
            assertThat(hpa.path("minReplicas").asInt()).isGreaterThanOrEqualTo(production ? 3 : 2);
            assertThat(one(manifests, "Service", part).path("spec").path("selector").path("app.kubernetes.io/name").asText()).isEqualTo(part);
            assertThat(container.path("env").toString()).as(part + " reads its secrets by reference, never inline").doesNotContain("BEGIN ");
        }

        // only the gateway is reachable from outside: every part is under a default deny, and the one ingress rule that
        // admits any source selects the gateway alone
        List<JsonNode> policies = all(manifests, "NetworkPolicy");
        JsonNode deny = policies.stream().filter(p -> p.path("metadata").path("name").asText().equals("default-deny")).findFirst().orElseThrow();
        assertThat(deny.path("spec").path("policyTypes").toString()).contains("Ingress", "Egress");
        assertThat(deny.path("spec").has("ingress")).isFalse();
        for (JsonNode policy : policies) {
            for (JsonNode rule : policy.path("spec").path("ingress")) {
                if (!rule.has("from")) {
                    assertThat(policy.path("spec").path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText())
                            .as("policy " + policy.path("metadata").path("name").asText() + " admits anyone").isEqualTo("gateway");
                }
            }
        }
        if (production) {
            JsonNode ingress = all(manifests, "Ingress").get(0);
            assertThat(ingress.path("spec").path("rules").get(0).path("http").path("paths").get(0).path("backend").path("service")
                    .path("name").asText()).isEqualTo("gateway");
            assertThat(ingress.path("spec").path("tls")).isNotEmpty();
        }

        // Kafka: replication 3, two in sync; the topics of DESIGN.md and the dead letters, each replicated 3 with min ISR 2
        JsonNode kafka = all(manifests, "Kafka").get(0).path("spec").path("kafka").path("config");
        assertThat(kafka.path("default.replication.factor").asInt()).isEqualTo(3);
        assertThat(kafka.path("min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(all(manifests, "KafkaNodePool").get(0).path("spec").path("replicas").asInt()).isGreaterThanOrEqualTo(3);
        List<JsonNode> topics = all(manifests, "KafkaTopic");
        assertThat(topics.stream().map(t -> t.path("spec").path("topicName").asText())).containsExactlyInAnyOrderElementsOf(TOPICS);
        for (JsonNode topic : topics) {
            assertThat(topic.path("spec").path("replicas").asInt()).isEqualTo(3);
            assertThat(topic.path("spec").path("config").path("min.insync.replicas").asInt()).isEqualTo(2);
            assertThat(topic.path("spec").path("partitions").asInt()).isGreaterThanOrEqualTo(3);
        }

        // PostgreSQL: one cluster per service; in production three instances, archived WAL and a nightly base backup
        List<JsonNode> clusters = all(manifests, "Cluster");
        assertThat(clusters.stream().map(c -> c.path("metadata").path("name").asText())).containsExactlyInAnyOrderElementsOf(DATABASES);
        if (production) {
            for (JsonNode cluster : clusters) {
                assertThat(cluster.path("spec").path("instances").asInt()).isEqualTo(3);
                assertThat(cluster.path("spec").path("backup").path("barmanObjectStore").path("destinationPath").asText()).startsWith("s3://");
            }
            assertThat(all(manifests, "ScheduledBackup").stream().map(b -> b.path("spec").path("cluster").path("name").asText()))
                    .containsExactlyInAnyOrderElementsOf(DATABASES);
        }
    }

    private static List<JsonNode> all(List<JsonNode> manifests, String kind) {
        return manifests.stream().filter(m -> kind.equals(m.path("kind").asText())).toList();
    }

    private static JsonNode one(List<JsonNode> manifests, String kind, String name) {
        List<JsonNode> found = all(manifests, kind).stream().filter(m -> name.equals(m.path("metadata").path("name").asText())).toList();
        assertThat(found).as(kind + " " + name).hasSize(1);
        return found.get(0);
    }
}
