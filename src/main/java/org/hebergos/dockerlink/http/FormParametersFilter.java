package org.hebergos.dockerlink.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.hebergos.dockerlink.error.PlainText;

/**
 * Lets the panel send POST parameters either in the query string or as an
 * {@code application/x-www-form-urlencoded} body: the body is appended to the query (both use the same
 * encoding), so resources read one place only. A wildcard {@code Content-Type} ({@code *}{@code /*},
 * {@code application/*}) names no format: it is refused (415) rather than guessed as form or JSON.
 */
@Provider
@PreMatching
public class FormParametersFilter implements ContainerRequestFilter {

    static final int MAX_BODY = 16 * 1024;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        MediaType type = request.getMediaType();
        if (type != null && (type.isWildcardType() || type.isWildcardSubtype())) {
            request.abortWith(PlainText.response(Status.UNSUPPORTED_MEDIA_TYPE, "Content-Type: " + type.getType() + "/"
                    + type.getSubtype() + " is a wildcard; send application/json or application/x-www-form-urlencoded"));
            return;
        }
        if (!MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type)) {
            return;
        }
        byte[] body = request.getEntityStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            request.abortWith(PlainText.response(Status.REQUEST_ENTITY_TOO_LARGE, "form body over " + MAX_BODY + " bytes"));
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        String form = new String(body, StandardCharsets.US_ASCII).strip();
        if (!form.isEmpty()) {
            URI uri = request.getUriInfo().getRequestUri();
            String query = uri.getRawQuery() == null ? form : uri.getRawQuery() + "&" + form;
            String base = uri.toString();
            int q = base.indexOf('?');
            try {
                request.setRequestUri(URI.create((q < 0 ? base : base.substring(0, q)) + "?" + query));
            } catch (IllegalArgumentException e) {
                request.abortWith(PlainText.response(Status.BAD_REQUEST, "form body is not URL-encoded"));
            }
        }
    }
}
