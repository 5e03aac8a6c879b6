package org.hebergos.dockerlink.stats;

/**
 * One stored reading of one container, in raw units (bytes, nanoseconds); the wire units (GiB, KiB)
 * are applied only when it is written out.
 *
 * @param time            unix second of the sampling round, the key the panel sees
 * @param runStartedMillis when the sampled run of the container started: identifies the run
 * @param cpuPercent      share of one core since the previous sample of the same run (100 = one core)
 * @param cpuLimitPercent the container's CPU limit in the same unit
 * @param cpuTotalNanos   the container's CPU counter, kept as the baseline for the next sample
 * @param cpuClockNanos   wall-clock nanoseconds the CPU counter is measured against (see {@link StatsMath#cpuPercent})
 * @param netUp           bytes sent since the run started
 * @param netDown         bytes received since the run started
 */
public record Sample(String containerId,
                     long time,
                     long runStartedMillis,
                     long memoryUsed,
                     long memoryLimit,
                     double cpuPercent,
                     double cpuLimitPercent,
                     long cpuTotalNanos,
                     long cpuClockNanos,
                     long netUp,
                     long netDown,
                     long deltaUp,
                     long deltaDown) {
}
