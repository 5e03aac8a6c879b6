package org.hebergos.dockerlink.stats;

import java.util.Map;
import org.hebergos.dockerlink.docker.EngineStats;
import org.hebergos.dockerlink.docker.RunInfo;

/**
 * The arithmetic behind every figure of {@code v1/container/stats}, as pure functions, following the
 * docker CLI's formulas so the panel shows what {@code docker stats} would.
 */
public final class StatsMath {

    /** The wire's memory unit ("Go" in the spec). */
    public static final double BYTES_PER_GIB = 1024d * 1024d * 1024d;
    /**
     * CPU percentages are kept to four decimals (a microsecond of CPU a second): the digits past that are
     * the jitter of the read times, and a rounded figure stores in a third of the space (see the history codec).
     */
    public static final double CPU_PERCENT_SCALE = 10_000;

    private StatsMath() {
    }

    /**
     * The next sample of a container from its engine reading and its previous sample (null if none).
     *
     * @param time             the round's unix second
     * @param previousRoundTime the unix second of the round before (a run started after it is new)
     */
    public static Sample next(String containerId, RunInfo run, EngineStats stats, Sample previous, long time,
                              long previousRoundTime) {
        long runStarted = run.startedAt().toEpochMilli();
        long clock = cpuClockNanos(stats);
        boolean sameRun = previous != null && previous.runStartedMillis() == runStarted;
        double cpu = sameRun ? cpuPercent(previous.cpuTotalNanos(), previous.cpuClockNanos(), stats.cpuTotalNanos(), clock) : 0;
        // Without a previous sample of this run, a run that began since the last round sent its whole
        // total within the interval; an older one has no baseline and shows no delta.
        boolean newRun = previous != null || run.startedAt().getEpochSecond() >= previousRoundTime;
        long deltaUp = sameRun ? delta(previous.netUp(), stats.netTxBytes()) : newRun ? stats.netTxBytes() : 0;
        long deltaDown = sameRun ? delta(previous.netDown(), stats.netRxBytes()) : newRun ? stats.netRxBytes() : 0;
        double limitCores = run.cpuLimitCores() > 0 ? run.cpuLimitCores() : Math.max(1, stats.onlineCpus());
        return new Sample(containerId, time, runStarted,
                memoryUsed(stats.memoryUsage(), stats.memoryStats()), stats.memoryLimit(),
                cpu, limitCores * 100, stats.cpuTotalNanos(), clock,
                stats.netTxBytes(), stats.netRxBytes(), deltaUp, deltaDown);
    }

    /** {@code calculateMemUsageUnixNoCache} of the docker CLI: usage less inactive page cache. */
    static long memoryUsed(long usage, Map<String, Long> stats) {
        Long cgroupV1 = stats.get("total_inactive_file");
        if (cgroupV1 != null && cgroupV1 < usage) {
            return usage - cgroupV1;
        }
        long cgroupV2 = stats.getOrDefault("inactive_file", 0L);
        if (cgroupV2 < usage) {
            return usage - cgroupV2;
        }
        return usage;
    }

    /**
     * The host's CPU time over all CPUs divided by their number is the wall time {@code docker stats}
     * measures against; the engine's read time stands in where the host's CPU time is missing.
     */
    static long cpuClockNanos(EngineStats stats) {
        if (stats.systemCpuNanos() > 0 && stats.onlineCpus() > 0) {
            return stats.systemCpuNanos() / stats.onlineCpus();
        }
        return stats.read().getEpochSecond() * 1_000_000_000L + stats.read().getNano();
    }

    /**
     * CPU time used over wall time elapsed, × 100, to {@link #CPU_PERCENT_SCALE}: 100 means one core fully
     * busy; 0 without elapsed time.
     */
    public static double cpuPercent(long previousCpu, long previousClock, long cpu, long clock) {
        long used = cpu - previousCpu;
        long elapsed = clock - previousClock;
        if (used <= 0 || elapsed <= 0) {
            return 0;
        }
        return Math.round((double) used / elapsed * 100 * CPU_PERCENT_SCALE) / CPU_PERCENT_SCALE;
    }

    /** Counters only grow within a run; one that went back was reset, so all of it is new. */
    static long delta(long previous, long current) {
        return current >= previous ? current - previous : current;
    }
}
