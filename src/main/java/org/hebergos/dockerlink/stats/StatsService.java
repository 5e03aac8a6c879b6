package org.hebergos.dockerlink.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
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
            try (JsonGenerator json = Json.createGenerator(out)) {
                json.writeStartObject();
                store.since(id, since, sample -> write(json, sample));
                json.writeEnd();
            } catch (SQLException e) {
                throw new IOException("reading stats of " + id + " failed", e);
            }
        };
    }

    /** A full id with stored history is answered even after the container is gone; anything else asks Docker. */
    private String fullId(ContainerRef ref) throws SQLException {
        if (ref.isFullId() && store.known(ref.value())) {
            return ref.value();
        }
        return docker.inspect(ref.value()).id();
    }

    private static void write(JsonGenerator json, Sample s) {
        json.writeStartObject(Long.toString(s.time()));
        json.writeStartObject("memory")
                .write("used", StatsMath.gib(s.memoryUsed()))
                .write("limit", StatsMath.gib(s.memoryLimit()))
                .writeEnd();
        json.writeStartObject("cpu")
                .write("usage_percent", finite(s.cpuPercent()))
                .write("limit", finite(s.cpuLimitPercent()))
                .writeEnd();
        json.writeStartObject("net")
                .write("up", StatsMath.kib(s.netUp()))
                .write("down", StatsMath.kib(s.netDown()))
                .write("delta_up", StatsMath.kib(s.deltaUp()))
                .write("delta_down", StatsMath.kib(s.deltaDown()))
                .writeEnd();
        json.writeEnd();
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }
}
