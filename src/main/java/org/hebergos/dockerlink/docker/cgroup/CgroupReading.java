package org.hebergos.dockerlink.docker.cgroup;

import java.util.List;

/**
 * Every counter of one container read from its cgroup files and {@code /proc/<pid>/net/dev}, raw and in
 * the same units on v1 and v2 (bytes, nanoseconds, counts). The Engine's payload carries some of them;
 * the rest feed the cAdvisor metrics.
 *
 * @param networks one entry per interface of its network namespace except {@code lo}; empty when the
 *                 container has no network figures of its own (network mode {@code host} or {@code none})
 */
public record CgroupReading(CgroupVersion version, Memory memory, Cpu cpu, Pids pids, BlockIo blockIo,
                            List<InterfaceCounters> networks) {

    /** A limit of {@code max} (or v1's page-rounded 2^63): no limit. */
    public static final long UNLIMITED = CgroupText.UNLIMITED;
    /** A counter this cgroup version does not keep. */
    public static final long NOT_KEPT = -1;

    public CgroupReading {
        networks = List.copyOf(networks);
    }

    /**
     * @param usage        v1 {@code memory.usage_in_bytes}, v2 {@code memory.current}
     * @param maxUsage     v1 {@code memory.max_usage_in_bytes}, v2 {@code memory.peak} (kernel 5.19+) or {@link #NOT_KEPT}
     * @param failcnt      v1 {@code memory.failcnt}; v2 {@code memory.events oom}, as the Engine maps it
     * @param limit        v1 {@code memory.limit_in_bytes}, v2 {@code memory.max}; uncapped ({@link #UNLIMITED} for {@code max})
     * @param inactiveFile v1 {@code total_inactive_file}, v2 {@code inactive_file}: the page cache {@code docker stats} leaves out
     * @param anon         v1 {@code total_rss}, v2 {@code anon}
     * @param file         v1 {@code total_cache}, v2 {@code file}
     * @param mappedFile   v1 {@code total_mapped_file}, v2 {@code file_mapped}
     * @param swap         v1 {@code total_swap}, v2 {@code memory.swap.current}; 0 where the kernel accounts no swap
     * @param oomKills     v1 {@code memory.oom_control oom_kill}, v2 {@code memory.events oom_kill}
     * @param highEvents   v2 {@code memory.events high}; {@link #NOT_KEPT} on v1
     * @param maxEvents    v2 {@code memory.events max}; {@link #NOT_KEPT} on v1
     */
    public record Memory(long usage, long maxUsage, long failcnt, long limit, long inactiveFile, long anon, long file,
                         long mappedFile, long swap, long oomKills, long highEvents, long maxEvents) {
    }

    /**
     * @param usageNanos          v1 {@code cpuacct.usage}, v2 {@code cpu.stat usage_usec} × 1000
     * @param userNanos           v1 {@code cpuacct.stat user} (USER_HZ ticks) × 10^7, v2 {@code user_usec} × 1000
     * @param systemNanos         v1 {@code cpuacct.stat system} × 10^7, v2 {@code system_usec} × 1000
     * @param periods             {@code cpu.stat nr_periods} (0 without a CPU quota)
     * @param throttledPeriods    {@code cpu.stat nr_throttled}
     * @param throttledNanos      v1 {@code cpu.stat throttled_time}, v2 {@code throttled_usec} × 1000
     */
    public record Cpu(long usageNanos, long userNanos, long systemNanos, long periods, long throttledPeriods,
                      long throttledNanos) {
    }

    /** {@code pids.current} and {@code pids.max} ({@link #UNLIMITED} for {@code max}). */
    public record Pids(long current, long limit) {
    }

    /** Bytes read and written, summed over devices (v1 blkio service bytes, v2 {@code io.stat}). */
    public record BlockIo(long readBytes, long writeBytes) {
    }

    /** One interface's line of {@code /proc/<pid>/net/dev}. */
    public record InterfaceCounters(String name, long rxBytes, long rxPackets, long rxErrors, long rxDropped,
                                    long txBytes, long txPackets, long txErrors, long txDropped) {
    }
}
