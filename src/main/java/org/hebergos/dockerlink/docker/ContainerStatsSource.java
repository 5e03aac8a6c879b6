package org.hebergos.dockerlink.docker;

import java.util.List;

/**
 * Where the sampler reads a running container's counters from: the Engine's stats call
 * ({@link EngineStatsSource}) or the container's cgroup files ({@link CgroupStatsSource}, which needs the
 * pid of its init process and its network mode, fixed for a run and so kept in its {@link RunInfo}).
 * {@link StatsSources} chooses one from the {@code stats_source} setting.
 */
public interface ContainerStatsSource {

    /**
     * One reading of {@code container} (a running container as {@link ContainerCatalogue#containers} lists it);
     * null when it has stopped meanwhile and there is nothing to read.
     *
     * @throws ContainerNotFound when it is gone
     */
    EngineStats read(ContainerInfo container);

    /**
     * A round is about to read {@code running}, each with {@link #read} on its own thread: the place to
     * read what is the same for every container and to forget the containers no longer running.
     */
    default void roundStarts(List<ContainerInfo> running) {
    }

    /** Where this source reads from when it can: a reading of another origin is a fallback. */
    default StatsOrigin preferred() {
        return StatsOrigin.ENGINE;
    }
}
