package org.custodian.consent.check;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.consent.decision.ConsentStatus;
import org.custodian.consent.decision.StoredStatus;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.time.LegalTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The hot path: effective statuses for many pupils and purposes, and the class list for one purpose, each answered
 * from the stored statuses by one indexed query.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class ConsentCheckService {

    /** One pupil's row of the matrix; {@code permitted} is what a teacher acts on. */
    public record PupilResult(
            String pupilId,
            boolean onRoll,
            @Schema(nullable = true) Map<String, Cell> statuses) {}

    public record Cell(ConsentStatus status, boolean permitted) {}

    public record Matrix(List<PupilResult> results, List<String> unknownPupils) {}

    /** A pupil on a class list. */
    public record Listed(
            String pupilId,
            @Schema(nullable = true) String givenName,
            @Schema(nullable = true) String familyName,
            int yearGroup,
            ConsentStatus status,
            @Schema(nullable = true) LocalDate validUntil) {}

    private final ConsentCheckQueries queries;
    private final Clock clock;

    public ConsentCheckService(ConsentCheckQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** The matrix of up to 1,000 pupils × 20 purposes (duplicates asked once); unknown pupils are listed. */
    public Matrix check(String urn, List<String> pupilIds, List<String> purposeCodes) {
        List<String> pupils = List.copyOf(new LinkedHashSet<>(pupilIds));
        List<String> codes = List.copyOf(new LinkedHashSet<>(purposeCodes));
        Set<String> known = queries.knownPurposes(urn, codes);
        List<String> unknownPurposes =
                codes.stream().filter(c -> !known.contains(c)).toList();
        if (!unknownPurposes.isEmpty()) {
            throw Problems.invalid("purposes", "unknown purpose code(s) " + String.join(", ", unknownPurposes));
        }
        LocalDate day = LegalTime.today(clock);
        Map<String, PupilResult> results = new LinkedHashMap<>();
        Set<String> unknownPupils = new LinkedHashSet<>();
        for (ConsentCheckQueries.MatrixRow row : queries.matrix(urn, pupils, codes)) {
            if (!row.pupilKnown()) {
                unknownPupils.add(row.pupilId());
                continue;
            }
            boolean onRoll = row.leavingDate() == null || !day.isAfter(row.leavingDate());
            ConsentStatus status =
                    statusOn(day, row.pupilId(), row.code(), row.status(), row.effectiveVersion(), row.validUntil());
            results.computeIfAbsent(row.pupilId(), id -> new PupilResult(id, onRoll, new LinkedHashMap<>()))
                    .statuses()
                    .put(row.code(), new Cell(status, onRoll && status == ConsentStatus.GRANTED));
        }
        return new Matrix(new ArrayList<>(results.values()), new ArrayList<>(unknownPupils));
    }

    /** Pupils on roll with a status for a purpose (default GRANTED), in id order, optionally of one year group. */
    public Page<Listed> classList(
            String urn, String purpose, ConsentStatus status, Integer yearGroup, PageRequest page) {
        if (queries.knownPurposes(urn, List.of(purpose)).isEmpty()) {
            throw Problems.notFound("no purpose " + purpose);
        }
        LocalDate day = LegalTime.today(clock);
        List<Listed> rows =
                queries
                        .classList(urn, purpose, status == null ? ConsentStatus.GRANTED : status, yearGroup, day, page)
                        .stream()
                        .map(r -> new Listed(
                                r.pupilId(),
                                r.givenName(),
                                r.familyName(),
                                r.yearGroup(),
                                statusOn(day, r.pupilId(), purpose, r.status(), r.effectiveVersion(), r.validUntil()),
                                r.validUntil()))
                        .toList();
        return Page.fromRows(rows, page, l -> List.of(l.pupilId()));
    }

    private static ConsentStatus statusOn(
            LocalDate day,
            String pupilId,
            String purpose,
            String stored,
            Integer effectiveVersion,
            LocalDate validUntil) {
        return stored == null
                ? ConsentStatus.NOT_ASKED
                : new StoredStatus(pupilId, purpose, ConsentStatus.valueOf(stored), effectiveVersion, validUntil)
                        .statusOn(day);
    }
}
