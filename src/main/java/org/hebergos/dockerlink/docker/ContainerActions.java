package org.hebergos.dockerlink.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.transport.DockerHttpClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What the panel does to a container in scope: start, stop, restart, change its limits, remove it. Each
 * action tells the {@link ContainerCatalogue}, so that the next listing shows its effect.
 */
@ApplicationScoped
public class ContainerActions {

    /** Longest stop grace period a caller may ask for, so long calls still have a bound. */
    public static final int MAX_STOP_SECONDS = 300;

    @Inject
    DockerConnection connection;
    @Inject
    ContainerCatalogue catalogue;

    public void start(String idOrName) {
        String id = catalogue.managed(idOrName);
        connection.call(id, () -> {
            try {
                return connection.engine().api().startContainerCmd(id).exec();
            } catch (NotModifiedException alreadyRunning) {
                return null;
            }
        });
        catalogue.acted(id);
    }

    /** Stops the container after {@code seconds} of grace, or, when null, after the container's own stop timeout. */
    public void stop(String idOrName, Integer seconds) {
        String id = catalogue.managed(idOrName);
        stopOrRestart(id, "stop", seconds);
        catalogue.acted(id);
    }

    /** Restarts the container; the grace before the kill as for {@link #stop}. */
    public void restart(String idOrName, Integer seconds) {
        String id = catalogue.managed(idOrName);
        stopOrRestart(id, "restart", seconds);
        catalogue.acted(id);
    }

    /**
     * {@code POST /containers/{id}/stop} or {@code restart}, with {@code t} only when given. Not through
     * docker-java: its commands always send {@code t} (10 unless told, and it cannot be unset), which
     * overrides the container's {@code --stop-timeout}; without {@code t} the engine waits the container's
     * own {@code StopTimeout} (its default, 10 s, when it has none). The answer is awaited at most as long as
     * the slow client's timeout ({@link #MAX_STOP_SECONDS} and more); the engine goes on stopping a container
     * whose stop timeout is longer. 304: already stopped.
     */
    private void stopOrRestart(String id, String action, Integer seconds) {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.POST)
                .path("/containers/" + id + "/" + action + (seconds == null ? "" : "?t=" + seconds))
                .build();
        connection.call(id, () -> {
            try (DockerHttpClient.Response response = connection.engine().slowHttp().execute(request)) {
                int status = response.getStatusCode();
                if (status == 404) {
                    throw new ContainerNotFound(id);
                }
                if (status != 204 && status != 304) {
                    throw new DockerFailed(action + " of " + id + ": " + DockerConnection.readError(response), null);
                }
                return null;
            }
        });
    }

    /**
     * Changes a container's memory limit (bytes; swap set to the same value, so the limit is the whole
     * memory and the engine accepts it on a container created without one) and/or CPU limit (% of one
     * core, in the form the container has, see {@link CpuLimit#set}), and reads back what the engine
     * applied; where the container has no limit, the host's memory or CPUs (the engine's {@code /info}).
     *
     * @throws DockerRefused with the engine's reason when it refuses the values
     */
    public ContainerLimits update(String idOrName, Long memoryBytes, Double cpuPercent) {
        InspectContainerResponse before = catalogue.managedInspect(idOrName);
        String id = before.getId();
        var cmd = connection.engine().api().updateContainerCmd(id);
        if (memoryBytes != null) {
            cmd.withMemory(memoryBytes).withMemorySwap(memoryBytes);
        }
        if (cpuPercent != null) {
            CpuLimit.set(cmd, before.getHostConfig(), cpuPercent);
        }
        connection.refusable(id, cmd::exec);
        catalogue.acted(id);
        InspectContainerResponse after = connection.call(id, () -> connection.engine().api().inspectContainerCmd(id).exec());
        HostConfig host = after.getHostConfig();
        long memory = host == null || host.getMemory() == null ? 0 : host.getMemory();
        double cores = CpuLimit.cores(host);
        if (memory == 0 || cores == 0) {
            Info info = connection.call(null, () -> connection.engine().api().infoCmd().exec());
            memory = memory > 0 ? memory : info.getMemTotal();
            cores = cores > 0 ? cores : info.getNCPU();
        }
        return new ContainerLimits(id, memory, cores * 100);
    }

    /**
     * Removes a container, with its anonymous volumes when asked (named volumes stay: the engine never
     * removes them with a container); a running one only with {@code force} (killed first).
     *
     * @throws DockerRefused with the engine's reason (running without force, removal in progress)
     */
    public void remove(String idOrName, boolean force, boolean volumes) {
        String id = catalogue.managed(idOrName);
        connection.refusable(id, () -> connection.engine().slow().removeContainerCmd(id).withForce(force).withRemoveVolumes(volumes).exec());
        catalogue.removed(id);
    }
}
