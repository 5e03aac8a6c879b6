package org.hebergos.dockerlink.container;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import org.hebergos.dockerlink.config.Settings;
import org.hebergos.dockerlink.history.HistoryQuery;
import org.hebergos.dockerlink.history.HistoryService;

/**
 * {@code GET v1/container/stats?id=…&since=…[&until=…][&step=…|&scale=…]}: a container's samples from
 * {@code since} (inclusive) to {@code until} (exclusive), raw or in buckets of {@code step} seconds,
 * or one of the panel's presets, as the history store answers them.
 */
@Path("v1/container/stats")
@ApplicationScoped
public class ContainerStatsResource {

    @Inject
    HistoryService history;
    @Inject
    Settings settings;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public StreamingOutput history(@QueryParam("id") String id, @QueryParam("since") String since,
                                   @QueryParam("until") String until, @QueryParam("step") String step,
                                   @QueryParam("scale") String scale) {
        ContainerRef ref = ContainerRef.of(id);
        HistoryQuery query = HistoryQuery.parse(since, until, step, scale, settings.statsInterval(), Instant.now().getEpochSecond());
        return history.history(ref.value(), ref.isFullId(), query);
    }
}
