package org.custodian.sharing.decision;

import java.time.LocalDate;
import java.util.Set;

/**
 * What is to be disclosed, for what purpose and on which day (Europe/London), and by whom.
 *
 * @param emergency the discloser gave a written justification that the disclosure protects someone's vital interests
 * @param roles     the discloser's roles: an emergency overrides only for the roles {@link OverrideRules} names
 */
public record SharingRequest(
        String purpose, Set<DataCategory> categories, LocalDate on, boolean emergency, Set<String> roles) {

    public SharingRequest {
        categories = Set.copyOf(categories);
        roles = Set.copyOf(roles);
    }

    /** An ordinary request: no emergency justification. */
    public SharingRequest(String purpose, Set<DataCategory> categories, LocalDate on) {
        this(purpose, categories, on, false, Set.of());
    }
}
