package org.custodian.retention.due;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything known about one pupil that can move a due date.
 *
 * @param pupil       roster facts, or null when the roster has not told us about the pupil yet
 * @param withdrawals consent purpose code → the first day without consent for it: refused, withdrawn or expired (and
 *                    not given again)
 * @param erasures    approved erasures
 * @param endedHow    consent purpose code → how consent ended ({@code REFUSED}, {@code WITHDRAWN}, {@code EXPIRED},
 *                    ...); a purpose missing here was withdrawn
 */
public record SubjectFacts(
        PupilFacts pupil, Map<String, LocalDate> withdrawals, List<Erasure> erasures, Map<String, String> endedHow) {

    public static final SubjectFacts NONE = new SubjectFacts(null, Map.of(), List.of());

    public SubjectFacts {
        withdrawals = withdrawals == null ? Map.of() : Map.copyOf(withdrawals);
        erasures = erasures == null ? List.of() : List.copyOf(erasures);
        endedHow = endedHow == null ? Map.of() : Map.copyOf(endedHow);
    }

    /** Facts whose consent ends were all withdrawals. */
    public SubjectFacts(PupilFacts pupil, Map<String, LocalDate> withdrawals, List<Erasure> erasures) {
        this(pupil, withdrawals, erasures, Map.of());
    }

    /** How consent for the purpose ended, in words: "refused", "withdrawn", "expired", ... */
    public String howEnded(String purpose) {
        String how = endedHow.getOrDefault(purpose, "WITHDRAWN");
        return switch (how) {
            case "REFUSED" -> "refused";
            case "EXPIRED" -> "expired";
            case "WITHDRAWN" -> "withdrawn";
            case "RENEWAL_NEEDED" -> "no longer counts (the purpose was reworded; consent must be asked again)";
            default -> "no longer counts (" + how + ")";
        };
    }
}
