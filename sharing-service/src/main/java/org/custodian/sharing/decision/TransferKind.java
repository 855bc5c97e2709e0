package org.custodian.sharing.decision;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a school must pass on when a pupil leaves: each kind has its own sharing purpose, its time limit in school days,
 * the data categories it may carry and the sectors it may go to.
 */
public enum TransferKind {
    /**
     * The common transfer file (reg 9(1)(a): "a record of the information set out in Schedule 2"): to the new school,
     * or to the local authority when the new school is unknown, within fifteen school days (reg 9(3)).
     */
    COMMON_TRANSFER_FILE(
            "common-transfer-file",
            15,
            true,
            EnumSet.of(
                    DataCategory.IDENTITY,
                    DataCategory.CONTACT,
                    DataCategory.CHARACTERISTICS,
                    DataCategory.ATTENDANCE,
                    DataCategory.ASSESSMENT,
                    DataCategory.EXCLUSIONS,
                    DataCategory.CURRICULAR_RECORDS),
            EnumSet.of(Sector.EDUCATION, Sector.LOCAL_AUTHORITY, Sector.CHILDRENS_SERVICES)),
    /** The educational record (reg 3): with the common transfer file, within the same fifteen school days (reg 9(3)). */
    EDUCATIONAL_RECORD(
            "educational-record-transfer",
            15,
            true,
            EnumSet.of(
                    DataCategory.IDENTITY,
                    DataCategory.CURRICULAR_RECORDS,
                    DataCategory.ASSESSMENT,
                    DataCategory.ATTENDANCE,
                    DataCategory.EXCLUSIONS,
                    DataCategory.CHARACTERISTICS,
                    DataCategory.MEDICAL,
                    DataCategory.SUPPORT),
            EnumSet.of(Sector.EDUCATION, Sector.LOCAL_AUTHORITY, Sector.CHILDRENS_SERVICES)),
    /**
     * The child protection (safeguarding) file, only where the school holds one: to the new school's designated
     * safeguarding lead, separately from the main file, with confirmation of receipt. Keeping Children Safe in
     * Education (found, as quoted by local safeguarding partnerships): "transferred to the new school or college as soon
     * as possible, and within 5 days for an in-year transfer or within the first 5 days of the start of a new term".
     * KCSIE says days, not school days: counted as calendar days, the earliest reading (never later than 5 working or
     * school days, nor than the first 5 days of a new term).
     */
    SAFEGUARDING_FILE(
            "safeguarding-file-transfer",
            5,
            false,
            EnumSet.of(DataCategory.IDENTITY, DataCategory.CONTACT, DataCategory.SAFEGUARDING),
            EnumSet.of(Sector.EDUCATION));

    private final String purpose;
    private final int days;
    private final boolean schoolDays;
    private final Set<DataCategory> categories;
    private final Set<Sector> sectors;

    TransferKind(String purpose, int days, boolean schoolDays, Set<DataCategory> categories, Set<Sector> sectors) {
        this.purpose = purpose;
        this.days = days;
        this.schoolDays = schoolDays;
        this.categories = Set.copyOf(categories);
        this.sectors = Set.copyOf(sectors);
    }

    /** The sharing purpose an agreement and a disclosure name for this transfer. */
    public String purpose() {
        return purpose;
    }

    /** The time limit, in days after the pupil ceased to be registered: school days or, see {@link #schoolDays()}, days. */
    public int days() {
        return days;
    }

    /** Whether the limit counts school days (reg 9(3)); otherwise days (KCSIE). */
    public boolean schoolDays() {
        return schoolDays;
    }

    public Set<DataCategory> categories() {
        return categories;
    }

    public Set<Sector> sectors() {
        return sectors;
    }

    /** Whether the school must confirm that the recipient received it (the safeguarding file, KCSIE). */
    public boolean needsReceipt() {
        return this == SAFEGUARDING_FILE;
    }

    /** Whether the school may not hold one at all (then the DPO closes it as not held). */
    public boolean onlyIfHeld() {
        return this == SAFEGUARDING_FILE;
    }

    public static Optional<TransferKind> forPurpose(String purpose) {
        if (purpose == null) {
            return Optional.empty();
        }
        String p = purpose.trim().toLowerCase(Locale.ROOT);
        for (TransferKind kind : values()) {
            if (kind.purpose.equals(p)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
