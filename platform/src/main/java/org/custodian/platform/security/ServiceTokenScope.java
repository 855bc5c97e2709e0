package org.custodian.platform.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Service tokens reach the internal routes ({@code /internal/…}) and nothing else: any other operation answers 403
 * to a caller with the role {@code service}, whatever its {@code @RolesAllowed} says. The role itself comes only in
 * a service token (platform-tokens {@code TokenIssuers}); the gateway never routes {@code /internal}.
 */
public class ServiceTokenScope {

    static final String INTERNAL = "/internal/";

    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter
    public Uni<Response> keepServiceTokensInternal(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().startsWith(INTERNAL)) {
            return Uni.createFrom().nullItem();
        }
        return identities
                .getDeferredIdentity()
                .map(identity -> identity.hasRole(Roles.SERVICE)
                        ? SchoolScopeFilter.forbidden(request, "a service token is accepted on internal routes only")
                        : null);
    }
}
