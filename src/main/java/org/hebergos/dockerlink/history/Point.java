package org.hebergos.dockerlink.history;

import org.hebergos.dockerlink.stats.Sample;

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

    /** The part of a sampler's sample the panel sees. */
    public static Point of(Sample s) {
        return new Point(s.time(), s.memoryUsed(), s.memoryLimit(), s.cpuPercent(), s.cpuLimitPercent(),
                s.netUp(), s.netDown(), s.deltaUp(), s.deltaDown());
    }
}
