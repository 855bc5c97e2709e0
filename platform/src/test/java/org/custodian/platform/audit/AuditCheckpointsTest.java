package org.custodian.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCheckpointsTest {

    static final String SIGNING = "c1:MC4CAQAwBQYDK2VwBCIEINY2SIrhzSZ8yx4pujn/omm2ps8b/QjN+Q1NO2y+ZgdN";
    static final String VERIFY = "c1:MCowBQYDK2VwAyEAjDJeOlCmTKpsIvtp2m+UuOIlpn1rR9xv/sU+jQ011xE=";
    /** Another Ed25519 pair: checkpoints it signs are forgeries to a service that does not list its public key. */
    static final String OTHER_SIGNING = "c2:MC4CAQAwBQYDK2VwBCIEINpj0QGLvWS7WdmxqfjpHlkBK4xway6mouFNzS7shWr1";

    static final String OTHER_VERIFY = "c2:MCowBQYDK2VwAyEAi9CQ6mgVyCnpXumYpyhYv+yI0w0JAm5mNHAlgpyPuUc=";
    static final String HASH = "ab".repeat(32);

    @TempDir
    Path dir;

    private AuditCheckpoints store(String service, String signing, String verify) {
        return new AuditCheckpoints(dir, service, CheckpointKeys.parse(signing, verify), Clock.systemUTC());
    }

    @Test
    void theLatestCheckpointIsTheHighestRowAcrossFolders() {
        AuditCheckpoints store = store("consent-service", SIGNING, VERIFY);
        assertThat(store.latest("100001")).isEmpty();
        store.write("100001", 9_999, HASH);
        store.write("100001", 10_000, HASH);
        store.write("100001", 25_001, HASH);
        store.write("100002", 3, HASH);

        AuditCheckpoint latest = store.latest("100001").orElseThrow();
        assertThat(latest.seq()).isEqualTo(25_001);
        assertThat(latest.hash()).isEqualTo(HASH);
        assertThat(latest.keyId()).isEqualTo("c1");
        assertThat(dir.resolve("consent-service/100001/0000000000000000002/0000000000000025001.json"))
                .exists();
        assertThat(store.latest("100002").orElseThrow().seq()).isEqualTo(3);
    }

    @Test
    void aCheckpointIsNeverOverwritten() {
        AuditCheckpoints store = store("consent-service", SIGNING, VERIFY);
        store.write("100001", 5, HASH);
        assertThatThrownBy(() -> store.write("100001", 5, "cd".repeat(32))).hasMessageContaining("already kept");
        assertThat(store.latest("100001").orElseThrow().hash()).isEqualTo(HASH);
    }

    @Test
    void aChangedCheckpointIsNotTrusted() throws IOException {
        AuditCheckpoints store = store("consent-service", SIGNING, VERIFY);
        store.write("100001", 7, HASH);
        Path file = onlyFile();
        Files.writeString(file, Files.readString(file).replace(HASH, "cd".repeat(32)));

        assertThatThrownBy(() -> store.latest("100001"))
                .isInstanceOf(AuditCheckpoints.Untrusted.class)
                .hasMessageContaining("not signed by a known checkpoint key");
    }

    @Test
    void aCheckpointSignedWithAnUnlistedKeyIsNotTrusted() {
        store("consent-service", OTHER_SIGNING, OTHER_VERIFY).write("100001", 7, HASH);

        assertThatThrownBy(() -> store("consent-service", SIGNING, VERIFY).latest("100001"))
                .isInstanceOf(AuditCheckpoints.Untrusted.class);
        // a rotated signing key: the old public key stays listed, and the old checkpoints stay trusted
        assertThat(store("consent-service", SIGNING, VERIFY + "," + OTHER_VERIFY)
                        .latest("100001"))
                .isPresent();
    }

    @Test
    void aCheckpointMovedToAnotherSchoolOrServiceIsNotTrusted() throws IOException {
        store("sar-service", SIGNING, VERIFY).write("100001", 7, HASH);
        Path file = onlyFile();
        Path elsewhere = dir.resolve("sar-service/100002/0000000000000000000/0000000000000000007.json");
        Files.createDirectories(elsewhere.getParent());
        Files.copy(file, elsewhere);
        Path otherService = dir.resolve("consent-service/100001/0000000000000000000/0000000000000000007.json");
        Files.createDirectories(otherService.getParent());
        Files.copy(file, otherService);

        assertThatThrownBy(() -> store("sar-service", SIGNING, VERIFY).latest("100002"))
                .hasMessageContaining("another chain");
        assertThatThrownBy(() -> store("consent-service", SIGNING, VERIFY).latest("100001"))
                .hasMessageContaining("another chain");
    }

    @Test
    void unreadableCheckpointsAndStrayFilesAreTreatedApart() throws IOException {
        AuditCheckpoints store = store("consent-service", SIGNING, VERIFY);
        store.write("100001", 7, HASH);
        Path folder = onlyFile().getParent();
        Files.writeString(folder.resolve(".tmp-left-by-a-crash"), "{");
        assertThat(store.latest("100001").orElseThrow().seq()).isEqualTo(7);

        Files.writeString(folder.resolve("0000000000000000008.json"), "not json");
        assertThatThrownBy(() -> store.latest("100001")).hasMessageContaining("cannot be read");
    }

    @Test
    void keysAreCheckedWhenRead() {
        assertThatThrownBy(() -> CheckpointKeys.parse(SIGNING, OTHER_VERIFY))
                .hasMessageContaining("no key 'c1' matching");
        assertThatThrownBy(() -> CheckpointKeys.parse("c1:AAAA", VERIFY)).hasMessageContaining("not Ed25519");
        assertThatThrownBy(() -> CheckpointKeys.parse(SIGNING + "," + OTHER_SIGNING, VERIFY))
                .hasMessageContaining("one id:base64");
        assertThatThrownBy(() -> store("consent-service", SIGNING, VERIFY).latest("../etc"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Path onlyFile() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
    }
}
