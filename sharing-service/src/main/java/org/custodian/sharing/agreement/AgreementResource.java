package org.custodian.sharing.agreement;

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
import org.custodian.sharing.decision.LawfulBasis;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What may go to whom and why: agreements with their lawful basis, validity and any transfer outside the UK. */
@Path("/api/v1/schools/{urn}/agreements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agreements")
public class AgreementResource {

    private final PageRequests pageRequests;
    private final Caller caller;
    private final IdempotencyKeys idempotency;
    private final AgreementService service;

    AgreementResource(PageRequests pageRequests, Caller caller, IdempotencyKeys idempotency, AgreementService service) {
        this.pageRequests = pageRequests;
        this.caller = caller;
        this.idempotency = idempotency;
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.STAFF, Roles.SAFEGUARDING_LEAD, Roles.MIS, Roles.AUDITOR})
    @Operation(summary = "List the school's sharing agreements, by name")
    @APIResponse(responseCode = "200", description = "A page of agreements")
    @APIResponse(responseCode = "400", description = "Bad filter, limit or cursor")
    public Page<AgreementView> list(
            @PathParam("urn") String urn,
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("recipientId")
                    String recipientId,
            @Parameter(schema = @Schema(implementation = LawfulBasis.class)) @QueryParam("lawfulBasis") String basis,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = pageRequests.of(limit, cursor);
        return service.list(
                urn,
                recipientId == null ? null : Params.uuid("recipientId", recipientId),
                Params.enumValue("lawfulBasis", basis, LawfulBasis.class),
                page);
    }

    @POST
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(summary = "Add a sharing agreement (consentPurpose is required exactly when the basis is CONSENT)")
    @APIResponse(
            responseCode = "201",
            description = "Created; ETag carries its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "400", description = "Invalid agreement or unknown recipient")
    @APIResponse(responseCode = "409", description = "Idempotency-Key reused with another body")
    public Response create(
            @PathParam("urn") String urn,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "consent-based platform", value = """
                                   {"recipientId": "2f4a9c1e-0b7d-4e55-8a51-6f0c2d9e1b37", "name": "Learning platform",
                                    "purposes": ["learning-platform"], "dataCategories": ["IDENTITY", "ASSESSMENT"],
                                    "lawfulBasis": "CONSENT", "consentPurpose": "learning-platform",
                                    "validFrom": "2026-09-01", "validTo": "2027-08-31",
                                    "actionDeadlines": {"ERASE": {"amount": 10, "unit": "WORKING_DAYS"}}}
                                   """)))
                    @Valid
                    @NotNull
                    AgreementRequest request) {
        return idempotency.execute(
                caller.subject(), key, "POST /api/v1/schools/" + urn + "/agreements", request, () -> {
                    AgreementView agreement = service.create(urn, request);
                    return Response.created(URI.create("/api/v1/schools/" + urn + "/agreements/" + agreement.id()))
                            .header(HttpHeaders.ETAG, ETags.of(agreement.version()))
                            .entity(agreement)
                            .build();
                });
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.STAFF, Roles.SAFEGUARDING_LEAD, Roles.MIS, Roles.AUDITOR})
    @Operation(summary = "Read one agreement (ETag for updates)")
    @APIResponse(
            responseCode = "200",
            description = "The agreement",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "400", description = "Malformed id")
    @APIResponse(responseCode = "404", description = "No such agreement in this school")
    public Response get(@PathParam("urn") String urn, @PathParam("id") String id) {
        return answer(service.get(urn, Params.uuid("id", id)));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(
            summary =
                    "Update an agreement (send If-Match); end it by setting validTo: once it has ended, a recipient with no other agreement in force is asked to delete everything it received")
    @APIResponse(
            responseCode = "200",
            description = "Updated",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "400", description = "Invalid agreement")
    @APIResponse(responseCode = "404", description = "No such agreement in this school")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response update(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull AgreementRequest request) {
        return answer(service.update(urn, Params.uuid("id", id), ifMatch, request));
    }

    private static Response answer(AgreementView agreement) {
        return Response.ok(agreement)
                .header(HttpHeaders.ETAG, ETags.of(agreement.version()))
                .build();
    }
}
