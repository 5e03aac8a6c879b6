package org.hebergos.dockerlink.container;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.hebergos.dockerlink.docker.DockerGateway;
import org.hebergos.dockerlink.error.BadParameter;

/**
 * {@code v1/container}: list, start, stop, restart. POST parameters may come in the query or as a form
 * body (see {@code FormParametersFilter}).
 */
@Path("v1/container")
@RequestScoped
public class ContainerResource {

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
            if (seconds >= 0 && seconds <= DockerGateway.MAX_STOP_SECONDS) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadParameter("t", "expected whole seconds from 0 to " + DockerGateway.MAX_STOP_SECONDS);
    }
}
