package org.custodian.retention.disposal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.custodian.platform.http.Params;
import org.custodian.platform.idempotency.IdempotencyKeys;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.platform.time.LegalTime;
import org.custodian.retention.hold.LegalHoldService;
import org.custodian.retention.holding.Holding;
import org.custodian.retention.holding.HoldingResource.HoldingView;
import org.custodian.retention.support.Actor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The owning system's confirmation that it destroyed (or transferred) a record approved for disposal. */
@Path("/api/v1/schools/{urn}/holdings/{id}/destruction-confirmation")
@Tag(name = "Disposal")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DestructionConfirmationResource {

    /**
     * @param disposedOn the day the record was destroyed (or transferred)
     * @param method     how, e.g. "cross-cut shredding", "secure deletion", "sent by S2S"
     * @param by         who did it, as the school names them (a role or a contractor, not necessarily a person)
     */
    public record ConfirmationRequest(
            @NotNull LocalDate disposedOn,
            @NotBlank @Size(max = 200) String method,
            @NotBlank @Size(max = 200) String by) {}

    private final Caller caller;
    private final DisposalService disposals;
    private final LegalHoldService holds;
    private final IdempotencyKeys idempotency;
    private final Clock clock;

    public DestructionConfirmationResource(
            Caller caller,
            DisposalService disposals,
            LegalHoldService holds,
            IdempotencyKeys idempotency,
            Clock clock) {
        this.caller = caller;
        this.disposals = disposals;
        this.holds = holds;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({Roles.MIS, Roles.SCHOOL_ADMIN, Roles.DPO})
    @Operation(summary = "Confirm that an approved record was destroyed (or transferred)")
    @APIResponse(
            responseCode = "200",
            description = "The holding, now DISPOSED or TRANSFERRED; record.disposed is emitted",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HoldingView.class)))
    @APIResponse(
            responseCode = "400",
            description = "A date in the future or before the approval; missing method or by")
    @APIResponse(responseCode = "404", description = "No such holding in this school")
    @APIResponse(
            responseCode = "409",
            description = "Already destroyed, not approved for disposal, "
                    + "or the Idempotency-Key was used with another request")
    public Response confirm(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            examples = @ExampleObject(name = "shredded", value = """
                                    {"disposedOn": "2026-11-27", "method": "cross-cut shredding (contractor certificate 5521)", "by": "School business manager"}""")))
                    @Valid
                    @NotNull
                    ConfirmationRequest request) {
        caller.requireSchool(urn);
        UUID holdingId = Params.pathId(id, "holding");
        return idempotency.execute(
                caller.subject(),
                idempotencyKey,
                "POST /api/v1/schools/" + urn + "/holdings/" + holdingId + "/destruction-confirmation",
                request,
                () -> {
                    Holding holding = disposals.confirm(
                            Actor.of(caller), urn, holdingId, request.disposedOn(), request.method(), request.by());
                    return Response.ok(HoldingView.of(holding, holds.activeRules(urn), LegalTime.today(clock)))
                            .build();
                });
    }
}
