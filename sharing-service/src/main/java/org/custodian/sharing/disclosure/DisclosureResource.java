package org.custodian.sharing.disclosure;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.custodian.platform.idempotency.IdempotencyKeys;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.pagination.PageRequests;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.platform.security.Visibility;
import org.custodian.sharing.decision.DataCategory;
import org.custodian.sharing.decision.Decision;
import org.custodian.sharing.decision.LawfulBasis;
import org.custodian.sharing.decision.Reason;
import org.custodian.sharing.school.SchoolScope;
import org.custodian.sharing.support.Ids;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
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

    /**
     * @param reason                 why the data is being shared (required for a disclosure, optional for a check)
     * @param emergencyJustification a written justification that the disclosure protects someone's vital interests
     *                               (e.g. safeguarding): from the DPO or the designated safeguarding lead only, to
     *                               children's services, health, police or emergency services, under an agreement
     *                               not resting on consent, it overrides a restriction or an objection; logged as an
     *                               override, the DPO alerted and asked to review it
     */
    public record DisclosureRequest(
            @NotNull UUID recipientId,

            @NotEmpty @Size(max = MAX_PUPILS, message = "at most 1000 pupils per request")
            List<
                            @NotNull
                            @Pattern(
                                    regexp = Ids.PUPIL_ID,
                                    message = "a pupil id is 1 to 64 letters, digits or . _ : -")
                            String>
                    pupilIds,

            @NotEmpty Set<@NotNull DataCategory> dataCategories,

            @NotBlank @Pattern(regexp = Ids.CODE, message = "a purpose code: letters, digits, . _ -")
            String purpose,

            @Size(max = 2000) String reason,

            @Size(min = 20, max = 4000, message = "a written justification of 20 to 4000 characters")
            String emergencyJustification) {}

    /** @param overridden what an emergency override set aside (empty unless {@code override}) */
    public record DecisionView(
            String pupilId,
            Decision.Outcome outcome,
            List<Reason> reasons,
            UUID agreementId,
            LawfulBasis lawfulBasis,
            boolean override,
            List<Reason> overridden,
            UUID disclosureId) {}

    public record DecisionsView(
            UUID requestId,
            UUID recipientId,
            String purpose,
            Set<DataCategory> dataCategories,
            LocalDate decidedOn,
            Instant decidedAt,
            long allowed,
            long refused,
            List<DecisionView> decisions) {
        static DecisionsView of(DisclosureRequest request, DisclosureService.Outcome outcome) {
            List<DecisionView> views = outcome.decisions().stream()
                    .map(d -> new DecisionView(
                            d.pupilId(),
                            d.outcome(),
                            d.reasons(),
                            d.agreement() == null ? null : d.agreement().id(),
                            d.allowed() ? d.basis() : null,
                            d.override(),
                            d.overridden(),
                            outcome.disclosureIds().get(d.pupilId())))
                    .toList();
            long allowed = outcome.allowed();
            return new DecisionsView(
                    outcome.requestId(),
                    outcome.recipient().id(),
                    request.purpose(),
                    EnumSet.copyOf(request.dataCategories()),
                    outcome.decidedOn(),
                    outcome.decidedAt(),
                    allowed,
                    views.size() - allowed,
                    views);
        }
    }

    @Inject
    SchoolScope school;

    @Inject
    PageRequests pageRequests;

    @Inject
    Caller caller;

    @Inject
    DisclosureService service;

    @Inject
    DisclosureRepository log;

    @Inject
    IdempotencyKeys idempotency;

    @POST
    @Path("disclosures")
    @Transactional
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
            description = "The decision for every pupil; allowed ones are in the disclosure log")
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
        DisclosureService.Ask ask = open(urn, request);
        if (request.reason() == null || request.reason().isBlank()) {
            throw Problems.invalid("reason", "say why the data is being disclosed");
        }
        return idempotency.execute(
                caller.subject(),
                key,
                "POST /api/v1/schools/" + urn + "/disclosures",
                request,
                () -> Response.ok(DecisionsView.of(request, service.disclose(urn, ask)))
                        .build());
    }

    @POST
    @Path("sharing-checks")
    @Transactional
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
        return DecisionsView.of(request, service.check(urn, open(urn, request)));
    }

    @GET
    @Path("disclosures")
    @Transactional
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.SAFEGUARDING_LEAD, Roles.AUDITOR})
    @Operation(
            summary =
                    "The disclosure log, newest first, by pupil, recipient and date range (from/to inclusive, Europe/London)")
    @APIResponse(responseCode = "200", description = "A page of disclosures")
    @APIResponse(responseCode = "400", description = "Bad filter, limit or cursor")
    public Page<DisclosureEntry> list(
            @PathParam("urn") String urn,
            @QueryParam("pupilId") String pupilId,
            @QueryParam("recipientId") String recipientId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        school.open(urn);
        PageRequest page = pageRequests.of(limit, cursor);
        DisclosureRepository.Filter filter = DisclosureRepository.Filter.parse(pupilId, recipientId, from, to, false);
        Page<DisclosureEntry> result = log.page(urn, filter, page);
        service.readLog(urn, filter, result.items().size(), "disclosure log rows");
        return result;
    }

    @GET
    @Path("disclosures/{id}")
    @Transactional
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.SAFEGUARDING_LEAD, Roles.AUDITOR})
    @Operation(summary = "One entry of the disclosure log")
    @APIResponse(responseCode = "200", description = "The disclosure")
    @APIResponse(responseCode = "400", description = "Malformed id")
    @APIResponse(responseCode = "404", description = "No such disclosure in this school")
    public DisclosureEntry get(@PathParam("urn") String urn, @PathParam("id") String id) {
        school.open(urn);
        return Visibility.orNotFound(log.find(urn, Ids.uuid(id, "id")), "disclosure");
    }

    /** The school's wall, then an emergency request refused for the caller's role, before the school is opened. */
    private DisclosureService.Ask open(String urn, DisclosureRequest request) {
        caller.requireSchool(urn);
        DisclosureService.Ask ask = ask(request);
        service.requireOverrideRole(urn, ask);
        school.open(urn);
        return ask;
    }

    private static DisclosureService.Ask ask(DisclosureRequest request) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.pupilIds().size(); i++) {
            if (!seen.add(request.pupilIds().get(i))) {
                throw Problems.invalid(
                        "pupilIds[" + i + "]", "pupil " + request.pupilIds().get(i) + " is listed twice");
            }
        }
        return new DisclosureService.Ask(
                request.recipientId(),
                List.copyOf(request.pupilIds()),
                EnumSet.copyOf(request.dataCategories()),
                request.purpose(),
                request.reason() == null ? null : request.reason().strip(),
                request.emergencyJustification());
    }
}
