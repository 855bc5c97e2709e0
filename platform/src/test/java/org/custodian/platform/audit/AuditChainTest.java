package org.custodian.platform.audit;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.custodian.platform.audit.AuditEntry.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChainTest {

    private static AuditEntry entry(int i) {
        return new AuditEntry("100001", Instant.parse("2026-11-28T14:00:00Z").plusSeconds(i), "dpo-" + i, "dpo",
                "pupils/P" + i, "consent.withdrawn", Outcome.SUCCESS, "req-" + i, i % 2 == 0 ? null : "detail " + i);
    }

    private static List<AuditRecord> chain(int length) {
        List<AuditRecord> rows = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= length; i++) {
            String hash = AuditChain.hash(i, prev, entry(i));
            rows.add(new AuditRecord(i, entry(i), prev, hash));
            prev = hash;
        }
        return rows;
    }

    private static AuditVerification verify(List<AuditRecord> rows, long headSeq, String headHash) {
        AuditChain.Verifier verifier = new AuditChain.Verifier();
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
    void hashIsSha256Hex() {
        assertThat(AuditChain.hash(1, AuditChain.GENESIS, entry(1))).matches("[0-9a-f]{64}");
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        AuditEntry a = new AuditEntry("100001", Instant.EPOCH, "ab", "c", null, "x", Outcome.SUCCESS, null, null);
        AuditEntry b = new AuditEntry("100001", Instant.EPOCH, "a", "bc", null, "x", Outcome.SUCCESS, null, null);
        assertThat(AuditChain.hash(1, AuditChain.GENESIS, a)).isNotEqualTo(AuditChain.hash(1, AuditChain.GENESIS, b));
        AuditEntry nullDetail = new AuditEntry("100001", Instant.EPOCH, "a", "b", null, "x", Outcome.SUCCESS, null, null);
        AuditEntry emptyDetail = new AuditEntry("100001", Instant.EPOCH, "a", "b", null, "x", Outcome.SUCCESS, null, "");
        assertThat(AuditChain.hash(1, AuditChain.GENESIS, nullDetail)).isNotEqualTo(AuditChain.hash(1, AuditChain.GENESIS, emptyDetail));
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
    void changingAnyFieldOfAnyRowIsCaught(@ForAll @IntRange(min = 2, max = 12) int length,
                                          @ForAll("rowIndex") int pick,
                                          @ForAll("field") int field) {
        List<AuditRecord> rows = new ArrayList<>(chain(length));
        int index = pick % length;
        AuditRecord row = rows.get(index);
        rows.set(index, new AuditRecord(row.seq(), tamper(row.entry(), field), row.prevHash(), row.hash()));

        AuditVerification result = verify(rows, rows.get(length - 1).seq(), rows.get(length - 1).hash());

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(row.seq());
    }

    @Property
    void deletingAnyRowButTheLastIsCaught(@ForAll @IntRange(min = 2, max = 12) int length, @ForAll("rowIndex") int pick) {
        List<AuditRecord> rows = new ArrayList<>(chain(length));
        int index = pick % (length - 1);
        AuditRecord head = rows.get(length - 1);
        rows.remove(index);

        AuditVerification result = verify(rows, head.seq(), head.hash());

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(index + 1L);
    }

    @Property
    void rehashingAChangedRowStillBreaksTheNextLink(@ForAll @IntRange(min = 2, max = 12) int length, @ForAll("rowIndex") int pick) {
        List<AuditRecord> rows = new ArrayList<>(chain(length));
        int index = pick % (length - 1);
        AuditRecord row = rows.get(index);
        AuditEntry forged = tamper(row.entry(), 0);
        rows.set(index, new AuditRecord(row.seq(), forged, row.prevHash(), AuditChain.hash(row.seq(), row.prevHash(), forged)));

        AuditVerification result = verify(rows, rows.get(length - 1).seq(), rows.get(length - 1).hash());

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
            case 0 -> new AuditEntry(e.schoolUrn(), e.occurredAt(), "someone-else", e.actorRole(), e.subject(), e.action(), e.outcome(), e.requestId(), e.detail());
            case 1 -> new AuditEntry(e.schoolUrn(), e.occurredAt(), e.actor(), "auditor", e.subject(), e.action(), e.outcome(), e.requestId(), e.detail());
            case 2 -> new AuditEntry(e.schoolUrn(), e.occurredAt(), e.actor(), e.actorRole(), "pupils/OTHER", e.action(), e.outcome(), e.requestId(), e.detail());
            case 3 -> new AuditEntry(e.schoolUrn(), e.occurredAt(), e.actor(), e.actorRole(), e.subject(), "consent.granted", e.outcome(), e.requestId(), e.detail());
            case 4 -> new AuditEntry(e.schoolUrn(), e.occurredAt(), e.actor(), e.actorRole(), e.subject(), e.action(), Outcome.DENIED, e.requestId(), e.detail());
            case 5 -> new AuditEntry(e.schoolUrn(), e.occurredAt().plusMillis(1), e.actor(), e.actorRole(), e.subject(), e.action(), e.outcome(), e.requestId(), e.detail());
            case 6 -> new AuditEntry(e.schoolUrn(), e.occurredAt(), e.actor(), e.actorRole(), e.subject(), e.action(), e.outcome(), "forged", e.detail());
            default -> new AuditEntry(e.schoolUrn(), e.occurredAt(), e.actor(), e.actorRole(), e.subject(), e.action(), e.outcome(), e.requestId(), "changed");
        };
    }
}
