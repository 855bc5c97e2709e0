package org.custodian.sharing.agreement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.platform.audit.AuditEntry.Outcome;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.http.ETags;
import org.custodian.platform.idempotency.IdempotencyKeys;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.pagination.PageRequests;
import org.custodian.platform.problems.Problem.FieldError;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.platform.security.Visibility;
import org.custodian.sharing.action.ActionDeadline;
import org.custodian.sharing.action.ActionDeadlines;
import org.custodian.sharing.action.ActionKind;
import org.custodian.sharing.action.PartnerActions;
import org.custodian.sharing.decision.DataCategory;
import org.custodian.sharing.decision.LawfulBasis;
import org.custodian.sharing.decision.TransferSafeguard;
import org.custodian.sharing.recipient.Recipient;
import org.custodian.sharing.recipient.RecipientRepository;
import org.custodian.sharing.school.SchoolScope;
import org.custodian.sharing.support.Clocks;
import org.custodian.sharing.support.Ids;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What may go to whom and why: agreements with their lawful basis, validity and any transfer outside the UK. */
@Path("/api/v1/schools/{urn}/agreements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agreements")
public class AgreementResource {

    public record AgreementRequest(
            @NotNull UUID recipientId,
            @NotBlank @Size(max = 200) String name,

            @NotEmpty @Size(max = 20)
            Set<@NotNull @Pattern(regexp = Ids.CODE, message = "a purpose code: letters, digits, . _ -") String>
                    purposes,

            @NotEmpty Set<@NotNull DataCategory> dataCategories,
            @NotNull LawfulBasis lawfulBasis,

            @Pattern(regexp = Ids.CODE, message = "a consent purpose code: letters, digits, . _ -")
            String consentPurpose,

            @Size(max = 500) String legalReference,
            @NotNull LocalDate validFrom,
            LocalDate validTo,

            @Pattern(regexp = "[A-Z]{2}", message = "an ISO 3166-1 alpha-2 code")
            String transferCountry,

            TransferSafeguard transferSafeguard,
            Map<ActionKind, @NotNull @Valid DeadlineRequest> actionDeadlines) {}

    /** How long partners have to act on one kind of action under this agreement. */
    public record DeadlineRequest(
            @NotNull @Min(1) @Max(366) Integer amount,
            @NotNull ActionDeadline.Unit unit) {}

    public record AgreementView(
            UUID id,
            UUID recipientId,
            String name,
            Set<String> purposes,
            Set<DataCategory> dataCategories,
            LawfulBasis lawfulBasis,
            String consentPurpose,
            String legalReference,
            LocalDate validFrom,
            LocalDate validTo,
            String transferCountry,
            TransferSafeguard transferSafeguard,
            Map<ActionKind, ActionDeadline> actionDeadlines,
            boolean seeded,
            long version,
            Instant createdAt,
            Instant updatedAt) {
        static AgreementView of(Agreement a) {
            return new AgreementView(
                    a.id(),
                    a.recipientId(),
                    a.name(),
                    a.purposes(),
                    a.dataCategories(),
                    a.lawfulBasis(),
                    a.consentPurpose(),
                    a.legalReference(),
                    a.validFrom(),
                    a.validTo(),
                    a.transferCountry(),
                    a.transferSafeguard(),
                    ActionDeadlines.effective(a.actionDeadlines()),
                    a.seeded(),
                    a.version(),
                    a.createdAt(),
                    a.updatedAt());
        }
    }

    @Inject
    SchoolScope school;

    @Inject
    PageRequests pageRequests;

    @Inject
    Caller caller;

    @Inject
    AgreementRepository agreements;

    @Inject
    RecipientRepository recipients;

    @Inject
    AuditLog audit;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    PartnerActions partnerActions;

    @Inject
    Clock clock;

