package org.custodian.consent.revocation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What to revoke, exactly one of a subject and a token id, and why. */
@Schema(description = "Exactly one of subject and tokenId, and the reason")
public record TokenRevocationRequest(
        @Schema(description = "A token subject (sub): every token of it issued until now is refused", examples = "G-17")
        @Size(max = 255)
        String subject,

        @Schema(
                description = "A token id (jti): that token is refused",
                examples = "5d3c1e0a-8f57-4c2b-9a51-0f6a3c2d1b7e")
        @Size(max = 255)
        String tokenId,

        @Schema(
                description = "Why, for the record (a lost phone, a member of staff who left)",
                examples = "parent reported a lost phone")
        @NotBlank
        @Size(max = 1000)
        String reason) {}
