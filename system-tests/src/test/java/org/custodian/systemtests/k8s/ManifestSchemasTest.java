package org.custodian.systemtests.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The validator itself, on small manifests: it must accept what is right and name what is wrong. */
class ManifestSchemasTest {

    static final ManifestSchemas SCHEMAS = ManifestSchemas.committed();

    static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 2
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                    - name: web
                      image: web:1
                      resources: {requests: {cpu: 250m, memory: 512Mi}, limits: {cpu: 1}}
                      readinessProbe: {httpGet: {path: /q/health/ready, port: 8080}}
            """;

    private static java.util.List<String> problems(String yaml) {
        return SCHEMAS.problems(ManifestSchemas.parse(yaml).get(0));
    }

    @Test
    void aCorrectDeploymentPasses() {
        assertThat(problems(DEPLOYMENT)).isEmpty();
    }

    @Test
    void aMisspelledFieldIsNamed() {
        assertThat(problems(DEPLOYMENT.replace("readinessProbe", "readinesProbe")))
                .singleElement()
                .asString()
                .contains("readinesProbe");
    }

    @Test
    void aWrongTypeIsNamed() {
        assertThat(problems(DEPLOYMENT.replace("replicas: 2", "replicas: two")))
                .singleElement()
                .asString()
                .contains("replicas");
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        assertThat(problems(DEPLOYMENT.replace("  selector: {matchLabels: {app: web}}\n", "")))
                .singleElement()
                .asString()
                .contains("selector");
    }

    @Test
    void anUnknownKindIsAnErrorNotASkip() {
        assertThat(problems("apiVersion: example.org/v1\nkind: Widget\nmetadata: {name: w}\n"))
                .singleElement()
                .asString()
                .contains("no schema for kind example.org/v1/Widget");
    }

    @Test
    void customResourcesAreCheckedToo() {
        String topic = """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t, labels: {strimzi.io/cluster: c}}
                spec: {topicName: t, partitions: 3, replicas: 3, config: {min.insync.replicas: 2}}
                """;
        assertThat(problems(topic)).isEmpty();
        assertThat(problems(topic.replace("partitions: 3", "partitons: 3")))
                .singleElement()
                .asString()
                .contains("partitons");
        String cluster = """
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: db}
                spec: {instances: 3, storage: {size: 10Gi}}
                """;
        assertThat(problems(cluster)).isEmpty();
        assertThat(problems(cluster.replace("instances: 3", "instances: three")))
                .isNotEmpty();
        assertThat(problems(cluster.replace("metadata: {name: db}", "metadata: {name: db, labelz: {}}")))
                .singleElement()
                .asString()
                .contains("labelz");
    }
}
