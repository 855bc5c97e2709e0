package org.custodian.platform.events;

import java.time.LocalDate;

/**
 * The {@code data} of the events on {@code custodian.roster.v1}, produced by consent-service. They carry identifiers
 * and the facts other services need (ages, dates, relationships), never names or contact details.
 */
public final class RosterEvents {

    private RosterEvents() {}

    /**
     * {@code school.updated}: the school profile settings other services keep a copy of. {@code nation} ({@link
     * org.custodian.platform.calendar.Nation}) is absent from events written before it existed: read it with {@code
     * Nation.parseOr(nation, region)}.
     */
    public record SchoolUpdated(
            String urn,
            String name,
            String type,
            String region,
            String dpoName,
            String dpoEmail,
            int competenceAge,
            String conflictPolicy,
            String nation) {

        public SchoolUpdated(
                String urn,
                String name,
                String type,
                String region,
                String dpoName,
                String dpoEmail,
                int competenceAge,
                String conflictPolicy) {
            this(urn, name, type, region, dpoName, dpoEmail, competenceAge, conflictPolicy, null);
        }
    }

    /** {@code pupil.enrolled} and {@code pupil.updated}: a pupil's facts after the change. */
    public record PupilChanged(
            String pupilId,
            LocalDate dateOfBirth,
            Integer yearGroup,
            LocalDate admissionDate,
            LocalDate leavingDate,
            boolean onRoll) {}

    /** {@code pupil.left}: a leaving date was set. */
    public record PupilLeft(String pupilId, LocalDate leavingDate) {}

    /**
     * {@code guardian.linked} and {@code guardian.unlinked}: one guardian–child link, as it is after the change.
     * {@code restricted} says the MIS marks the link as restricted (a court order or a contact restriction) and
     * {@code restriction} which kind ({@code COURT_ORDER}, {@code NO_CONTACT}; more kinds may follow): that person's
     * data is never included in a subject export and never counted there. {@code hasCare} says the person has care of
     * the child (the MIS's "lives with", e.g. a step-parent): a parent in the Education Act 1996 s.576 sense and in the
     * Protection of Freedoms Act 2012 s.28(6) sense without parental responsibility. All three are absent from events
     * written before they existed: read them with {@link #hasRestriction()} and {@link #caresForChild()}, and keep an
     * unknown kind as text.
     */
    public record GuardianLink(
            String guardianId,
            String pupilId,
            boolean parentalResponsibility,
            String relationship,
            Boolean restricted,
            String restriction,
            Boolean hasCare) {

        public GuardianLink(String guardianId, String pupilId, boolean parentalResponsibility, String relationship) {
            this(guardianId, pupilId, parentalResponsibility, relationship, false, null, null);
        }

        public GuardianLink(
                String guardianId,
                String pupilId,
                boolean parentalResponsibility,
                String relationship,
                Boolean restricted,
                String restriction) {
            this(guardianId, pupilId, parentalResponsibility, relationship, restricted, restriction, null);
        }

        /** Whether the person has care of the child; an event without the field says not. */
        public boolean caresForChild() {
            return Boolean.TRUE.equals(hasCare);
        }

        /** Whether the link is restricted; an event without the field is not. */
        public boolean hasRestriction() {
            return Boolean.TRUE.equals(restricted) || restriction != null;
        }
    }
}
