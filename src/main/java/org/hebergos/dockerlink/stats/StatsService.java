package org.hebergos.dockerlink.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.hebergos.dockerlink.container.ContainerRef;
import org.hebergos.dockerlink.docker.DockerGateway;
import org.hebergos.dockerlink.error.ContainerNotFound;

/**
 * Serves a container's stats history as the api.md JSON object, streamed row by row from the store so
 * that days of samples never sit in memory.
 */
@ApplicationScoped
public class StatsService {

    @Inject
    StatsStore store;
    @Inject
    DockerGateway docker;

    /**
     * @throws ContainerNotFound when Docker does not know the container and no history is stored for it
     */
    public StreamingOutput history(ContainerRef ref, long since) throws SQLException {
        String id = fullId(ref);
        return out -> {
            StatsJson json = new StatsJson(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024), since);
            try {
                store.since(id, since, json);
            } catch (SQLException e) {
                throw new IOException("reading stats of " + id + " failed", e);
            }
            json.end();
        };
    }

    /** A full id with stored history is answered even after the container is gone; anything else asks Docker. */
    private String fullId(ContainerRef ref) throws SQLException {
        if (ref.isFullId() && store.known(ref.value())) {
            return ref.value();
        }
        return docker.inspect(ref.value()).id();
    }
}
