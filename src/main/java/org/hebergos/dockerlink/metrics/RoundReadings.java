package org.hebergos.dockerlink.metrics;

import java.util.List;
import org.hebergos.dockerlink.docker.ContainerInfo;
import org.hebergos.dockerlink.stats.Sample;

/**
 * What one sampling round read, kept unchanged until the next round replaces it.
 *
 * @param time     the round's unix second, the key of its samples in {@code v1/container/stats}
 * @param readings one per container sampled in the round
 */
record RoundReadings(long time, List<Reading> readings) {

    RoundReadings {
        readings = List.copyOf(readings);
    }

    /**
     * @param memoryUsage the engine's {@code memory_stats.usage}, page cache included (the sample keeps
     *                    only the working set)
     */
    record Reading(ContainerInfo container, Sample sample, long memoryUsage) {
    }
}
