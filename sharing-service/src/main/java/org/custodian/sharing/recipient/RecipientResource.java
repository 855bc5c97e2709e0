package org.custodian.sharing.recipient;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.custodian.platform.http.ETags;
import org.custodian.platform.http.Params;
import org.custodian.platform.idempotency.IdempotencyKeys;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.pagination.PageRequests;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.sharing.decision.Sector;
import org.custodian.sharing.recipient.Recipient.Kind;
import org.custodian.sharing.recipient.Recipient.Status;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Organisations the school may share with. A new school starts with those its privacy notice names. */
@Path("/api/v1/schools/{urn}/recipients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Recipients")
public class RecipientResource {

    private final PageRequests pageRequests;
    private final Caller caller;
    private final IdempotencyKeys idempotency;
    private final RecipientService service;

    RecipientResource(PageRequests pageRequests, Caller caller, IdempotencyKeys idempotency, RecipientService service) {
        this.pageRequests = pageRequests;
        this.caller = caller;
        this.idempotency = idempotency;
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.STAFF, Roles.SAFEGUARDING_LEAD, Roles.MIS, Roles.AUDITOR})
    @Operation(summary = "List the school's recipients, by name (filters: status, kind, sector)")
    @APIResponse(responseCode = "200", description = "A page of recipients")
    @APIResponse(responseCode = "400", description = "Bad filter, limit or cursor")
    public Page<RecipientView> list(
            @PathParam("urn") String urn,
            @Parameter(schema = @Schema(implementation = Status.class)) @QueryParam("status") String status,
            @Parameter(schema = @Schema(implementation = Kind.class)) @QueryParam("kind") String kind,
            @Parameter(schema = @Schema(implementation = Sector.class)) @QueryParam("sector") String sector,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = pageRequests.of(limit, cursor);
        return service.list(
                urn,
                Params.enumValue("status", status, Status.class),
                Params.enumValue("kind", kind, Kind.class),
                Params.enumValue("sector", sector, Sector.class),
                page);
    }

    @POST
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(summary = "Add a recipient the school may share with")
    @APIResponse(
            responseCode = "201",
            description = "Created; ETag carries its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RecipientView.class)))
    @APIResponse(responseCode = "400", description = "Invalid recipient")
    @APIResponse(responseCode = "409", description = "Idempotency-Key reused with another body")
    public Response create(
            @PathParam("urn") String urn,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @RequestBody(
                            content =
                                    @Content(
                                            examples = {
                                                @ExampleObject(name = "platform", value = """
                                   {"name": "Acme Learning Ltd", "kind": "PROCESSOR", "sector": "EDTECH", "country": "GB",
                                    "contact": "dpo@acme-learning.example", "contractReference": "DPA-2026-014"}
                                   """),
                                                @ExampleObject(name = "children's services", value = """
                                   {"name": "Hertfordshire Children's Services (MASH)", "kind": "STATUTORY_BODY",
                                    "sector": "CHILDRENS_SERVICES", "country": "GB", "contact": "mash@hertfordshire.example"}
                                   """)
                                            }))
                    @Valid
                    @NotNull
                    RecipientRequest request) {
        return idempotency.execute(
                caller.subject(), key, "POST /api/v1/schools/" + urn + "/recipients", request, () -> {
                    RecipientView recipient = service.create(urn, request);
                    return Response.created(URI.create("/api/v1/schools/" + urn + "/recipients/" + recipient.id()))
                            .header(HttpHeaders.ETAG, ETags.of(recipient.version()))
                            .entity(recipient)
                            .build();
                });
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.STAFF, Roles.SAFEGUARDING_LEAD, Roles.MIS, Roles.AUDITOR})
    @Operation(summary = "Read one recipient (ETag for updates)")
    @APIResponse(
            responseCode = "200",
            description = "The recipient",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RecipientView.class)))
    @APIResponse(responseCode = "400", description = "Malformed id")
    @APIResponse(responseCode = "404", description = "No such recipient in this school")
    public Response get(@PathParam("urn") String urn, @PathParam("id") String id) {
        return answer(service.get(urn, Params.uuid("id", id)));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(
            summary =
                    "Update a recipient (send If-Match); suspend it with status SUSPENDED, which asks it to delete everything it received (a sharing.ended action per pupil)")
    @APIResponse(
            responseCode = "200",
            description = "Updated",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RecipientView.class)))
    @APIResponse(responseCode = "400", description = "Invalid recipient")
    @APIResponse(responseCode = "404", description = "No such recipient in this school")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response update(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RecipientRequest request) {
        return answer(service.update(urn, Params.uuid("id", id), ifMatch, request));
    }

    private static Response answer(RecipientView recipient) {
        return Response.ok(recipient)
                .header(HttpHeaders.ETAG, ETags.of(recipient.version()))
                .build();
    }
}
