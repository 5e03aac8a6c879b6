package org.hebergos.dockerlink.stats;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.sql.SQLException;
import org.hebergos.dockerlink.container.ContainerRef;
import org.hebergos.dockerlink.error.BadParameter;

/** {@code GET v1/container/stats?id=…&since=…}: a container's samples from {@code since} (inclusive) on. */
@Path("v1/container/stats")
@RequestScoped
public class StatsResource {

    @Inject
    StatsService stats;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public StreamingOutput history(@QueryParam("id") String id, @QueryParam("since") String since) throws SQLException {
        return stats.history(ContainerRef.of(id), unixSeconds("since", since));
    }

    static long unixSeconds(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw new BadParameter(name, "required (unix seconds)");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadParameter(name, "expected unix seconds, got '" + value + "'");
        }
    }
}
