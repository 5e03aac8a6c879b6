package org.hebergos.dockerlink.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import org.hebergos.dockerlink.error.PlainText;

/**
 * Lets a request through only with {@code Authorization: Bearer <api_token>}, except a GET (or HEAD) of
 * one of {@link #PUBLIC_PATHS}. It runs before resource matching, so an unauthenticated caller learns
 * nothing, not even which paths exist; the path is normalised the way matching sees it (matrix
 * parameters dropped, percent-decoding per segment, {@code .}, {@code ..} and empty segments resolved),
 * and anything that is not exactly a public path needs the token. {@link PublicMethodCheck} then confirms,
 * after matching, that a request let through without the token reached a {@link Public} method.
 * Without a configured token only the public paths answer: the agent never runs open.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

    static final Set<String> PUBLIC_PATHS = Set.of("health", "openapi", "openapi.json");
    /** Request property set when the request came in without (a valid) token on a public path. */
    static final String ANONYMOUS = BearerTokenFilter.class.getName() + ".anonymous";

    @Inject
    ApiToken token;

    @Override
    public void filter(ContainerRequestContext request) {
        if (token.accepts(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            return;
        }
        boolean read = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        if (read && PUBLIC_PATHS.contains(normalised(request.getUriInfo().getPath(false)))) {
            request.setProperty(ANONYMOUS, Boolean.TRUE);
        } else if (!token.configured()) {
            request.abortWith(PlainText.response(Status.SERVICE_UNAVAILABLE,
                    "api_token is not configured on the agent: set it in its .env file"));
        } else {
            request.abortWith(PlainText.response(Status.UNAUTHORIZED, "Authorization: expected 'Bearer <api_token>'"));
        }
    }

    /** The path relative to the application as resource matching sees it, segments joined by '/'. */
    static String normalised(String rawPath) {
        Deque<String> segments = new ArrayDeque<>();
        for (String raw : rawPath.split("/", -1)) {
            int matrix = raw.indexOf(';');
            String segment = decode(matrix < 0 ? raw : raw.substring(0, matrix));
            if (segment.equals("..")) {
                segments.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        return String.join("/", segments);
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return segment; // matches no public path, so it needs the token
        }
    }
}