    @GET
    @Transactional
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.STAFF, Roles.SAFEGUARDING_LEAD, Roles.MIS, Roles.AUDITOR})
    @Operation(summary = "List the school's sharing agreements, by name")
    @APIResponse(responseCode = "200", description = "A page of agreements")
    @APIResponse(responseCode = "400", description = "Bad filter, limit or cursor")
    public Page<AgreementView> list(
            @PathParam("urn") String urn,
            @QueryParam("recipientId") String recipientId,
            @QueryParam("lawfulBasis") String basis,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        school.open(urn);
        PageRequest page = pageRequests.of(limit, cursor);
        UUID recipient = recipientId == null ? null : Ids.uuid(recipientId, "recipientId");
        return agreements
                .page(urn, recipient, Ids.enumOf(LawfulBasis.class, basis, "lawfulBasis"), page)
                .map(AgreementView::of);
    }

    @POST
    @Transactional
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(summary = "Add a sharing agreement (consentPurpose is required exactly when the basis is CONSENT)")
    @APIResponse(responseCode = "201", description = "Created; ETag carries its version")
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
        school.open(urn);
        Recipient recipient = recipients
                .find(urn, request.recipientId())
                .orElseThrow(() -> Problems.invalid("recipientId", "no recipient with that id in this school"));
        check(request, recipient);
        return idempotency.execute(
                caller.subject(), key, "POST /api/v1/schools/" + urn + "/agreements", request, () -> {
                    Instant now = clock.instant();
                    Agreement agreement = build(UUID.randomUUID(), urn, request, false, 1, now, now);
                    agreements.insert(agreement);
                    audit.record(
                            caller,
                            urn,
                            subject(agreement.id()),
                            "agreement.created",
                            Outcome.SUCCESS,
                            describe(agreement));
                    return Response.created(URI.create("/api/v1/schools/" + urn + "/agreements/" + agreement.id()))
                            .header(HttpHeaders.ETAG, ETags.of(agreement.version()))
                            .entity(AgreementView.of(agreement))
                            .build();
                });
    }

    @GET
    @Path("{id}")
    @Transactional
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
        school.open(urn);
        Agreement agreement = load(urn, id);
        return Response.ok(AgreementView.of(agreement))
                .header(HttpHeaders.ETAG, ETags.of(agreement.version()))
                .build();
    }

    @PUT
    @Path("{id}")
    @Transactional
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(
            summary =
                    "Update an agreement (send If-Match); end it by setting validTo: once it has ended, a recipient with no other agreement in force is asked to delete everything it received")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "400", description = "Invalid agreement")
    @APIResponse(responseCode = "404", description = "No such agreement in this school")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response update(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull AgreementRequest request) {
        school.open(urn);
        Agreement current = load(urn, id);
        if (!current.recipientId().equals(request.recipientId())) {
            throw Problems.invalid("recipientId", "an agreement's recipient cannot change; end it and add a new one");
        }
        Recipient recipient = recipients.find(urn, current.recipientId()).orElseThrow();
        check(request, recipient);
        ETags.requireMatch(ifMatch, current.version());
        Agreement next = build(
                current.id(),
                urn,
                request,
                current.seeded(),
                current.version() + 1,
                current.createdAt(),
                clock.instant());
        if (!agreements.update(next, current.version())) {
            throw Problems.preconditionFailed("the agreement changed meanwhile; read it again and retry");
        }
        audit.record(caller, urn, subject(next.id()), "agreement.updated", Outcome.SUCCESS, describe(next));
        LocalDate today = Clocks.today(clock);
        if (next.validTo() != null
                && next.validTo().isBefore(today)
                && !next.validTo().equals(current.validTo())) {
            // ended before today: if it was the recipient's last agreement in force, sharing with it has ended
            partnerActions.agreementEnded(urn, next.id(), next.recipientId(), next.validTo(), today);
        }
        return Response.ok(AgreementView.of(next))
                .header(HttpHeaders.ETAG, ETags.of(next.version()))
                .build();
    }

    private Agreement load(String urn, String id) {
        return Visibility.orNotFound(agreements.find(urn, Ids.uuid(id, "id")), "agreement");
    }

    private static void check(AgreementRequest r, Recipient recipient) {
        List<FieldError> errors = AgreementRules.check(
                        r.lawfulBasis(),
                        r.consentPurpose(),
                        r.legalReference(),
                        r.validFrom(),
                        r.validTo(),
                        recipient.country(),
                        r.transferCountry(),
                        r.transferSafeguard())
                .stream()
                .map(v -> new FieldError(v.field(), v.message()))
                .collect(Collectors.toCollection(ArrayList::new));
        if (r.actionDeadlines() != null) {
            r.actionDeadlines().forEach((kind, d) -> {
                if (d.amount() > d.unit().max()) {
                    errors.add(new FieldError(
                            "actionDeadlines." + kind + ".amount",
                            "at most " + d.unit().max() + " "
                                    + d.unit().name().toLowerCase().replace('_', ' ')));
                }
            });
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
    }

    private static Agreement build(
            UUID id, String urn, AgreementRequest r, boolean seeded, long version, Instant created, Instant updated) {
        return new Agreement(
                id,
                urn,
                r.recipientId(),
                r.name().strip(),
                new LinkedHashSet<>(r.purposes()),
                EnumSet.copyOf(r.dataCategories()),
                r.lawfulBasis(),
                r.consentPurpose(),
                r.legalReference(),
                r.validFrom(),
                r.validTo(),
                r.transferCountry(),
                r.transferSafeguard(),
                deadlines(r),
                seeded,
                version,
                created,
                updated);
    }

    private static Map<ActionKind, ActionDeadline> deadlines(AgreementRequest r) {
        Map<ActionKind, ActionDeadline> set = new EnumMap<>(ActionKind.class);
        if (r.actionDeadlines() != null) {
            r.actionDeadlines().forEach((kind, d) -> set.put(kind, new ActionDeadline(d.amount(), d.unit())));
        }
        return set;
    }

    private static String describe(Agreement a) {
        return a.name() + ": " + a.lawfulBasis() + (a.consentPurpose() == null ? "" : " (" + a.consentPurpose() + ")")
                + " for " + a.purposes() + " " + a.dataCategories() + " from " + a.validFrom()
                + (a.validTo() == null ? "" : " to " + a.validTo());
    }

    static String subject(UUID id) {
        return "agreements/" + id;
    }
}
