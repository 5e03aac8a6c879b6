package org.hebergos.dockerlink.container;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.hebergos.dockerlink.docker.ContainerActions;
import org.hebergos.dockerlink.error.BadParameter;

/**
 * {@code v1/container}: list, start, stop, restart, change limits, remove. POST and PATCH parameters may
 * come in the query or as a form body (see {@code FormParametersFilter}); PATCH also takes a JSON body.
 */
@Path("v1/container")
@RequestScoped
public class ContainerResource {

    /** A limits body is a few dozen bytes. */
    static final int MAX_JSON_BODY = 4096;

    @Inject
    ContainerService containers;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, ContainerView> list(@QueryParam("id") List<String> ids, @QueryParam("running") String running) {
        return containers.list(ids.stream().map(ContainerRef::of).toList(), flag("running", running));
    }

    @POST
    @Path("start")
    public void start(@QueryParam("id") String id) {
        containers.start(ContainerRef.of(id));
    }

    @POST
    @Path("stop")
    public void stop(@QueryParam("id") String id, @QueryParam("t") String t) {
        containers.stop(ContainerRef.of(id), graceSeconds(t));
    }

    @POST
    @Path("restart")
    public void restart(@QueryParam("id") String id, @QueryParam("t") String t) {
        containers.restart(ContainerRef.of(id), graceSeconds(t));
    }

    @PATCH
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, ContainerView> limit(@QueryParam("id") String id, @QueryParam("memory") String memory,
                                            @QueryParam("cpulimit") String cpulimit, @Context HttpHeaders headers,
                                            InputStream body) throws IOException {
        ContainerRef ref = ContainerRef.of(id);
        LimitsChange change = MediaType.APPLICATION_JSON_TYPE.isCompatible(headers.getMediaType())
                ? LimitsChange.ofJson(jsonBody(body)) : LimitsChange.of(memory, cpulimit);
        return containers.limit(ref, change);
    }

    @DELETE
    public void remove(@QueryParam("id") String id, @QueryParam("force") String force, @QueryParam("volumes") String volumes) {
        containers.remove(ContainerRef.of(id), flag("force", force), flag("volumes", volumes));
    }

    private static String jsonBody(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_JSON_BODY + 1);
        if (bytes.length > MAX_JSON_BODY) {
            throw new BadParameter("body", "over " + MAX_JSON_BODY + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static boolean flag(String name, String value) {
        if (value == null || value.isEmpty() || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new BadParameter(name, "expected true or false");
    }

    static Integer graceSeconds(String t) {
        if (t == null || t.isEmpty()) {
            return null;
        }
        try {
            int seconds = Integer.parseInt(t);
            if (seconds >= 0 && seconds <= ContainerActions.MAX_STOP_SECONDS) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadParameter("t", "expected whole seconds from 0 to " + ContainerActions.MAX_STOP_SECONDS);
    }
}
