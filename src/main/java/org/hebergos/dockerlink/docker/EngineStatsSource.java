package org.hebergos.dockerlink.docker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A container's counters from the Engine's stats call, on the bare {@link EngineSocket} and parsed by
 * {@link EngineStatsParser} (both cheaper than docker-java's models for a call made for every container
 * every round).
 */
// injected as itself: the sampler's ContainerStatsSource is the one StatsSources chooses
@Typed(EngineStatsSource.class)
@ApplicationScoped
public class EngineStatsSource implements ContainerStatsSource {

    @Inject
    DockerConnection connection;

    /**
     * One stats reading, without waiting for the engine to compute a CPU delta ({@code one-shot}, Engine
     * API 1.41+); null when the container has stopped meanwhile and the reading is empty.
     */
    @Override
    public EngineStats read(ContainerInfo container) {
        String id = container.id();
        return connection.call(id, () -> {
            try {
                EngineSocket.Answer answer = connection.engine().socket().get("/containers/" + id + "/stats?stream=false&one-shot=true");
                if (answer.status() == 404) {
                    throw new ContainerNotFound(id);
                }
                if (answer.status() != 200) {
                    throw new DockerFailed("stats of " + id + " answered " + answer.status(), null);
                }
                EngineStats stats = EngineStatsParser.parse(answer.body());
                return stats.hasCpu() ? stats : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
