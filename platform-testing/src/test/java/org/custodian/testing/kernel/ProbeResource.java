package org.custodian.testing.kernel;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.http.ListETag;
import org.custodian.platform.http.ListETags;
import org.custodian.platform.idempotency.IdempotencyKeys;
import org.custodian.platform.outbox.Outbox;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.pagination.PageRequests;
import org.custodian.platform.secrets.Secret;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Visibility;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A throwaway resource that exercises every kernel piece the way a real service resource will. */
@Path("/api/v1/schools/{urn}/probes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProbeResource {

    public enum Colour {
        RED,
        GREEN,
        BLUE
    }

    public record ProbeRequest(
            @NotBlank @Size(max = 50) String name,
            @NotNull Colour colour,
            LocalDate since,
            @Min(0) Integer count,
            List<@Valid @NotNull Tag> tags) {}

    public record Tag(@NotBlank String label) {}

    public record Probe(long id, String schoolUrn, String name, Colour colour) {}

    public record KeyRequest(@NotBlank String label) {}

    /** A key of a probe: its secret is shown once, and so is the token of its grant. */
    public record ProbeKey(
            UUID id, long probeId, String label, @Secret String secret, Grant grant) {}

    public record Grant(String scope, @Secret String token) {}

    @Inject
    Caller caller;

    @Inject
    PageRequests pageRequests;

    @Inject
    DataSource dataSource;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    org.custodian.platform.quota.Quotas quotas;

    @POST
    @Operation(summary = "Create a probe")
    @APIResponse(responseCode = "401", description = "No valid token")
    @RolesAllowed({"dpo", "school-admin", "service"})
    public Response create(
            @PathParam("urn") String urn,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid @NotNull ProbeRequest request) {
        caller.requireSchool(urn);
        return idempotency.execute(
                caller.subject(), idempotencyKey, "POST /api/v1/schools/" + urn + "/probes", request, () -> {
                    Probe probe = insert(urn, request);
                    outbox.append(CloudEvent.aboutPupil(
                            org.custodian.platform.events.Topics.CONSENT_SERVICE,
                            EventTypes.PUPIL_UPDATED,
                            urn,
                            "probe-" + probe.id(),
                            CloudEventCodec.toData(probe)));
                    audit.record(
                            caller, urn, "probes/" + probe.id(), "probe.created", AuditEntry.Outcome.SUCCESS, null);
                    return Response.created(URI.create("/api/v1/schools/" + urn + "/probes/" + probe.id()))
                            .entity(probe)
                            .build();
                });
    }

    @POST
    @Path("{id}/keys")
    @Operation(summary = "Issue a key of a probe: its secret and its grant's token are shown once")
    @APIResponse(responseCode = "201", description = "The key, with its secret")
    @RolesAllowed({"dpo", "school-admin"})
    public Response issueKey(
            @PathParam("urn") String urn,
            @PathParam("id") long id,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid @NotNull KeyRequest request) {
        caller.requireSchool(urn);
        return idempotency.execute(
                caller.subject(),
                idempotencyKey,
                "POST /api/v1/schools/" + urn + "/probes/" + id + "/keys",
                request,
                () -> {
                    ProbeKey key = new ProbeKey(
                            UUID.randomUUID(),
                            id,
                            request.label(),
                            "pks_" + UUID.randomUUID(),
                            new Grant("read", "pkt_" + UUID.randomUUID()));
                    return Response.created(
                                    URI.create("/api/v1/schools/" + urn + "/probes/" + id + "/keys/" + key.id()))
                            .entity(key)
                            .build();
                });
    }

    @POST
    @Path("{id}/touches")
    @Transactional
    @Operation(summary = "Touch a probe: a flow limited to two a day per person")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "429", description = "Daily quota reached")
    @RolesAllowed({"parent"})
    public Response touch(@PathParam("urn") String urn, @PathParam("id") long id) {
        caller.requireSchool(urn);
        quotas.consume(caller, urn, "probe.touch", 2);
        return Response.noContent().build();
    }

    @GET
    @Operation(summary = "List probes")
    @APIResponse(responseCode = "200", description = "A page of probes")
    @APIResponse(responseCode = "401", description = "No valid token")
    @RolesAllowed({"dpo", "school-admin", "staff", "service"})
    @Transactional
    public Page<Probe> list(
            @PathParam("urn") String urn, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        caller.requireSchool(urn);
        PageRequest page = pageRequests.of(limit, cursor);
        long after = page.isFirst() ? 0 : page.afterLong(0);
        return Page.fromRows(
                query(
                        "SELECT id, school_urn, name, colour FROM probe WHERE school_urn = ? AND id > ? ORDER BY id LIMIT ?",
                        urn,
                        after,
                        page.fetchSize()),
                page,
                p -> List.of(Long.toString(p.id())));
    }

    /** How many probes of each colour: a list of its own shape, opted into the list ETag. */
    public record ColourCount(Colour colour, long count) {}

    public record ColourCounts(List<ColourCount> colours) {}

    @GET
    @Path("colours")
    @Operation(summary = "Count probes by colour")
    @Extension(name = ListETags.OPENAPI_EXTENSION, value = "true")
    @ListETag
    @RolesAllowed({"dpo", "school-admin", "staff", "service"})
    @Transactional
    public ColourCounts colours(@PathParam("urn") String urn) {
        caller.requireSchool(urn);
        List<Probe> probes = query(
                "SELECT id, school_urn, name, colour FROM probe WHERE school_urn = ? AND id > ? LIMIT ?",
                urn,
                0L,
                100_000);
        List<ColourCount> counts = new ArrayList<>();
        for (Colour colour : Colour.values()) {
            counts.add(new ColourCount(
                    colour, probes.stream().filter(p -> p.colour() == colour).count()));
        }
        return new ColourCounts(counts);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read one probe")
    @APIResponse(responseCode = "401", description = "No valid token")
    @RolesAllowed({"dpo", "school-admin", "staff", "service"})
    @Transactional
    public Probe get(@PathParam("urn") String urn, @PathParam("id") long id) {
        caller.requireSchool(urn);
        Optional<Probe> found =
                query("SELECT id, school_urn, name, colour FROM probe WHERE id = ? AND 0 = ? LIMIT ?", id, 0L, 1)
                        .stream()
                        .findFirst();
        return Visibility.visibleOrNotFound(found, p -> p.schoolUrn().equals(urn), "probe");
    }

    private Probe insert(String urn, ProbeRequest request) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO probe (school_urn, name, colour) VALUES (?, ?, ?) RETURNING id")) {
            insert.setString(1, urn);
            insert.setString(2, request.name());
            insert.setString(3, request.colour().name());
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return new Probe(rs.getLong(1), urn, request.name(), request.colour());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Probe> query(String sql, Object first, long second, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, first);
            query.setLong(2, second);
            query.setInt(3, limit);
            List<Probe> probes = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    probes.add(new Probe(
                            rs.getLong(1), rs.getString(2), rs.getString(3), Colour.valueOf(rs.getString(4))));
                }
            }
            return probes;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
