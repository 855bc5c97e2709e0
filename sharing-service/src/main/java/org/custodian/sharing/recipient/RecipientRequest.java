package org.custodian.sharing.recipient;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.custodian.sharing.decision.Sector;
import org.custodian.sharing.recipient.Recipient.Kind;
import org.custodian.sharing.recipient.Recipient.Status;

/**
 * @param sector what sort of organisation it is; decides whether an emergency disclosure may go to it. Absent: OTHER
 *               for a new recipient, unchanged on an update.
 * @param partnerId the partner organisation this recipient is (the {@code partner_id} of its tokens, issue 17): its
 *               token then reaches this recipient's actions, deliveries and webhook endpoints. Absent: none for a new
 *               recipient, unchanged on an update; {@code ""} unlinks.
 */
public record RecipientRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull Kind kind,
        Sector sector,

        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "an ISO 3166-1 alpha-2 code such as GB")
        String country,

        @Size(max = 500) String contact,
        @Size(max = 200) String contractReference,
        @Size(max = 1000) String description,
        Status status,

        @Pattern(
                regexp = "|[A-Za-z0-9][A-Za-z0-9._:-]{0,99}",
                message = "1 to 100 letters, digits and . _ : - (starting with a letter or digit), or empty to unlink")
        String partnerId) {}
