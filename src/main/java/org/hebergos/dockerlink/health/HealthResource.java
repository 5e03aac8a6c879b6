package org.hebergos.dockerlink.health;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.hebergos.dockerlink.docker.DockerGateway;
import org.hebergos.dockerlink.error.AgentException;
import org.hebergos.dockerlink.stats.RoundReport;
import org.hebergos.dockerlink.stats.StatsSampler;

/**
 * {@code GET /health}, open to liveness probes: answers 200 while the agent runs and says whether the
 * Docker engine answers. It tells nothing about containers.
 */
@Path("health")
@RequestScoped
public class HealthResource {

    @Inject
    DockerGateway docker;
    @Inject
    StatsSampler sampler;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Health health() {
        try {
            docker.ping();
            return new Health("up", "up", null, sampler.lastRound().orElse(null));
        } catch (AgentException e) {
            return new Health("up", "down", e.getMessage(), sampler.lastRound().orElse(null));
        }
    }

    /**
     * @param dockerReason why Docker is down, absent when it is up
     * @param statsRound   the last stats sampling round, absent before the first
     */
    public record Health(String agent,
                         String docker,
                         @JsonbProperty("docker_reason") String dockerReason,
                         @JsonbProperty("stats_round") RoundReport statsRound) {
    }
}
