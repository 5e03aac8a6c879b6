package org.hebergos.dockerlink.stats;

import java.util.List;
import org.hebergos.dockerlink.docker.ContainerInfo;

/**
 * What one sampling round found, fired as a CDI event once its readings are in: the store, the scrapes,
 * {@code /health} and the live event stream observe it, the sampler names none of them.
 *
 * @param time           unix second the round started, the key of its samples
 * @param startMillis    when it started, in epoch milliseconds (its consumers measure the whole round from it)
 * @param containers     running containers found; 0 when the engine could not be listed
 * @param readings       one per container read this round
 * @param failures       containers whose reading failed or came too late
 * @param failure        why the whole round failed (engine unreachable, a bug); null when it ran
 * @param durationMillis wall time of the sampling itself
 * @param skippedRounds  rounds lost since startup, as counted when this one ended
 * @param source         what the readings came from: {@code cgroup} (the containers' cgroup files), {@code engine}
 *                       (the Engine's stats call) or {@code mixed}; null when nothing was read
 * @param engineFallbacks readings the cgroup source could not take from the files and took from the Engine
 */
public record SamplingRound(long time, long startMillis, int containers, List<Reading> readings, int failures,
                            String failure, long durationMillis, long skippedRounds, String source, int engineFallbacks) {

    public SamplingRound {
        readings = List.copyOf(readings);
    }

    public boolean failed() {
        return failure != null;
    }

    public List<Sample> samples() {
        return readings.stream().map(Reading::sample).toList();
    }

    /**
     * @param memoryUsage the engine's {@code memory_stats.usage}, page cache included (the sample keeps
     *                    only the working set)
     */
    public record Reading(ContainerInfo container, Sample sample, long memoryUsage) {
    }
}
