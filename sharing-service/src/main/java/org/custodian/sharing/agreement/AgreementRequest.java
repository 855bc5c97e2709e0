package org.custodian.sharing.agreement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.custodian.platform.http.Params;
import org.custodian.sharing.actionkind.ActionKind;
import org.custodian.sharing.decision.AdequacyScheme;
import org.custodian.sharing.decision.DataCategory;
import org.custodian.sharing.decision.LawfulBasis;
import org.custodian.sharing.decision.RecipientRole;
import org.custodian.sharing.decision.RestrictionGround;
import org.custodian.sharing.decision.Schedule1Condition;
import org.custodian.sharing.decision.SpecialCategoryCondition;
import org.custodian.sharing.decision.TransferSafeguard;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record AgreementRequest(
        @NotNull UUID recipientId,
        @NotBlank @Size(max = 200) String name,

        @NotEmpty @Size(max = 20)
        Set<@NotNull @Pattern(regexp = Params.CODE, message = "a purpose code: letters, digits, . _ -") String>
                purposes,

        @NotEmpty Set<@NotNull DataCategory> dataCategories,
        @NotNull LawfulBasis lawfulBasis,

        @Pattern(regexp = Params.CODE, message = "a consent purpose code: letters, digits, . _ -")
        String consentPurpose,

        @Size(max = 500) String legalReference,
        @NotNull LocalDate validFrom,
        LocalDate validTo,

        @Pattern(regexp = "[A-Z]{2}", message = "an ISO 3166-1 alpha-2 code")
        String transferCountry,

        TransferSafeguard transferSafeguard,
        Map<ActionKind, @NotNull @Valid DeadlineRequest> actionDeadlines,

        @Schema(
                description = "The recipient's role for this data (UK GDPR Art. 28); absent: PROCESSOR when the "
                        + "recipient's kind is PROCESSOR, otherwise CONTROLLER. A processor works under the school's own "
                        + "basis (normally PUBLIC_TASK), never CONTRACT")
        RecipientRole recipientRole,

        @Schema(
                description = "The Art. 9(2) condition; required when dataCategories include special category data "
                        + "(CHARACTERISTICS, MEDICAL, SUPPORT, SAFEGUARDING, BIOMETRICS)")
        SpecialCategoryCondition specialCategoryCondition,

        @Schema(
                description = "The DPA 2018 Schedule 1 condition (s.10): Part 1 for Art. 9(2)(b), (h), (i), (j), "
                        + "Part 2 for Art. 9(2)(g); any of Parts 1-3 for criminal offence data (CRIMINAL_OFFENCES, "
                        + "SAFEGUARDING)")
        Schedule1Condition schedule1Condition,

        @Size(max = 500)
        @Schema(
                description = "The contract with the pupil (or made for them) that the CONTRACT basis rests on "
                        + "(Art. 6(1)(b)); required exactly when the basis is CONTRACT")
        String dataSubjectContract,

        @Schema(
                description = "For ADEQUACY to the US, Canada, Japan or Korea (partial adequacy): the scheme the "
                        + "recipient is in (UK_EXTENSION_DPF, PIPEDA, JAPAN_PRIVATE_SECTOR, KOREA_PIPA)")
        AdequacyScheme adequacyScheme,

        @Schema(
                description = "The Art. 18(2) ground on which data whose processing is restricted may still go "
                        + "under this agreement (CONSENT, LEGAL_CLAIMS, PROTECTION_OF_ANOTHER_PERSON, "
                        + "IMPORTANT_PUBLIC_INTEREST); absent: restricted data does not go")
        RestrictionGround restrictionGround) {}
