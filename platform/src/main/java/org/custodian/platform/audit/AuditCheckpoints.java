package org.custodian.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.custodian.platform.security.SchoolUrn;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The signed checkpoints of this service's audit chains, kept outside the database in a directory from
 * configuration ({@code custodian.audit.checkpoints.directory}; a volume of its own in Kubernetes). One file per
 * checkpoint, never overwritten: {@code <directory>/<service>/<school>/<seq / 10,000>/<seq>.json}, so that finding a
 * school's latest one reads two short directory listings however long the log grows.
 */
@ApplicationScoped
public class AuditCheckpoints {

    private static final long ROWS_PER_FOLDER = 10_000;
    private static final Pattern NUMBERED = Pattern.compile("\\d{19}(\\.json)?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final String service;
    private final CheckpointKeys keys;
    private final Clock clock;

    @Inject
    public AuditCheckpoints(
            AuditConfig config, @ConfigProperty(name = "quarkus.application.name") String service, Clock clock) {
        this(
                config.checkpoints().directory(),
                service,
                CheckpointKeys.parse(
                        config.checkpoints().signingKey(), config.checkpoints().verifyKeys()),
                clock);
    }

    AuditCheckpoints(Path directory, String service, CheckpointKeys keys, Clock clock) {
        this.root = directory.toAbsolutePath().resolve(service);
        this.service = service;
        this.keys = keys;
        this.clock = clock;
    }

    /** A checkpoint that is there but cannot be trusted: unreadable, for another chain, or not signed by a known key. */
    public static final class Untrusted extends RuntimeException {
        Untrusted(String message) {
            super(message);
        }
    }

    /** Fails the start when the directory cannot be made or written: checkpoints would silently stop. */
    void onStart(@Observes StartupEvent event) throws IOException {
        Files.createDirectories(root);
        Path probe = Files.createTempFile(root, ".probe-", ".tmp");
        Files.delete(probe);
    }

    /** The latest checkpoint of a school's chain, if any; {@link Untrusted} when the latest one is not genuine. */
    public Optional<AuditCheckpoint> latest(String schoolUrn) {
        Path school = folder(schoolUrn);
        for (Path bucket : numbered(school)) {
            List<Path> files = numbered(bucket);
            if (!files.isEmpty()) {
                return Optional.of(read(files.get(0), schoolUrn));
            }
        }
        return Optional.empty();
    }

    /** Signs and keeps a checkpoint of row {@code seq} with hash {@code hash}, taken now. */
    public AuditCheckpoint write(String schoolUrn, long seq, String hash) {
        AuditCheckpoint checkpoint = keys.sign(service, schoolUrn, seq, hash, clock.instant());
        ObjectNode json = JSON.createObjectNode()
                .put("service", checkpoint.service())
                .put("school", checkpoint.schoolUrn())
                .put("seq", checkpoint.seq())
                .put("hash", checkpoint.hash())
                .put("at", checkpoint.at().toString())
                .put("keyId", checkpoint.keyId())
                .put("signature", checkpoint.signature());
        Path bucket = folder(schoolUrn).resolve(String.format("%019d", seq / ROWS_PER_FOLDER));
        Path target = bucket.resolve(String.format("%019d.json", seq));
        try {
            Files.createDirectories(bucket);
            if (Files.exists(target)) {
                throw new IllegalStateException(
                        "a checkpoint of row " + seq + " of school " + schoolUrn + " is already kept: " + target);
            }
            Path temporary = bucket.resolve(".tmp-" + UUID.randomUUID());
            try (FileChannel channel =
                    FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                channel.write(
                        ByteBuffer.wrap(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json)));
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            return checkpoint;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the audit checkpoint " + target, e);
        }
    }

    private Path folder(String schoolUrn) {
        if (!SchoolUrn.isValid(schoolUrn)) {
            throw new IllegalArgumentException("not a school URN: " + schoolUrn);
        }
        return root.resolve(schoolUrn);
    }

    /** The entries of a folder named by zero-padded numbers, highest first; none if the folder is missing. */
    private static List<Path> numbered(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(
                            p -> NUMBERED.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString())
                            .reversed())
                    .toList();
        } catch (IOException e) {
            throw new Untrusted("cannot list the audit checkpoints in " + folder + ": " + e.getMessage());
        }
    }

    private AuditCheckpoint read(Path file, String schoolUrn) {
        AuditCheckpoint checkpoint;
        try {
            JsonNode json = JSON.readTree(file.toFile());
            checkpoint = new AuditCheckpoint(
                    json.path("service").asText(),
                    json.path("school").asText(),
                    json.path("seq").asLong(),
                    json.path("hash").asText(),
                    Instant.parse(json.path("at").asText()),
                    json.path("keyId").asText(),
                    json.path("signature").asText());
        } catch (IOException | RuntimeException e) {
            throw new Untrusted("the latest audit checkpoint " + file + " cannot be read");
        }
        if (!keys.verifies(checkpoint)) {
            throw new Untrusted("the latest audit checkpoint " + file + " is not signed by a known checkpoint key");
        }
        if (!checkpoint.service().equals(service)
                || !checkpoint.schoolUrn().equals(schoolUrn)
                || !file.getFileName().toString().equals(String.format("%019d.json", checkpoint.seq()))) {
            throw new Untrusted("the latest audit checkpoint " + file + " belongs to another chain or row");
        }
        return checkpoint;
    }
}
