package org.custodian.accountability.ropa;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.custodian.accountability.ropa.RopaViews.RecordView;
import org.custodian.accountability.ropa.RopaViews.ReviewView;
import org.custodian.platform.idempotency.IdempotencyKeys;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The school's record of processing activities (UK GDPR Art. 30), made from the facts, and the DPO's reviews of it. */
@Path("/api/v1/schools/{urn}")
@Tag(name = "Record of processing", description = "Art. 30, generated from the facts the suite enforces")
public class RopaResource {

    private final Caller caller;
    private final RopaService ropa;
    private final IdempotencyKeys idempotency;

    public RopaResource(Caller caller, RopaService ropa, IdempotencyKeys idempotency) {
        this.caller = caller;
        this.ropa = ropa;
        this.idempotency = idempotency;
    }

    @GET
    @Path("ropa")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.AUDITOR})
    @Operation(
            summary = "The record of processing: one row per processing activity, each naming the facts it came from")
    @APIResponse(
            responseCode = "200",
            description = "The record, each row CURRENT, OUTDATED or NOT_REVIEWED against the last review",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RecordView.class)))
    public Response record(@PathParam("urn") String urn) {
        caller.requireSchool(urn);
        return Response.ok(RecordView.of(ropa.record(urn))).build();
    }

    @GET
    @Path("ropa.csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.AUDITOR})
    @Operation(summary = "The record of processing as CSV, in the column order of the ICO's template for controllers")
    @APIResponse(
            responseCode = "200",
            description = "The record",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response csv(@PathParam("urn") String urn) {
        caller.requireSchool(urn);
        return Response.ok(RopaCsv.of(ropa.record(urn)), "text/csv;charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"ropa-" + urn + ".csv\"")
                .build();
    }

    @GET
    @Path("ropa.pdf")
    @Produces("application/pdf")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.AUDITOR})
    @Operation(summary = "The record of processing as a tagged PDF: a section per processing activity")
    @APIResponse(
            responseCode = "200",
            description = "The record",
            content =
                    @Content(
                            mediaType = "application/pdf",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response pdf(@PathParam("urn") String urn) {
        caller.requireSchool(urn);
        return Response.ok(RopaPdf.of(ropa.record(urn)), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"ropa-" + urn + ".pdf\"")
                .build();
    }

    @POST
    @Path("ropa/reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Confirm a review of the record of processing as it now stands")
    @APIResponse(
            responseCode = "201",
            description = "The review",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used with another request")
    public Response review(
            @PathParam("urn") String urn,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull ReviewRequest request) {
        caller.requireSchool(urn);
        return idempotency.execute(
                caller.subject(), key, "POST /api/v1/schools/" + urn + "/ropa/reviews", request, () -> {
                    RopaReview review = ropa.review(caller, urn, request.note());
                    return Response.created(URI.create("/api/v1/schools/" + urn + "/ropa"))
                            .entity(ReviewView.of(review))
                            .build();
                });
    }
}
