package org.custodian.sharing.transfer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.custodian.platform.http.Params;
import org.custodian.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The statutory transfers due after pupils leave (common transfer file, educational record, safeguarding file). HTTP
 * only; {@link DueTransferService} owns the work and the audit.
 */
@Path("/api/v1/schools/{urn}/due-transfers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Due transfers")
public class DueTransferResource {

    private final DueTransferService service;

    DueTransferResource(DueTransferService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(
            summary =
                    "The school's statutory transfers after pupils left, by last day: the common transfer file and "
                            + "educational record (reg 9(3), 15 school days; to the local authority while the new school is "
                            + "unknown) and the safeguarding file if held (KCSIE, 5 days, receipt confirmed), each with "
                            + "its due date (the earliest date the school-day limit can fall on), status and whether it is overdue")
    @APIResponse(responseCode = "200", description = "The due transfers (at most 1,000)")
    @APIResponse(responseCode = "400", description = "Bad pupilId or status")
    public List<DueTransferView> list(
            @PathParam("urn") String urn,
            @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = "^" + Params.PERSON_ID + "$"))
                    @QueryParam("pupilId")
                    String pupilId,
            @Parameter(schema = @Schema(enumeration = {"DUE", "SENT", "RECEIPT_CONFIRMED", "NOT_HELD"}))
                    @QueryParam("status")
                    String status) {
        return service.list(urn, pupilId, status);
    }

    @POST
    @Path("{id}/sent")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(summary = "Records a due transfer as sent, on a day, to the new school (its URN) or the local authority")
    @APIResponse(responseCode = "200", description = "The transfer, now SENT")
    @APIResponse(
            responseCode = "400",
            description = "Malformed id, missing or future sentOn, a new school without its URN, the safeguarding file "
                    + "to the local authority")
    @APIResponse(responseCode = "404", description = "No due transfer with that id in this school")
    @APIResponse(responseCode = "409", description = "Already sent or closed")
    public DueTransferView sent(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "to the new school", value = """
                                            {"sentOn": "2026-11-20", "destination": "NEW_SCHOOL", \
                                            "destinationUrn": "123456", "note": "CTF by School to School"}
                                            """)))
                    @Valid
                    @NotNull
                    SentRequest request) {
        return service.sent(urn, Params.uuid("id", id), request);
    }

    @POST
    @Path("{id}/receipt")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(summary = "Records that the new school's safeguarding lead confirmed receipt of the safeguarding file")
    @APIResponse(responseCode = "200", description = "The transfer, now RECEIPT_CONFIRMED")
    @APIResponse(responseCode = "400", description = "Malformed id, missing or future confirmedOn, before it was sent")
    @APIResponse(responseCode = "404", description = "No due transfer with that id in this school")
    @APIResponse(responseCode = "409", description = "Not sent yet, or receipt already confirmed")
    @APIResponse(responseCode = "422", description = "Not the safeguarding file")
    public DueTransferView receipt(
            @PathParam("urn") String urn, @PathParam("id") String id, @Valid @NotNull ReceiptRequest request) {
        return service.receipt(urn, Params.uuid("id", id), request);
    }

    @POST
    @Path("{id}/not-held")
    @RolesAllowed(Roles.DPO)
    @Operation(
            summary =
                    "The DPO closes a safeguarding file transfer: the school holds no safeguarding file for the pupil")
    @APIResponse(responseCode = "200", description = "The transfer, now NOT_HELD")
    @APIResponse(responseCode = "400", description = "Malformed id, missing or too short a note")
    @APIResponse(responseCode = "404", description = "No due transfer with that id in this school")
    @APIResponse(responseCode = "409", description = "Already sent or closed")
    @APIResponse(responseCode = "422", description = "Not the safeguarding file")
    public DueTransferView notHeld(
            @PathParam("urn") String urn, @PathParam("id") String id, @Valid @NotNull NotHeldRequest request) {
        return service.notHeld(urn, Params.uuid("id", id), request);
    }
}
