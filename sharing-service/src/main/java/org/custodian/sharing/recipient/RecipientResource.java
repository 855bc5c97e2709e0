package org.custodian.sharing.recipient;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.custodian.platform.audit.AuditEntry.Outcome;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.http.ETags;
import org.custodian.platform.idempotency.IdempotencyKeys;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.pagination.PageRequests;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.platform.security.Visibility;
import org.custodian.sharing.agreement.AgreementRules;
import org.custodian.sharing.decision.Sector;
import org.custodian.sharing.recipient.Recipient.Kind;
import org.custodian.sharing.recipient.Recipient.Status;
import org.custodian.sharing.school.SchoolScope;
import org.custodian.sharing.support.Ids;
import org.custodian.sharing.webhook.PartnerNotifier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Organisations the school may share with. A new school starts with those its privacy notice names. */
@Path("/api/v1/schools/{urn}/recipients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Recipients")
public class RecipientResource {

    /**
     * @param sector what sort of organisation it is; decides whether an emergency disclosure may go to it. Absent: OTHER
     *               for a new recipient, unchanged on an update.
     */
    public record RecipientRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull Kind kind,
            Sector sector,

            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "an ISO 3166-1 alpha-2 code such as GB")
            String country,

            @Size(max = 500) String contact,
            @Size(max = 200) String contractReference,
            @Size(max = 1000) String description,
            Status status) {}

    public record RecipientView(
            UUID id,
            String name,
            Kind kind,
            Sector sector,
            String country,
            String contact,
            String contractReference,
            String description,
            Status status,
            boolean seeded,
            long version,
            Instant createdAt,
            Instant updatedAt) {
        static RecipientView of(Recipient r) {
            return new RecipientView(
                    r.id(),
                    r.name(),
                    r.kind(),
                    r.sector(),
                    r.country(),
                    r.contact(),
                    r.contractReference(),
                    r.description(),
                    r.status(),
                    r.seeded(),
                    r.version(),
                    r.createdAt(),
                    r.updatedAt());
        }
    }

    @Inject
    SchoolScope school;

    @Inject
    PageRequests pageRequests;

    @Inject
    Caller caller;

    @Inject
    RecipientRepository recipients;

    @Inject
    AuditLog audit;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    PartnerNotifier notifier;

    @Inject
    Clock clock;

    @GET
    @Transactional
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.STAFF, Roles.SAFEGUARDING_LEAD, Roles.MIS, Roles.AUDITOR})
    @Operation(summary = "List the school's recipients, by name (filters: status, kind, sector)")
    @APIResponse(responseCode = "200", description = "A page of recipients")
    @APIResponse(responseCode = "400", description = "Bad filter, limit or cursor")
    public Page<RecipientView> list(
            @PathParam("urn") String urn,
            @QueryParam("status") String status,
            @QueryParam("kind") String kind,
            @QueryParam("sector") String sector,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        school.open(urn);
        PageRequest page = pageRequests.of(limit, cursor);
        return recipients
                .page(
                        urn,
                        Ids.enumOf(Status.class, status, "status"),
                        Ids.enumOf(Kind.class, kind, "kind"),
                        Ids.enumOf(Sector.class, sector, "sector"),
                        page)
                .map(RecipientView::of);
    }

    @POST
    @Transactional
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(summary = "Add a recipient the school may share with")
    @APIResponse(responseCode = "201", description = "Created; ETag carries its version")
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
        school.open(urn);
        checkCountry(request.country());
        return idempotency.execute(
                caller.subject(), key, "POST /api/v1/schools/" + urn + "/recipients", request, () -> {
                    Instant now = clock.instant();
                    Recipient recipient = new Recipient(
                            UUID.randomUUID(),
                            urn,
                            request.name().strip(),
                            request.kind(),
                            request.sector() == null ? Sector.OTHER : request.sector(),
                            request.country(),
                            request.contact(),
                            request.contractReference(),
                            request.description(),
                            request.status() == null ? Status.ACTIVE : request.status(),
                            false,
                            1,
                            now,
                            now);
                    recipients.insert(recipient);
                    audit.record(
                            caller,
                            urn,
                            subject(recipient.id()),
                            "recipient.created",
                            Outcome.SUCCESS,
                            recipient.name() + " (" + recipient.kind() + ", " + recipient.sector() + ", "
                                    + recipient.status() + ")");
                    return Response.created(URI.create("/api/v1/schools/" + urn + "/recipients/" + recipient.id()))
                            .header(HttpHeaders.ETAG, ETags.of(recipient.version()))
                            .entity(RecipientView.of(recipient))
                            .build();
                });
    }

    @GET
    @Path("{id}")
    @Transactional
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
        school.open(urn);
        Recipient recipient = load(urn, id);
        return Response.ok(RecipientView.of(recipient))
                .header(HttpHeaders.ETAG, ETags.of(recipient.version()))
                .build();
    }

    @PUT
    @Path("{id}")
    @Transactional
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(
            summary =
                    "Update a recipient (send If-Match); suspend it with status SUSPENDED, which asks it to delete everything it received (a sharing.ended action per pupil)")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "400", description = "Invalid recipient")
    @APIResponse(responseCode = "404", description = "No such recipient in this school")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response update(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RecipientRequest request) {
        school.open(urn);
        checkCountry(request.country());
        Recipient current = load(urn, id);
        ETags.requireMatch(ifMatch, current.version());
        Recipient next = new Recipient(
                current.id(),
                urn,
                request.name().strip(),
                request.kind(),
                request.sector() == null ? current.sector() : request.sector(),
                request.country(),
                request.contact(),
                request.contractReference(),
                request.description(),
                request.status() == null ? current.status() : request.status(),
                current.seeded(),
                current.version() + 1,
                current.createdAt(),
                clock.instant());
        if (!recipients.update(next, current.version())) {
            throw Problems.preconditionFailed("the recipient changed meanwhile; read it again and retry");
        }
        audit.record(
                caller,
                urn,
                subject(next.id()),
                "recipient.updated",
                Outcome.SUCCESS,
                next.name() + " (" + next.kind() + ", " + next.sector() + ", " + next.status() + ", " + next.country()
                        + ")");
        if (current.active() && !next.active()) {
            // the school stops sharing with it altogether: every pupil whose data it received is to be deleted
            notifier.sharingEnded(
                    urn,
                    next.id(),
                    PartnerNotifier.SharingEnd.RECIPIENT_SUSPENDED,
                    null,
                    "recipient-suspended:" + next.id() + ":" + next.version());
        }
        return Response.ok(RecipientView.of(next))
                .header(HttpHeaders.ETAG, ETags.of(next.version()))
                .build();
    }

    private Recipient load(String urn, String id) {
        return Visibility.orNotFound(recipients.find(urn, Ids.uuid(id, "id")), "recipient");
    }

    private static void checkCountry(String country) {
        if (!AgreementRules.isCountry(country)) {
            throw Problems.invalid("country", "not an ISO 3166-1 alpha-2 country code (the UK is GB)");
        }
    }

    static String subject(UUID id) {
        return "recipients/" + id;
    }
}
