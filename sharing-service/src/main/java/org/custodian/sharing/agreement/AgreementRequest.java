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
import org.custodian.sharing.decision.DataCategory;
import org.custodian.sharing.decision.LawfulBasis;
import org.custodian.sharing.decision.TransferSafeguard;

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
        Map<ActionKind, @NotNull @Valid DeadlineRequest> actionDeadlines) {}
