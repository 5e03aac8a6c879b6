package org.hebergos.dockerlink.docker.cgroup;

import static org.hebergos.dockerlink.docker.cgroup.CgroupText.keyed;
import static org.hebergos.dockerlink.docker.cgroup.CgroupText.limit;
import static org.hebergos.dockerlink.docker.cgroup.CgroupText.number;
import static org.hebergos.dockerlink.docker.cgroup.CgroupText.required;

import java.util.Map;

/**
 * The cgroup v1 files the Engine (containerd's cgroups v1.0.4, moby's {@code statsV1}) reads, parsed the
 * same way, so every figure the payload carries is the same number.
 */
final class CgroupV1Counters {

    /** {@code cpuacct.stat} counts USER_HZ ticks; the Engine takes USER_HZ as 100, as Linux fixes it. */
    static final long NANOS_PER_TICK = 10_000_000L;
    private static final String MEMORY_STAT = "memory.stat";

    private CgroupV1Counters() {
    }

    static CgroupReading.Memory memory(CounterFiles memory) throws CgroupUnreadable {
        Map<String, Long> stat = keyed(MEMORY_STAT, memory.content(MEMORY_STAT));
        Map<String, Long> oom = keyed("memory.oom_control", memory.content("memory.oom_control"));
        return new CgroupReading.Memory(
                number("memory.usage_in_bytes", memory.content("memory.usage_in_bytes")),
                number("memory.max_usage_in_bytes", memory.content("memory.max_usage_in_bytes")),
                number("memory.failcnt", memory.content("memory.failcnt")),
                number("memory.limit_in_bytes", memory.content("memory.limit_in_bytes")),
                required(MEMORY_STAT, stat, "total_inactive_file"),
                required(MEMORY_STAT, stat, "total_rss"),
                required(MEMORY_STAT, stat, "total_cache"),
                required(MEMORY_STAT, stat, "total_mapped_file"),
                // the kernel writes swap lines only with swap accounting on (swapaccount=1)
                stat.getOrDefault("total_swap", 0L),
                required("memory.oom_control", oom, "oom_kill"),
                CgroupReading.NOT_KEPT,
                CgroupReading.NOT_KEPT);
    }

    static CgroupReading.Cpu cpu(CounterFiles cpuacct, CounterFiles cpu) throws CgroupUnreadable {
        Map<String, Long> ticks = keyed("cpuacct.stat", cpuacct.content("cpuacct.stat"));
        Map<String, Long> stat = keyed("cpu.stat", cpu.content("cpu.stat"));
        return new CgroupReading.Cpu(
                number("cpuacct.usage", cpuacct.content("cpuacct.usage")),
                required("cpuacct.stat", ticks, "user") * NANOS_PER_TICK,
                required("cpuacct.stat", ticks, "system") * NANOS_PER_TICK,
                required("cpu.stat", stat, "nr_periods"),
                required("cpu.stat", stat, "nr_throttled"),
                required("cpu.stat", stat, "throttled_time"));
    }

    static CgroupReading.Pids pids(CounterFiles pids) throws CgroupUnreadable {
        return new CgroupReading.Pids(number("pids.current", pids.content("pids.current")),
                limit("pids.max", pids.content("pids.max")));
    }

    /**
     * The CFQ scheduler's recursive file where it exists, else the throttle policy's non-recursive one,
     * as containerd chooses (on kernels without CFQ the Engine reports the latter).
     */
    static CgroupReading.BlockIo blockIo(CounterFiles blkio) throws CgroupUnreadable {
        String file = blkio.contentOrNull("blkio.io_serviced_recursive") != null
                ? "blkio.io_service_bytes_recursive"
                : "blkio.throttle.io_service_bytes";
        long read = 0;
        long written = 0;
        for (String line : blkio.content(file).split("\n")) {
            String[] fields = CgroupText.fields(line);
            if (line.isBlank() || fields[0].equals("Total") && fields.length == 2) {
                continue;
            }
            if (fields.length != 3 || !CgroupText.DEVICE.matcher(fields[0]).matches()) {
                throw new CgroupUnreadable(file, "unexpected line '" + line + "'");
            }
            // docker stats sums the ops starting with r and w: Read and Write, not Sync/Async/Discard/Total
            switch (fields[1]) {
                case "Read" -> read += CgroupText.parse(file, fields[2]);
                case "Write" -> written += CgroupText.parse(file, fields[2]);
                case "Sync", "Async", "Discard", "Total" -> CgroupText.parse(file, fields[2]);
                default -> throw new CgroupUnreadable(file, "unknown operation " + fields[1]);
            }
        }
        return new CgroupReading.BlockIo(read, written);
    }
}
