package org.custodian.sharing.disclosure;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.custodian.platform.http.Params;
import org.custodian.sharing.decision.DataCategory;
import org.custodian.sharing.decision.RestrictionGround;
import org.custodian.sharing.decision.TransferDerogation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * @param reason                 why the data is being shared (required for a disclosure, optional for a check)
 * @param emergencyJustification a written justification that the disclosure protects someone's vital interests
 *                               (e.g. safeguarding): from the DPO or the designated safeguarding lead only, to
 *                               children's services, health, police or emergency services, under an agreement
 *                               not resting on consent, it overrides a restriction or an objection; logged as an
 *                               override, the DPO alerted and asked to review it; to those recipients it goes even
 *                               with no agreement (vital interests needs none)
 * @param restrictionGround   the Art. 18(2) ground on which restricted data goes this time (recorded)
 * @param transferDerogation     the Art. 49(1) derogation for an occasional transfer outside the UK with no adequacy
 *                               or safeguard, e.g. a hospital abroad on a school trip (recorded)
 */
public record DisclosureRequest(
        @NotNull UUID recipientId,

        @NotEmpty @Size(max = DisclosureResource.MAX_PUPILS, message = "at most 1000 pupils per request")
        List<
                        @NotNull
                        @Pattern(
                                regexp = Params.PERSON_ID,
                                message = "a pupil id is 1 to 64 letters, digits or . _ : -")
                        String>
                pupilIds,

        @NotEmpty Set<@NotNull DataCategory> dataCategories,

        @NotBlank @Pattern(regexp = Params.CODE, message = "a purpose code: letters, digits, . _ -")
        String purpose,

        @Size(max = 2000) String reason,

        @Size(min = 20, max = 4000, message = "a written justification of 20 to 4000 characters")
        String emergencyJustification,

        @Schema(
                description = "The Art. 18(2) ground on which data whose processing is restricted goes this time: "
                        + "CONSENT, LEGAL_CLAIMS, PROTECTION_OF_ANOTHER_PERSON or IMPORTANT_PUBLIC_INTEREST (recorded)")
        RestrictionGround restrictionGround,

        @Schema(
                description = "The Art. 49(1) derogation for an occasional, necessary transfer outside the UK with no "
                        + "adequacy or safeguard (e.g. VITAL_INTERESTS for a hospital abroad on a school trip); recorded "
                        + "with the disclosure")
        TransferDerogation transferDerogation) {

    /** A request recording no Art. 18(2) ground and no Art. 49 derogation. */
    public DisclosureRequest(
            UUID recipientId,
            List<String> pupilIds,
            Set<DataCategory> dataCategories,
            String purpose,
            String reason,
            String emergencyJustification) {
        this(recipientId, pupilIds, dataCategories, purpose, reason, emergencyJustification, null, null);
    }
}
