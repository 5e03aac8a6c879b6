package org.hebergos.dockerlink.history;

import java.io.IOException;

/**
 * Folds raw points and half-hour summaries, given in time order, into buckets aligned on multiples of
 * {@code step}: means and peaks of memory used and CPU, sums of the network deltas, limits and totals
 * of the last sample. A bucket nothing falls into is never emitted.
 */
final class Buckets {

    /** Receives each bucket once it is complete. */
    interface Sink {
        void bucket(Bucket bucket) throws IOException;
    }

    private final long step;
    private final Sink sink;
    private long start = Long.MIN_VALUE;
    private int samples;
    private long memorySum;
    private long memoryMax;
    private double cpuSum;
    private double cpuMax;
    private long memoryLimit;
    private double cpuLimit;
    private long netUp;
    private long netDown;
    private long deltaUp;
    private long deltaDown;
    private long lastTime;

    Buckets(long step, Sink sink) {
        this.step = step;
        this.sink = sink;
    }

    void add(Point p) throws IOException {
        enter(p.time());
        // a figure JSON cannot carry would poison the whole bucket's mean
        double cpu = Double.isFinite(p.cpuPercent()) ? p.cpuPercent() : 0;
        memoryMax = samples == 0 ? p.memoryUsed() : Math.max(memoryMax, p.memoryUsed());
        cpuMax = samples == 0 ? cpu : Math.max(cpuMax, cpu);
        samples++;
        memorySum += p.memoryUsed();
        cpuSum += cpu;
        last(p.time(), p.memoryLimit(), p.cpuLimitPercent(), p.netUp(), p.netDown());
        deltaUp += p.deltaUp();
        deltaDown += p.deltaDown();
    }

    /** A summary of a shorter span (half an hour) inside one bucket: merges as its samples would. */
    void add(Bucket part) throws IOException {
        enter(part.start());
        memoryMax = samples == 0 ? part.memoryUsedMax() : Math.max(memoryMax, part.memoryUsedMax());
        cpuMax = samples == 0 ? part.cpuPercentMax() : Math.max(cpuMax, part.cpuPercentMax());
        samples += part.samples();
        memorySum += part.memoryUsedSum();
        cpuSum += part.cpuPercentSum();
        last(part.lastTime(), part.memoryLimit(), part.cpuLimitPercent(), part.netUp(), part.netDown());
        deltaUp += part.deltaUp();
        deltaDown += part.deltaDown();
    }

    /** Emits the last bucket. */
    void end() throws IOException {
        if (samples > 0) {
            sink.bucket(new Bucket(start, samples, memorySum, memoryMax, cpuSum, cpuMax, memoryLimit, cpuLimit,
                    netUp, netDown, deltaUp, deltaDown, lastTime));
        }
        samples = 0;
    }

    private void enter(long time) throws IOException {
        long bucket = Math.floorDiv(time, step) * step;
        if (bucket != start) {
            end();
            start = bucket;
            memorySum = 0;
            cpuSum = 0;
            deltaUp = 0;
            deltaDown = 0;
        }
    }

    private void last(long time, long memoryLimit, double cpuLimit, long netUp, long netDown) {
        this.lastTime = time;
        this.memoryLimit = memoryLimit;
        this.cpuLimit = cpuLimit;
        this.netUp = netUp;
        this.netDown = netDown;
    }
}
