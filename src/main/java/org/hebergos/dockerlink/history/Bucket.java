package org.hebergos.dockerlink.history;

/**
 * The figures of a time bucket, in raw units: a half-hour summary as stored, or one point of a
 * downsampled answer. Sums rather than means, so buckets merge into larger ones exactly.
 *
 * @param start          unix second the bucket starts (a multiple of its length)
 * @param samples        raw samples it stands for
 * @param memoryUsedSum  sum of their {@code memory.used} (bytes), the mean is this over {@code samples}
 * @param cpuPercentSum  sum of their {@code cpu.usage_percent}
 * @param memoryLimit    and the following up to {@code netDown}: those of the bucket's last sample
 * @param deltaUp        sum of the samples' deltas (bytes), so traffic adds up whatever the bucket size
 * @param lastTime       unix second of the bucket's last sample
 */
public record Bucket(long start,
                     int samples,
                     long memoryUsedSum,
                     long memoryUsedMax,
                     double cpuPercentSum,
                     double cpuPercentMax,
                     long memoryLimit,
                     double cpuLimitPercent,
                     long netUp,
                     long netDown,
                     long deltaUp,
                     long deltaDown,
                     long lastTime) {

    public double memoryUsedMean() {
        return (double) memoryUsedSum / samples;
    }

    public double cpuPercentMean() {
        return cpuPercentSum / samples;
    }
}
