package org.hebergos.dockerlink.history;

/**
 * One raw sample as the panel sees it, in raw units (bytes): what a history read hands back. The
 * baselines the sampler also keeps ({@code Sample}) stay in the store.
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
