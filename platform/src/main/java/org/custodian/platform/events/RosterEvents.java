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

    /**
     * {@code pupil.enrolled} and {@code pupil.updated}: a pupil's facts after the change. {@code destinationUrn} is the
     * URN of the school the pupil left for, when the MIS knows it (null: unknown, or not leaving). {@code competence} is
     * the DPO's current assessment of the child's competence, which overrides the school's competence age either way
     * from the day it was made (null: none recorded). Both are absent from events written before they existed.
     */
    public record PupilChanged(
            String pupilId,
            LocalDate dateOfBirth,
            Integer yearGroup,
            LocalDate admissionDate,
            LocalDate leavingDate,
            boolean onRoll,
            String destinationUrn,
            CompetenceAssessment competence) {

        public PupilChanged(
                String pupilId,
                LocalDate dateOfBirth,
                Integer yearGroup,
                LocalDate admissionDate,
                LocalDate leavingDate,
                boolean onRoll) {
            this(pupilId, dateOfBirth, yearGroup, admissionDate, leavingDate, onRoll, null, null);
        }
    }

    /**
     * The DPO's assessment of whether a child understands their data protection rights: {@code competent} from {@code
     * assessedOn} on, whatever the school's competence age says. The reason stays in consent-service.
     */
    public record CompetenceAssessment(boolean competent, LocalDate assessedOn) {}

    /**
     * {@code pupil.left}: a leaving date was set, or the school the pupil left for became known or changed. {@code
     * destinationUrn} is that school's URN (null: unknown, so a statutory transfer goes to the local authority); it is
     * absent from events written before it existed.
     */
    public record PupilLeft(String pupilId, LocalDate leavingDate, String destinationUrn) {

        public PupilLeft(String pupilId, LocalDate leavingDate) {
            this(pupilId, leavingDate, null);
        }
    }

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
