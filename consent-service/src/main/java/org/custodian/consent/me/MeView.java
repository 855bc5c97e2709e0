package org.custodian.consent.me;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.consent.decision.ConsentStatus;
import org.custodian.consent.roster.PupilView;
import org.custodian.consent.roster.Relationship;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who the caller is, their schools, and for a parent their children's consents: a parent's home page in one call. */
@Schema(
        name = "Me",
        requiredProperties = {"subject", "roles", "schools"})
public record MeView(
        @Schema(description = "the caller's subject (a guardian id for a parent, a pupil id for a pupil)")
        String subject,

        @Schema(description = "the caller's roles") Set<String> roles,

        @Schema(description = "the caller's schools") List<School> schools) {

    /** One of the caller's schools; for a parent their children there, for a pupil themselves. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "MeSchool",
            requiredProperties = {"urn", "name"})
    public record School(
            @Schema(description = "the school's DfE URN") String urn,

            @Schema(description = "the school's name") String name,

            @Schema(
                    nullable = true,
                    description = "a parent's children at the school: every child they are linked to, with or without"
                            + " parental responsibility (absent for anyone but a parent)")
            List<Child> children,

            @Schema(nullable = true, description = "a pupil's own record and consents (absent for anyone but a pupil)")
            Child self) {}

    /**
     * A child with every purpose of the school: its title, status and why. For a child the parent may not decide for
     * (linked without parental responsibility), {@code canDecide} is false, {@code reason} says why, and no consents
     * are shown.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "MeChild",
            requiredProperties = {"pupil"})
    public record Child(
            PupilView pupil,

            @Schema(
                    nullable = true,
                    description =
                            "the caller's relationship to the child, as the MIS records it (a parent's children only)")
            Relationship relationship,

            @Schema(
                    nullable = true,
                    description = "whether the school records the parent's consent decisions for this child: they hold"
                            + " parental responsibility for them (a parent's children only)")
            Boolean canDecide,

            @Schema(
                    nullable = true,
                    description = "why the caller cannot decide for the child (only when canDecide is false)")
            String reason,

            @Schema(
                    nullable = true,
                    description = "the status of every purpose of the school by purpose code (kept for older clients;"
                            + " purposes carries the same with titles and reasons); absent when canDecide"
                            + " is false")
            Map<String, ConsentStatus> consents,

            @Schema(
                    nullable = true,
                    description = "every purpose of the school, by code: its title, the status and why; absent when"
                            + " canDecide is false")
            List<Purpose> purposes) {}

    /** One purpose for one child, as a parent reads it. */
    @Schema(
            name = "MeChildPurpose",
            requiredProperties = {"purpose", "title", "status", "permitted", "explanation", "refreshWithPupil"})
    public record Purpose(
            @Schema(description = "the purpose's code, e.g. PHOTO_SOCIAL_MEDIA")
            String purpose,

            @Schema(description = "the purpose's title, e.g. \"Photos on the school's social media\"")
            String title,

            ConsentStatus status,

            @Schema(description = "whether the school may use the child's data for the purpose now")
            boolean permitted,

            @Schema(
                    description = "why the status is what it is, in lines a parent reads: people are named by their"
                            + " relationship to the child (\"the child's father\", \"you\"), never by id")
            List<String> explanation,

            @Schema(description = "the child is competent and the status rests on decisions made for them: ask them")
            boolean refreshWithPupil) {}
}
