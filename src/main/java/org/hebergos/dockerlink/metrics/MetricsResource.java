package org.hebergos.dockerlink.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /metrics} for Prometheus, behind the bearer token like the API: the last sampling round under
 * cAdvisor's metric names, and the agent's own figures. Application-scoped: it
 * keeps no request state, and making and injecting a request-scoped instance was some 7 % of a scrape's
 * request thread in a profile.
 */
@Path("metrics")
@ApplicationScoped
public class MetricsResource {

    @Inject
    MetricsService metrics;

    @GET
    public Response scrape(@HeaderParam(HttpHeaders.ACCEPT) String accept) {
        MetricsService.Scrape scrape = metrics.scrape(accept);
        // one byte[]: a single write with its Content-Length, not thousands of small writes through a Writer
        return Response.ok(scrape.body(), scrape.contentType()).build();
    }
}
