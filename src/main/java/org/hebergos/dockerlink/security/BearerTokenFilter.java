package org.hebergos.dockerlink.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.hebergos.dockerlink.config.Settings;
import org.hebergos.dockerlink.error.PlainText;

/**
 * Lets a {@code v1/} request through only with {@code Authorization: Bearer <api_token>}. Without a
 * configured token nothing under {@code v1/} is served: the agent never runs open. It runs before
 * resource matching, so an unauthenticated caller learns nothing, not even which paths exist.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

    private static final String PREFIX = "Bearer ";

    @Inject
    Settings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("v1/") && !path.equals("v1") && !path.startsWith("/v1")) {
            return;
        }
        Optional<String> expected = settings.apiToken();
        if (expected.isEmpty()) {
            request.abortWith(PlainText.response(Status.SERVICE_UNAVAILABLE,
                    "api_token is not configured on the agent: set it in its .env file"));
        } else if (!authorized(request.getHeaderString(HttpHeaders.AUTHORIZATION), expected.get())) {
            request.abortWith(PlainText.response(Status.UNAUTHORIZED,
                    "Authorization: expected 'Bearer <api_token>'"));
        }
    }

    /** Compares digests so the time taken says nothing about the token, not even its length. */
    static boolean authorized(String header, String token) {
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        String presented = header.substring(PREFIX.length()).strip();
        return MessageDigest.isEqual(sha256(presented), sha256(token));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
