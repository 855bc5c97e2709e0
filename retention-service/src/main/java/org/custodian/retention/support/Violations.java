package org.custodian.retention.support;

import java.util.List;
import org.custodian.platform.problems.Problem;
import org.custodian.platform.problems.ProblemException;
import org.custodian.platform.problems.Problems;

/** Turns domain violations into problem responses. */
public final class Violations {

    private Violations() {}

    /** A 400 validation problem listing each violation by field, when there are any. */
    public static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw Problems.invalid(errors(violations));
        }
    }

    public static List<Problem.FieldError> errors(List<Violation> violations) {
        return violations.stream()
                .map(v -> new Problem.FieldError(v.field(), v.message()))
                .toList();
    }

    /** A 409 problem that also lists what conflicts, field by field. */
    public static ProblemException conflict(String detail, List<Violation> conflicts) {
        return new ProblemException(new Problem(
                Problem.TYPE_BASE + "conflict",
                "Conflict",
                409,
                detail,
                null,
                conflicts.isEmpty() ? null : errors(conflicts)));
    }
}
