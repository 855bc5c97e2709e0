package org.custodian.retention.due;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything known about one pupil that can move a due date.
 *
 * @param pupil       roster facts, or null when the roster has not told us about the pupil yet
 * @param withdrawals consent purpose code → the day consent for it was withdrawn (and not given again)
 * @param erasures    approved erasures
 */
public record SubjectFacts(PupilFacts pupil, Map<String, LocalDate> withdrawals, List<Erasure> erasures) {

    public static final SubjectFacts NONE = new SubjectFacts(null, Map.of(), List.of());

    public SubjectFacts {
        withdrawals = withdrawals == null ? Map.of() : Map.copyOf(withdrawals);
        erasures = erasures == null ? List.of() : List.copyOf(erasures);
    }
}
