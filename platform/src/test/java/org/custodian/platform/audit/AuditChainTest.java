package org.custodian.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.custodian.platform.audit.AuditEntry.Outcome;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    static final AuditKeys KEYS = AuditKeys.parse("k1:tmMQosl/vN8wEuwqpgMn+SVWQmbpphHuG8eKg/hMfDU=");
    static final AuditKeys ROTATED = AuditKeys.parse(
            "k2:cxDua0FxKYSbsFkPMGEKJ9wFvbc3dpleP5qm/lzL5sY=,k1:tmMQosl/vN8wEuwqpgMn+SVWQmbpphHuG8eKg/hMfDU=");
    /** Someone else's key under the same id: what an attacker without the real key could use. */
    static final AuditKeys FORGED =
            AuditKeys.parse("k1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]));

    private static AuditEntry entry(int i) {
        return new AuditEntry(
                "100001",
                Instant.parse("2026-11-28T14:00:00Z").plusSeconds(i),
                "dpo-" + i,
                "dpo",
                "pupils/P" + i,
                "consent.withdrawn",
                Outcome.SUCCESS,
                "req-" + i,
                i % 2 == 0 ? null : "detail " + i);
    }

    private static List<AuditRecord> chain(int length) {
        return extend(new ArrayList<>(), length, KEYS, "k1");
    }

    /** Appends {@code n} rows keyed with {@code keyId} of {@code keys} (or unkeyed), as AuditLog.record would. */
    private static List<AuditRecord> extend(List<AuditRecord> rows, int n, AuditKeys keys, String keyId) {
        String prev =
                rows.isEmpty() ? AuditChain.GENESIS : rows.get(rows.size() - 1).hash();
        for (int i = rows.size() + 1, end = rows.size() + n; i <= end; i++) {
            String hash = AuditChain.hash(keys, keyId, i, prev, entry(i));
            rows.add(new AuditRecord(i, entry(i), keyId, prev, hash));
            prev = hash;
        }
        return rows;
    }

    /** From row {@code from} on, every row's hash and link recomputed with {@code keys} under {@code keyId}. */
    private static List<AuditRecord> rehashFrom(List<AuditRecord> rows, int from, AuditKeys keys, String keyId) {
        List<AuditRecord> out = new ArrayList<>(rows.subList(0, from - 1));
        String prev =
                out.isEmpty() ? AuditChain.GENESIS : out.get(out.size() - 1).hash();
        for (AuditRecord row : rows.subList(from - 1, rows.size())) {
            String hash = AuditChain.hash(keys, keyId, row.seq(), prev, row.entry());
            out.add(new AuditRecord(row.seq(), row.entry(), keyId, prev, hash));
            prev = hash;
        }
        return out;
    }

    private static AuditCheckpoint checkpointOf(AuditRecord row) {
        return new AuditCheckpoint(
                "test-service",
                "100001",
                row.seq(),
                row.hash(),
                Instant.parse("2026-11-28T15:00:00Z"),
                "c1",
                "signature");
    }

    private static AuditVerification verify(List<AuditRecord> rows, long headSeq, String headHash) {
        return verify(KEYS, null, rows, headSeq, headHash);
    }

    private static AuditVerification verify(AuditKeys keys, AuditCheckpoint checkpoint, List<AuditRecord> rows) {
        AuditRecord last = rows.get(rows.size() - 1);
        return verify(keys, checkpoint, rows, last.seq(), last.hash());
    }

    private static AuditVerification verify(
            AuditKeys keys, AuditCheckpoint checkpoint, List<AuditRecord> rows, long headSeq, String headHash) {
        AuditChain.Verifier verifier = new AuditChain.Verifier(keys, checkpoint);
        for (AuditRecord row : rows) {
            if (!verifier.accept(row)) {
                break;
            }
        }
        return verifier.finish("100001", headSeq, headHash);
    }

    private static AuditVerification verify(List<AuditRecord> rows) {
        AuditRecord last = rows.get(rows.size() - 1);
        return verify(rows, last.seq(), last.hash());
    }

    @Test
    void anIntactChainVerifies() {
        AuditVerification result = verify(chain(5));
        assertThat(result.intact()).isTrue();
        assertThat(result.rowsChecked()).isEqualTo(5);
        assertThat(result.firstBrokenSeq()).isNull();
    }

    @Test
    void anEmptyLogVerifiesAgainstAnEmptyHead() {
        assertThat(verify(List.of(), 0, AuditChain.GENESIS).intact()).isTrue();
    }

    @Test
    void hashIsAnHmacSha256InHexThatDependsOnTheKey() throws Exception {
        String keyed = AuditChain.hash(KEYS, "k1", 1, AuditChain.GENESIS, entry(1));
        assertThat(keyed).matches("[0-9a-f]{64}");
        assertThat(keyed).isNotEqualTo(AuditChain.unkeyedHash(1, AuditChain.GENESIS, entry(1)));
        assertThat(keyed).isNotEqualTo(AuditChain.hash(FORGED, "k1", 1, AuditChain.GENESIS, entry(1)));
        // the rows of before keyed chains: the same plain SHA-256 as always (hex of SHA-256 over the same input)
        assertThat(AuditChain.unkeyedHash(1, AuditChain.GENESIS, entry(1)))
                .isEqualTo(java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(("1:1;64:" + AuditChain.GENESIS
                                                + ";6:100001;20:2026-11-28T14:00:01Z;5:dpo-1;3:dpo;9:pupils/P1;"
                                                + "17:consent.withdrawn;7:SUCCESS;5:req-1;8:detail 1;")
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        AuditEntry a = new AuditEntry("100001", Instant.EPOCH, "ab", "c", null, "x", Outcome.SUCCESS, null, null);
        AuditEntry b = new AuditEntry("100001", Instant.EPOCH, "a", "bc", null, "x", Outcome.SUCCESS, null, null);
        assertThat(AuditChain.hash(KEYS, "k1", 1, AuditChain.GENESIS, a))
                .isNotEqualTo(AuditChain.hash(KEYS, "k1", 1, AuditChain.GENESIS, b));
        AuditEntry nullDetail =
                new AuditEntry("100001", Instant.EPOCH, "a", "b", null, "x", Outcome.SUCCESS, null, null);
        AuditEntry emptyDetail =
                new AuditEntry("100001", Instant.EPOCH, "a", "b", null, "x", Outcome.SUCCESS, null, "");
        assertThat(AuditChain.hash(KEYS, "k1", 1, AuditChain.GENESIS, nullDetail))
                .isNotEqualTo(AuditChain.hash(KEYS, "k1", 1, AuditChain.GENESIS, emptyDetail));
    }

    /** The CPU one audit write spends on its hash, plain SHA-256 (before) against a keyed HMAC (decision record 0013). */
    @Test
    void hashingCostIsMeasured() {
        int n = 200_000;
        AuditEntry e = entry(1);
        String sink = "";
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink = AuditChain.unkeyedHash(i, sink.isEmpty() ? AuditChain.GENESIS : sink, e);
            }
            long plain = System.nanoTime() - start;
            start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink = AuditChain.hash(KEYS, "k1", i, sink, e); // a fresh Mac each time, as AuditLog.record does
            }
            long keyed = System.nanoTime() - start;
            System.out.printf(
                    "MEASURE audit hash per row: plain SHA-256 %.2f us, HMAC-SHA256 with a fresh Mac %.2f us%n",
                    plain / 1000.0 / n, keyed / 1000.0 / n);
        }
        assertThat(sink).matches("[0-9a-f]{64}");
    }

    @Test
    void theKeyIdIsPartOfTheHash() {
        AuditKeys sameKeyTwoIds = AuditKeys.parse(
                "a:tmMQosl/vN8wEuwqpgMn+SVWQmbpphHuG8eKg/hMfDU=,b:tmMQosl/vN8wEuwqpgMn+SVWQmbpphHuG8eKg/hMfDU=");
        assertThat(AuditChain.hash(sameKeyTwoIds, "a", 1, AuditChain.GENESIS, entry(1)))
                .isNotEqualTo(AuditChain.hash(sameKeyTwoIds, "b", 1, AuditChain.GENESIS, entry(1)));
    }

    @Test
    void keysAreCheckedWhenRead() {
        assertThatThrownBy(() -> AuditKeys.parse("")).hasMessageContaining("at least one");
        assertThatThrownBy(() ->
                        AuditKeys.parse("short:" + java.util.Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("at least 32");
        assertThatThrownBy(() -> AuditKeys.parse("sha256:tmMQosl/vN8wEuwqpgMn+SVWQmbpphHuG8eKg/hMfDU="))
                .hasMessageContaining("unkeyed");
        assertThatThrownBy(
                        () -> AuditKeys.parse(
                                "k1:tmMQosl/vN8wEuwqpgMn+SVWQmbpphHuG8eKg/hMfDU=,k1:tmMQosl/vN8wEuwqpgMn+SVWQmbpphHuG8eKg/hMfDU="))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> AuditKeys.parse("k1:not base64!")).hasMessageContaining("not base64");
        assertThatThrownBy(() -> AuditKeys.parse("no-id-here")).hasMessageContaining("id:base64");
        assertThat(ROTATED.currentId()).isEqualTo("k2");
        assertThat(ROTATED.ids()).containsExactly("k2", "k1");
    }

    @Property
    void aChainRewrittenWithoutTheKeyIsCaughtAtTheRewrittenRow(
            @ForAll @IntRange(min = 2, max = 12) int length,
            @ForAll("rowIndex") int pick,
            @ForAll("field") int field,
            @ForAll boolean asUnkeyed) {
        // what someone with the database alone can do: change a row, then recompute every hash after it, either with
        // a key of their own under the real key's id or as plain SHA-256 rows
        List<AuditRecord> rows = new ArrayList<>(chain(length));
        int index = pick % length;
        AuditRecord row = rows.get(index);
        rows.set(
                index, new AuditRecord(row.seq(), tamper(row.entry(), field), row.keyId(), row.prevHash(), row.hash()));
        List<AuditRecord> forged = asUnkeyed
                ? rehashFrom(rows, index + 1, KEYS, AuditKeys.UNKEYED)
                : rehashFrom(rows, index + 1, FORGED, "k1");
        // a chain relabelled as unkeyed from its first row on looks like one from before keyed chains: only a
        // checkpoint
        // (here of the first row) tells them apart
        AuditCheckpoint checkpoint = asUnkeyed && index == 0 ? checkpointOf(chain(1).get(0)) : null;

        AuditVerification result = verify(KEYS, checkpoint, forged);

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(row.seq());
    }

    @Test
    void aWholeChainRelabelledAsUnkeyedIsCaughtByTheCheckpoint() {
        List<AuditRecord> rows = chain(6);
        AuditCheckpoint checkpoint = checkpointOf(rows.get(3));
        List<AuditRecord> relabelled = rehashFrom(rows, 1, KEYS, AuditKeys.UNKEYED);

        assertThat(verify(KEYS, checkpoint, rows).intact()).isTrue();
        AuditVerification result = verify(KEYS, checkpoint, relabelled);
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(4);
        assertThat(result.problem()).contains("checkpoint");
    }

    @Test
    void aRotatedKeyKeepsTheOldRowsVerifiable() {
        List<AuditRecord> rows = extend(chain(3), 3, ROTATED, "k2");

        AuditVerification withBothKeys = verify(ROTATED, null, rows);
        assertThat(withBothKeys.intact()).isTrue();
        assertThat(withBothKeys.rowsChecked()).isEqualTo(6);

        AuditVerification withoutTheOldKey =
                verify(AuditKeys.parse("k2:cxDua0FxKYSbsFkPMGEKJ9wFvbc3dpleP5qm/lzL5sY="), null, rows);
        assertThat(withoutTheOldKey.intact()).isFalse();
        assertThat(withoutTheOldKey.firstBrokenSeq()).isEqualTo(1);
        assertThat(withoutTheOldKey.problem()).contains("'k1'", "does not have");
    }

    @Test
    void truncatingTheTailBehindACheckpointIsCaughtEvenWithTheHeadMovedBack() {
        List<AuditRecord> rows = chain(10);
        AuditCheckpoint checkpoint = checkpointOf(rows.get(7));
        List<AuditRecord> cut = rows.subList(0, 6);

        AuditVerification result = verify(KEYS, checkpoint, cut);

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(7);
        assertThat(result.problem()).contains("anchors row 8", "removed");
    }

    @Test
    void truncatingOnlyRowsAfterTheLatestCheckpointIsNotCaught() {
        // the documented limit: rows after the latest checkpoint can be cut from the end without a trace
        List<AuditRecord> rows = chain(10);
        AuditCheckpoint checkpoint = checkpointOf(rows.get(7));

        AuditVerification whole = verify(KEYS, checkpoint, rows);
        assertThat(whole.intact()).isTrue();
        assertThat(whole.checkpointSeq()).isEqualTo(8);
        assertThat(whole.rowsAfterCheckpoint()).isEqualTo(2);

        AuditVerification cut = verify(KEYS, checkpoint, rows.subList(0, 8));
        assertThat(cut.intact()).isTrue();
        assertThat(cut.rowsAfterCheckpoint()).isZero();
    }

    @Property
    void withTheKeyButNotTheCheckpointsARewriteUpToTheCheckpointIsStillCaught(
            @ForAll @IntRange(min = 2, max = 12) int length, @ForAll("rowIndex") int pick) {
        List<AuditRecord> rows = chain(length);
        int anchored = 1 + pick % length;
        AuditCheckpoint checkpoint = checkpointOf(rows.get(anchored - 1));
        int index = pick % anchored;
        List<AuditRecord> changed = new ArrayList<>(rows);
        AuditRecord row = changed.get(index);
        changed.set(index, new AuditRecord(row.seq(), tamper(row.entry(), 0), row.keyId(), row.prevHash(), row.hash()));
        List<AuditRecord> rehashedWithTheRealKey = rehashFrom(changed, index + 1, KEYS, "k1");

        assertThat(verify(KEYS, null, rehashedWithTheRealKey).intact())
                .as("without a checkpoint the key holder wins")
                .isTrue();
        AuditVerification result = verify(KEYS, checkpoint, rehashedWithTheRealKey);
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo((long) anchored);
    }

    @Test
    void unkeyedRowsAreAcceptedOnlyAtTheStartAndOnlyAsFarAsACheckpointCoversThem() {
        List<AuditRecord> upgraded = extend(extend(new ArrayList<>(), 3, KEYS, AuditKeys.UNKEYED), 3, KEYS, "k1");
        AuditVerification anchored = verify(KEYS, checkpointOf(upgraded.get(4)), upgraded);
        assertThat(anchored.intact()).isTrue();
        assertThat(anchored.unkeyedRows()).isEqualTo(3);

        List<AuditRecord> unkeyedAfterKeyed = extend(chain(3), 2, KEYS, AuditKeys.UNKEYED);
        assertThat(verify(KEYS, null, unkeyedAfterKeyed).problem())
                .contains("row 4 is not keyed but follows keyed rows");

        List<AuditRecord> allUnkeyed = extend(new ArrayList<>(), 5, KEYS, AuditKeys.UNKEYED);
        assertThat(verify(KEYS, checkpointOf(allUnkeyed.get(2)), allUnkeyed).problem())
                .contains("row 4 is not keyed and no checkpoint covers it");
    }

    @Test
    void resumingAtACheckpointChecksOnlyTheRowsFromIt() {
        List<AuditRecord> rows = chain(8);
        AuditCheckpoint checkpoint = checkpointOf(rows.get(4));

        AuditChain.Verifier extension = AuditChain.Verifier.resumingAt(KEYS, checkpoint);
        rows.subList(4, 8).forEach(extension::accept);
        AuditVerification result = extension.finish("100001", 8, rows.get(7).hash());
        assertThat(result.intact()).isTrue();
        assertThat(result.rowsChecked()).isEqualTo(4);

        List<AuditRecord> rewritten = rehashFrom(rows, 5, FORGED, "k1");
        AuditChain.Verifier refused = AuditChain.Verifier.resumingAt(KEYS, checkpoint);
        rewritten.subList(4, 8).forEach(refused::accept);
        assertThat(refused.finish("100001", 8, rewritten.get(7).hash()).firstBrokenSeq())
                .isEqualTo(5);
    }

    @Test
    void deletingTheLastRowIsCaughtByTheHead() {
        List<AuditRecord> rows = chain(4);
        AuditRecord head = rows.get(3);
        AuditVerification result = verify(rows.subList(0, 3), head.seq(), head.hash());
        assertThat(result.intact()).isFalse();
        assertThat(result.problem()).contains("4 rows were written");
    }

    @Property
    void changingAnyFieldOfAnyRowIsCaught(
            @ForAll @IntRange(min = 2, max = 12) int length, @ForAll("rowIndex") int pick, @ForAll("field") int field) {
        List<AuditRecord> rows = new ArrayList<>(chain(length));
        int index = pick % length;
        AuditRecord row = rows.get(index);
        rows.set(
                index, new AuditRecord(row.seq(), tamper(row.entry(), field), row.keyId(), row.prevHash(), row.hash()));

        AuditVerification result =
                verify(rows, rows.get(length - 1).seq(), rows.get(length - 1).hash());

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(row.seq());
    }

    @Property
    void deletingAnyRowButTheLastIsCaught(
            @ForAll @IntRange(min = 2, max = 12) int length, @ForAll("rowIndex") int pick) {
        List<AuditRecord> rows = new ArrayList<>(chain(length));
        int index = pick % (length - 1);
        AuditRecord head = rows.get(length - 1);
        rows.remove(index);

        AuditVerification result = verify(rows, head.seq(), head.hash());

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(index + 1L);
    }

    @Property
    void rehashingAChangedRowStillBreaksTheNextLink(
            @ForAll @IntRange(min = 2, max = 12) int length, @ForAll("rowIndex") int pick) {
        List<AuditRecord> rows = new ArrayList<>(chain(length));
        int index = pick % (length - 1);
        AuditRecord row = rows.get(index);
        AuditEntry forged = tamper(row.entry(), 0);
        rows.set(
                index,
                new AuditRecord(
                        row.seq(),
                        forged,
                        row.keyId(),
                        row.prevHash(),
                        AuditChain.hash(KEYS, "k1", row.seq(), row.prevHash(), forged)));

        AuditVerification result =
                verify(rows, rows.get(length - 1).seq(), rows.get(length - 1).hash());

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(row.seq() + 1);
    }

    @Provide
    Arbitrary<Integer> rowIndex() {
        return Arbitraries.integers().between(0, 1000);
    }

    @Provide
    Arbitrary<Integer> field() {
        return Arbitraries.integers().between(0, 7);
    }

    private static AuditEntry tamper(AuditEntry e, int field) {
        return switch (field) {
            case 0 ->
                new AuditEntry(
                        e.schoolUrn(),
                        e.occurredAt(),
                        "someone-else",
                        e.actorRole(),
                        e.subject(),
                        e.action(),
                        e.outcome(),
                        e.requestId(),
                        e.detail());
            case 1 ->
                new AuditEntry(
                        e.schoolUrn(),
                        e.occurredAt(),
                        e.actor(),
                        "auditor",
                        e.subject(),
                        e.action(),
                        e.outcome(),
                        e.requestId(),
                        e.detail());
            case 2 ->
                new AuditEntry(
                        e.schoolUrn(),
                        e.occurredAt(),
                        e.actor(),
                        e.actorRole(),
                        "pupils/OTHER",
                        e.action(),
                        e.outcome(),
                        e.requestId(),
                        e.detail());
            case 3 ->
                new AuditEntry(
                        e.schoolUrn(),
                        e.occurredAt(),
                        e.actor(),
                        e.actorRole(),
                        e.subject(),
                        "consent.granted",
                        e.outcome(),
                        e.requestId(),
                        e.detail());
            case 4 ->
                new AuditEntry(
                        e.schoolUrn(),
                        e.occurredAt(),
                        e.actor(),
                        e.actorRole(),
                        e.subject(),
                        e.action(),
                        Outcome.DENIED,
                        e.requestId(),
                        e.detail());
            case 5 ->
                new AuditEntry(
                        e.schoolUrn(),
                        e.occurredAt().plusMillis(1),
                        e.actor(),
                        e.actorRole(),
                        e.subject(),
                        e.action(),
                        e.outcome(),
                        e.requestId(),
                        e.detail());
            case 6 ->
                new AuditEntry(
                        e.schoolUrn(),
                        e.occurredAt(),
                        e.actor(),
                        e.actorRole(),
                        e.subject(),
                        e.action(),
                        e.outcome(),
                        "forged",
                        e.detail());
            default ->
                new AuditEntry(
                        e.schoolUrn(),
                        e.occurredAt(),
                        e.actor(),
                        e.actorRole(),
                        e.subject(),
                        e.action(),
                        e.outcome(),
                        e.requestId(),
                        "changed");
        };
    }
}
