package org.custodian.platform.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.platform.problems.Problem;
import org.custodian.platform.problems.Problems;
import org.custodian.tokens.SchoolsClaim;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The tenancy wall at the door: a request for {@code /api/v1/schools/{urn}/…} or {@code /internal/v1/schools/{urn}/…}
 * by a caller whose token does not cover that school is refused with 403 before anything reads its body, so the
 * answer is the same whatever was sent. {@link Caller#requireSchool(String)} checks again inside every operation.
 */
public class SchoolScopeFilter {

    private static final Pattern SCHOOL_PATH = Pattern.compile("^/(?:api|internal)/v1/schools/(\\d{6})(?:/.*)?$");

    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter
    public Uni<Response> requireCoveredSchool(ContainerRequestContext request) {
        Matcher path = SCHOOL_PATH.matcher(request.getUriInfo().getPath());
        if (!path.matches()) {
            return Uni.createFrom().nullItem();
        }
        String urn = path.group(1);
        return identities
                .getDeferredIdentity()
                .map(identity ->
                        covers(identity, urn) ? null : forbidden(request, "your token does not cover school " + urn));
    }

    private static boolean covers(SecurityIdentity identity, String urn) {
        if (identity.isAnonymous()) {
            return true; // not this filter's answer: the security layer says 401
        }
        return identity.getPrincipal() instanceof JsonWebToken token
                && SchoolsClaim.of(token).contains(urn);
    }

    static Response forbidden(ContainerRequestContext request, String detail) {
        Problem problem = Problems.forbidden(detail)
                .problem()
                .withInstance(request.getUriInfo().getPath());
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
