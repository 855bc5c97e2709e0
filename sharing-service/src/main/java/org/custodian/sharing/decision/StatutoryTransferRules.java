package org.custodian.sharing.decision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.custodian.platform.calendar.WorkingDays;
import org.custodian.sharing.actionkind.ActionDeadline;

/**
 * The transfers the law requires when a pupil leaves, and the one exception they make to "only pupils on the roster".
 *
 * <p>Education (Pupil Information) (England) Regulations 2005 reg 9(3): "when a pupil ceases to be registered at a
 * [school] (the 'old school') and becomes a registered pupil at another school (the 'new school')" the common
 * transfer file and the educational record go to the new school within fifteen school days of the pupil ceasing to be
 * registered; where the new school is not known, to the local authority (the brief and legal-rules.md; the paragraph
 * saying so was not found in the stored text of reg 9). Keeping Children Safe in Education: the designated safeguarding
 * lead sends the child protection file, where there is one, to the new school "within 5 days for an in-year transfer
 * or within the first 5 days of the start of a new term", separately, and obtains confirmation of receipt; KCSIE says
 * days, so they are counted as calendar days, the earliest reading ({@link TransferKind#SAFEGUARDING_FILE}).
 *
 * <p><b>School days.</b> Sharing-service has no term calendar, so a due date counts working days (Monday to Friday
 * except England and Wales bank holidays, the kernel's {@link WorkingDays}), the way every other deadline here is
 * counted ({@link ActionDeadline#workingDays}). Every school day is a working day, so N working days never end later
 * than N school days: the date given is the earliest date the statutory limit can fall on, never later than it. A
 * school that counts its own term dates has at least until then.
 */
public final class StatutoryTransferRules {

    /** Where a transfer goes. */
    public enum Destination {
        NEW_SCHOOL,
        /** The common transfer file and educational record when the new school is not known. */
        LOCAL_AUTHORITY
    }

    /**
     * One transfer that falls due: what, where (and, when the roster names it, the new school's URN) and by when.
     */
    public record Due(TransferKind kind, Destination destination, String destinationUrn, LocalDate dueOn) {}

    private StatutoryTransferRules() {}

    /**
     * The last day for a transfer of {@code kind} for a pupil who ceased to be registered on {@code leftOn} (that day
     * never counts): the common transfer file of a pupil leaving on Friday 17 July 2026 is due by Friday 7 August 2026
     * (15 working days; the school's summer holiday would make the statutory date later, never earlier); its
     * safeguarding file by Wednesday 22 July 2026 (5 days).
     */
    public static LocalDate dueOn(TransferKind kind, LocalDate leftOn) {
        return kind.schoolDays() ? ActionDeadline.workingDays(kind.days()).dueOn(leftOn) : leftOn.plusDays(kind.days());
    }

    /**
     * Where a transfer of {@code kind} goes: the new school when the roster names it ({@code destinationUrn}); when it
     * does not, the common transfer file and educational record go to the local authority (reg 9(3)), while the
     * safeguarding file still waits for the new school's safeguarding lead (it never goes to the local authority in
     * its place).
     */
    public static Destination destination(TransferKind kind, String destinationUrn) {
        return destinationUrn != null || !kind.sectors().contains(Sector.LOCAL_AUTHORITY)
                ? Destination.NEW_SCHOOL
                : Destination.LOCAL_AUTHORITY;
    }

    /**
     * The transfers opened when a pupil leaves for the school {@code destinationUrn} (null: the roster does not know
     * it): each kind, addressed by {@link #destination}, with its last day.
     */
    public static List<Due> onLeaving(LocalDate leftOn, String destinationUrn) {
        List<Due> due = new ArrayList<>();
        for (TransferKind kind : TransferKind.values()) {
            due.add(new Due(kind, destination(kind, destinationUrn), destinationUrn, dueOn(kind, leftOn)));
        }
        return due;
    }

    /**
     * Whether leaving must not block this disclosure: the pupil has left (a leaving date on or before the day of the
     * disclosure), the purpose is one of the statutory transfers, every category asked for belongs to it, and the
     * recipient is of a sector it may go to (a school; for the common transfer file and educational record also the
     * local authority). Anything else about a pupil who has left is still refused {@link Reason#PUPIL_NOT_ON_ROSTER}.
     */
    public static boolean leavingDoesNotBlock(SharingRequest request, Sector recipientSector, PupilFacts pupil) {
        if (pupil.onRoster() || pupil.leftOn() == null || request.on().isBefore(pupil.leftOn())) {
            return false;
        }
        return TransferKind.forPurpose(request.purpose())
                .filter(kind -> kind.categories().containsAll(request.categories()))
                .filter(kind -> kind.sectors().contains(recipientSector))
                .isPresent();
    }

    /** Whether a due transfer is late on {@code today}: not sent (nor closed) and its last day has passed. */
    public static boolean overdue(LocalDate dueOn, boolean done, LocalDate today) {
        return !done && today.isAfter(dueOn);
    }
}
