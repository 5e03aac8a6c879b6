package org.hebergos.dockerlink.openapi;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.hebergos.dockerlink.security.Public;

/**
 * {@code GET /openapi} (YAML, or JSON when the client prefers {@code application/json}) and
 * {@code GET /openapi.json}. Open without the token: it describes the API and holds no data.
 */
@Path("")
@RequestScoped
public class OpenApiResource {

    static final MediaType YAML = new MediaType("application", "yaml", "UTF-8");
    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    @Inject
    OpenApiDocument document;

    @GET
    @Public
    @Path("openapi")
    public Response openapi(@Context HttpHeaders headers) {
        return prefersJson(headers) ? json() : Response.ok(document.yaml(), YAML).build();
    }

    @GET
    @Public
    @Path("openapi.json")
    public Response json() {
        return Response.ok(document.json(), JSON).build();
    }

    /** JSON when the most wanted type the client names is JSON rather than YAML (or anything). */
    static boolean prefersJson(HttpHeaders headers) {
        for (MediaType wanted : headers.getAcceptableMediaTypes()) {
            if (wanted.isWildcardType() || wanted.isCompatible(YAML) || wanted.getSubtype().endsWith("yaml")) {
                return false;
            }
            if (wanted.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !wanted.isWildcardSubtype()) {
                return true;
            }
        }
        return false;
    }
}
