package org.custodian.sharing.decision;

import java.time.LocalDate;
import java.util.Set;

/**
 * What is to be disclosed, for what purpose and on which day (Europe/London), and by whom.
 *
 * @param emergency          the discloser gave a written justification that the disclosure protects someone's vital
 *                           interests
 * @param roles              the discloser's roles: an emergency overrides only for the roles {@link OverrideRules} names
 * @param publicAuthority    the school is a public authority (a maintained school or an academy: DPA 2018 s.7, FOIA
 *                           2000 Sch. 1 Part IV), so legitimate interests is not available for its tasks (Art. 6(1))
 * @param restrictionGround the Art. 18(2) ground the discloser records for restricted data; null when none
 * @param transferDerogation the Art. 49(1) derogation the discloser records for an occasional transfer; null when none
 */
public record SharingRequest(
        String purpose,
        Set<DataCategory> categories,
        LocalDate on,
        boolean emergency,
        Set<String> roles,
        boolean publicAuthority,
        RestrictionGround restrictionGround,
        TransferDerogation transferDerogation) {

    public SharingRequest {
        categories = Set.copyOf(categories);
        roles = Set.copyOf(roles);
    }

    /** A request by a public authority school, nothing further recorded. */
    public SharingRequest(
            String purpose, Set<DataCategory> categories, LocalDate on, boolean emergency, Set<String> roles) {
        this(purpose, categories, on, emergency, roles, true, null, null);
    }

    /** An ordinary request: no emergency justification. */
    public SharingRequest(String purpose, Set<DataCategory> categories, LocalDate on) {
        this(purpose, categories, on, false, Set.of());
    }
}
