package org.hebergos.dockerlink.docker;

/**
 * Where the sampler reads a running container's counters from. The Engine's stats call
 * ({@link EngineStatsSource}) is one source; one that reads the container's cgroup files needs the
 * container's id, the pid of its init process and its network mode, which are fixed for a run and so
 * belong with the container's {@link RunInfo}.
 */
public interface ContainerStatsSource {

    /**
     * One reading of {@code container} (a running container as {@link ContainerCatalogue#containers} lists it);
     * null when it has stopped meanwhile and there is nothing to read.
     *
     * @throws org.hebergos.dockerlink.error.ContainerNotFound when it is gone
     */
    EngineStats read(ContainerInfo container);
}
