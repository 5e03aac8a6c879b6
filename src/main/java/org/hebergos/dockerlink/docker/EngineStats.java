package org.hebergos.dockerlink.docker;

import java.time.Instant;
import java.util.Map;

/**
 * The figures of one Engine stats reading the agent uses, as raw counters (bytes, nanoseconds).
 *
 * @param read           when the engine took the reading; null when the host's CPU time and CPU count are given
 * @param hasCpu         false when the reading carries no CPU figures (the container stopped meanwhile)
 * @param cpuTotalNanos  CPU time the container has used since it started
 * @param systemCpuNanos the host's CPU time over all CPUs, the clock {@code docker stats} divides by
 * @param onlineCpus     CPUs the container can see
 * @param memoryUsage    {@code memory_stats.usage}
 * @param memoryStats    {@code memory_stats.stats} (cgroup v1 or v2 keys)
 * @param memoryLimit    {@code memory_stats.limit}: the container's limit, or the host's memory
 * @param netRxBytes     received, summed over all networks
 * @param netTxBytes     sent, summed over all networks
 * @param origin         which source read it
 */
public record EngineStats(Instant read,
                          boolean hasCpu,
                          long cpuTotalNanos,
                          long systemCpuNanos,
                          int onlineCpus,
                          long memoryUsage,
                          Map<String, Long> memoryStats,
                          long memoryLimit,
                          long netRxBytes,
                          long netTxBytes,
                          StatsOrigin origin) {
}
