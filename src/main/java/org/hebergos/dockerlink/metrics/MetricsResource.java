package org.hebergos.dockerlink.metrics;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * {@code GET /metrics} for Prometheus, behind the bearer token like the API: the last sampling round under
 * cAdvisor's metric names, and the agent's own figures.
 */
@Path("metrics")
@RequestScoped
public class MetricsResource {

    @Inject
    MetricsService metrics;

    @GET
    public Response scrape(@HeaderParam(HttpHeaders.ACCEPT) String accept) {
        MetricsService.Scrape scrape = metrics.scrape(accept);
        return Response.ok((StreamingOutput) scrape::writeTo, scrape.contentType()).build();
    }
}
