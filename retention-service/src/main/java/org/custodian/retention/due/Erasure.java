package org.custodian.retention.due;

import java.time.LocalDate;
import java.util.List;

/** An approved erasure of a pupil's data in the given categories (all when empty). */
public record Erasure(String requestId, LocalDate approvedOn, List<String> categories) {
    public Erasure {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
