package org.custodian.platform.audit;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Set;
import org.custodian.platform.http.RequestIds;
import org.custodian.platform.problems.Problem;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.SchoolUrn;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Finds the refused attempts every service must audit (issue 17) in one place, after the problem mappers: an answer
 * of 403, 404, 409 or 422 to an authenticated caller, on an operation under
 * {@code /schools/{urn}}, is handed to {@link RefusalAudit} with the actor, the operation (method and path template),
 * the subject (the pupil, or the record the path names) and the reason (the problem's status, title, detail and type).
 * A 401 is not audited (there is no one to name; the gateway counts them), nor is a 400 (malformed input is not an
 * attempt on anyone's data), nor a 429 (the quota audits its own). A refusal a service already audited itself
 * ({@link AuditLog#recordDenial}) is not audited twice.
 */
public class RefusalAuditFilter {

    private static final Set<Integer> REFUSALS = Set.of(403, 404, 409, 422);

    @Inject
    Caller caller;

    @Inject
    RefusalAudit refusals;

    @Inject
    CurrentVertxRequest currentRequest;

    @ServerResponseFilter
    public Uni<Void> auditRefusal(
            ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        RefusalAudit.Refusal refusal;
        try {
            refusal = refusalOf(request, response, resource);
        } catch (RuntimeException e) {
            refusal = null; // an identity that cannot be read is not a refusal to audit
        }
        if (refusal == null) {
            return Uni.createFrom().voidItem();
        }
        RefusalAudit.Refusal found = refusal;
        if (Context.isOnEventLoopThread()) {
            // refused before the operation ran (the tenancy wall at the door): write from a worker thread
            return Uni.createFrom()
                    .item(() -> {
                        refusals.record(found);
                        return (Void) null;
                    })
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        refusals.record(found);
        return Uni.createFrom().voidItem();
    }

    private RefusalAudit.Refusal refusalOf(
            ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        int status = response.getStatus();
        if (!REFUSALS.contains(status)
                || resource == null
                || resource.getResourceMethod() == null
                || !(response.getEntity() instanceof Problem problem)) {
            return null;
        }
        if (!caller.isAuthenticated()) {
            return null;
        }
        String template = template(resource);
        MultivaluedMap<String, String> parameters = request.getUriInfo().getPathParameters();
        String urn = parameters.getFirst("urn");
        if (!template.contains("/schools/{urn}") || !SchoolUrn.isValid(urn)) {
            return null;
        }
        RoutingContext routing = routing();
        if (routing != null && routing.get(AuditLog.DENIAL_RECORDED) != null) {
            return null;
        }
        String subject = AuditSubjects.fromPath(template, parameters::getFirst);
        String requestId = routing == null ? null : RequestIds.of(routing);
        return new RefusalAudit.Refusal(
                urn,
                caller.subject(),
                caller.primaryRole(),
                subject,
                request.getMethod() + " " + template,
                reason(problem, resource),
                requestId);
    }

    /** "403 Forbidden: your role does not allow this operation (forbidden); tried to: Withdraw a consent". */
    static String reason(Problem problem, ResourceInfo resource) {
        StringBuilder reason =
                new StringBuilder().append(problem.status()).append(' ').append(problem.title());
        if (problem.detail() != null) {
            reason.append(": ").append(problem.detail());
        }
        if (problem.type() != null && problem.type().startsWith(Problem.TYPE_BASE)) {
            reason.append(" (")
                    .append(problem.type().substring(Problem.TYPE_BASE.length()))
                    .append(')');
        }
        Operation operation = resource.getResourceMethod().getAnnotation(Operation.class);
        if (operation != null && !operation.summary().isBlank()) {
            reason.append("; tried to: ").append(operation.summary());
        }
        return reason.toString();
    }

    /** The operation's path template, {@code /api/v1/schools/{urn}/pupils/{pupilId}/consents}. */
    static String template(ResourceInfo resource) {
        String base = "";
        for (Class<?> type = resource.getResourceClass(); type != null; type = type.getSuperclass()) {
            Path path = type.getAnnotation(Path.class);
            if (path != null) {
                base = path.value();
                break;
            }
        }
        Path onMethod = resource.getResourceMethod().getAnnotation(Path.class);
        String method = onMethod == null ? "" : onMethod.value();
        String joined = (base.startsWith("/") ? "" : "/")
                + base
                + (method.isEmpty() || method.startsWith("/") ? "" : "/")
                + method;
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private RoutingContext routing() {
        try {
            return currentRequest.getCurrent();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
