package org.hebergos.dockerlink.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;
import org.hebergos.dockerlink.error.PlainText;

/**
 * The second half of {@link BearerTokenFilter}: after matching, a request let in without the token must
 * have reached a method marked {@link Public}. Should the path normalisation ever disagree with the
 * server's matching, the request is refused rather than served.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class PublicMethodCheck implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getProperty(BearerTokenFilter.ANONYMOUS) == null) {
            return;
        }
        if (resource.getResourceMethod() == null || !resource.getResourceMethod().isAnnotationPresent(Public.class)) {
            request.abortWith(PlainText.response(Status.UNAUTHORIZED, "Authorization: expected 'Bearer <api_token>'"));
        }
    }
}
