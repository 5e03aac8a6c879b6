package org.hebergos.dockerlink.stats;

/**
 * One sample as the panel sees it: what a history query reads back (raw units; {@link StatsJson}
 * writes GiB and KiB). The baselines a {@link Sample} also keeps stay in the store.
 */
public record Point(long time,
                    long memoryUsed,
                    long memoryLimit,
                    double cpuPercent,
                    double cpuLimitPercent,
                    long netUp,
                    long netDown,
                    long deltaUp,
                    long deltaDown) {
}
