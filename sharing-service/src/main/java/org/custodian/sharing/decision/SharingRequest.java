package org.custodian.sharing.decision;

import java.time.LocalDate;
import java.util.Set;

/**
 * What is to be disclosed, for what purpose and on which day (Europe/London).
 *
 * @param emergency the discloser gave a written justification that the disclosure protects someone's vital interests
 */
public record SharingRequest(String purpose, Set<DataCategory> categories, LocalDate on, boolean emergency) {

    public SharingRequest {
        categories = Set.copyOf(categories);
    }
}
