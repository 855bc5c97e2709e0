package org.custodian.sharing.disclosure;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.custodian.platform.http.Params;
import org.custodian.platform.idempotency.IdempotencyKeys;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequests;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.sharing.disclosurelog.DisclosureEntry;
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
 * Sharing decisions and the disclosure log. {@code POST .../disclosures} decides and logs; {@code POST
 * .../sharing-checks} decides only. Each pupil gets ALLOWED or REFUSED with machine-readable reasons.
 */
@Path("/api/v1/schools/{urn}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Disclosures")
public class DisclosureResource {

    public static final int MAX_PUPILS = 1000;

    static final String EXAMPLE = """
            {"recipientId": "2f4a9c1e-0b7d-4e55-8a51-6f0c2d9e1b37", "pupilIds": ["P-1001", "P-1002"],
             "dataCategories": ["IDENTITY", "ASSESSMENT"], "purpose": "learning-platform",
             "reason": "termly roster sync to the learning platform"}
            """;

    static final String EMERGENCY_EXAMPLE = """
            {"recipientId": "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f", "pupilIds": ["P-1001"],
             "dataCategories": ["IDENTITY", "CONTACT", "SAFEGUARDING"], "purpose": "safeguarding",
             "reason": "referral to the MASH",
             "emergencyJustification": "Child disclosed at 10:40 that she is at immediate risk of harm at home tonight"}
            """;

    private final PageRequests pageRequests;
    private final Caller caller;
    private final DisclosureService service;
    private final IdempotencyKeys idempotency;

    DisclosureResource(
            PageRequests pageRequests, Caller caller, DisclosureService service, IdempotencyKeys idempotency) {
        this.pageRequests = pageRequests;
        this.caller = caller;
        this.service = service;
        this.idempotency = idempotency;
    }

    @POST
    @Path("disclosures")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.STAFF, Roles.SAFEGUARDING_LEAD, Roles.MIS})
    @Operation(
            summary =
                    "Disclose data about up to 1,000 pupils: decide each, log the allowed ones, emit disclosure.made / "
                            + "disclosure.refused; with emergencyJustification (DPO or safeguarding lead only) an emergency override on vital "
                            + "interests, alerting the DPO (disclosure.override-made) and opening the DPO's review",
            description = "An emergencyJustification from anyone but the DPO or the designated safeguarding lead is "
                    + "refused with 403: nothing is decided, logged or sent.")
    @APIResponse(
            responseCode = "200",
            description = "The decision for every pupil; allowed ones are in the disclosure log",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DecisionsView.class)))
    @APIResponse(
            responseCode = "400",
            description =
                    "Invalid request: unknown recipient, duplicate or malformed pupil ids, more than 1,000 pupils, missing reason")
    @APIResponse(responseCode = "409", description = "Idempotency-Key reused with another body")
    @APIResponse(responseCode = "413", description = "Body too large")
    @APIResponse(
            responseCode = "422",
            description = "An emergency override this recipient or its agreements cannot take: "
                    + "the recipient's sector is not children's services, health, police or emergency services, or every agreement "
                    + "covering the request rests on consent (nothing decided, logged or sent)")
    public Response disclose(
            @PathParam("urn") String urn,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @RequestBody(
                            content =
                                    @Content(
                                            examples = {
                                                @ExampleObject(name = "termly sync", value = EXAMPLE),
                                                @ExampleObject(
                                                        name = "emergency (safeguarding lead)",
                                                        value = EMERGENCY_EXAMPLE)
                                            }))
                    @Valid
                    @NotNull
                    DisclosureRequest request) {
        return idempotency.execute(
                caller.subject(),
                key,
                "POST /api/v1/schools/" + urn + "/disclosures",
                request,
                () -> Response.ok(service.disclose(urn, request)).build());
    }

    @POST
    @Path("sharing-checks")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.STAFF, Roles.SAFEGUARDING_LEAD, Roles.MIS})
    @Operation(
            summary =
                    "Ask whether data about up to 1,000 pupils may be shared, without disclosing or logging a disclosure",
            description = "An emergencyJustification from anyone but the DPO or the designated safeguarding lead is "
                    + "refused with 403.")
    @APIResponse(responseCode = "200", description = "The decision for every pupil")
    @APIResponse(
            responseCode = "400",
            description =
                    "Invalid request: unknown recipient, duplicate or malformed pupil ids, more than 1,000 pupils")
    @APIResponse(responseCode = "413", description = "Body too large")
    @APIResponse(
            responseCode = "422",
            description = "An emergency override this recipient or its agreements cannot take")
    public DecisionsView check(
            @PathParam("urn") String urn,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "termly sync", value = EXAMPLE)))
                    @Valid
                    @NotNull
                    DisclosureRequest request) {
        return service.check(urn, request);
    }

    @GET
    @Path("disclosures")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.SAFEGUARDING_LEAD, Roles.AUDITOR})
    @Operation(
            summary =
                    "The disclosure log, newest first, by pupil, recipient and date range (from/to inclusive, Europe/London)")
    @APIResponse(responseCode = "200", description = "A page of disclosures")
    @APIResponse(responseCode = "400", description = "Bad filter, limit or cursor")
    public Page<DisclosureEntry> list(
            @PathParam("urn") String urn,
            @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = "^" + Params.PERSON_ID + "$"))
                    @QueryParam("pupilId")
                    String pupilId,
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("recipientId")
                    String recipientId,
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return service.list(urn, pupilId, recipientId, from, to, pageRequests.of(limit, cursor));
    }

    @GET
    @Path("disclosures/{id}")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.SAFEGUARDING_LEAD, Roles.AUDITOR})
    @Operation(summary = "One entry of the disclosure log")
    @APIResponse(responseCode = "200", description = "The disclosure")
    @APIResponse(responseCode = "400", description = "Malformed id")
    @APIResponse(responseCode = "404", description = "No such disclosure in this school")
    public DisclosureEntry get(@PathParam("urn") String urn, @PathParam("id") String id) {
        return service.get(urn, Params.uuid("id", id));
    }
}
