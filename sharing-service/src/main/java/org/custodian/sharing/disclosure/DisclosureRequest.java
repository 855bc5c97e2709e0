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

/**
 * @param reason                 why the data is being shared (required for a disclosure, optional for a check)
 * @param emergencyJustification a written justification that the disclosure protects someone's vital interests
 *                               (e.g. safeguarding): from the DPO or the designated safeguarding lead only, to
 *                               children's services, health, police or emergency services, under an agreement
 *                               not resting on consent, it overrides a restriction or an objection; logged as an
 *                               override, the DPO alerted and asked to review it
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
        String emergencyJustification) {}
