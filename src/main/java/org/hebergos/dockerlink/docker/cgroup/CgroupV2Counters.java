package org.hebergos.dockerlink.docker.cgroup;

import static org.hebergos.dockerlink.docker.cgroup.CgroupText.keyed;
import static org.hebergos.dockerlink.docker.cgroup.CgroupText.limit;
import static org.hebergos.dockerlink.docker.cgroup.CgroupText.number;
import static org.hebergos.dockerlink.docker.cgroup.CgroupText.required;

import java.util.Map;

/**
 * The cgroup v2 files the Engine (containerd's cgroups v2 manager, moby's {@code statsV2}) reads, parsed
 * the same way: {@code cpu.stat} counts microseconds, {@code memory.events oom} is what the payload calls
 * {@code failcnt}.
 */
final class CgroupV2Counters {

    private static final long NANOS_PER_MICRO = 1000;
    private static final String MEMORY_STAT = "memory.stat";
    private static final String MEMORY_EVENTS = "memory.events";
    private static final String CPU_STAT = "cpu.stat";

    private CgroupV2Counters() {
    }

    static CgroupReading.Memory memory(CounterFiles group) throws CgroupUnreadable {
        Map<String, Long> stat = keyed(MEMORY_STAT, group.content(MEMORY_STAT));
        Map<String, Long> events = keyed(MEMORY_EVENTS, group.content(MEMORY_EVENTS));
        String peak = group.contentOrNull("memory.peak");
        String swap = group.contentOrNull("memory.swap.current");
        return new CgroupReading.Memory(
                number("memory.current", group.content("memory.current")),
                peak == null ? CgroupReading.NOT_KEPT : number("memory.peak", peak),
                required(MEMORY_EVENTS, events, "oom"),
                limit("memory.max", group.content("memory.max")),
                required(MEMORY_STAT, stat, "inactive_file"),
                required(MEMORY_STAT, stat, "anon"),
                required(MEMORY_STAT, stat, "file"),
                required(MEMORY_STAT, stat, "file_mapped"),
                // the swap files exist only where the kernel accounts swap
                swap == null ? 0 : number("memory.swap.current", swap),
                required(MEMORY_EVENTS, events, "oom_kill"),
                required(MEMORY_EVENTS, events, "high"),
                required(MEMORY_EVENTS, events, "max"));
    }

    /**
     * The usage keys are always there; the throttling keys only where the cpu controller is enabled for
     * the group, and without it nothing can be throttled, so they count 0.
     */
    static CgroupReading.Cpu cpu(CounterFiles group) throws CgroupUnreadable {
        Map<String, Long> stat = keyed(CPU_STAT, group.content(CPU_STAT));
        return new CgroupReading.Cpu(
                required(CPU_STAT, stat, "usage_usec") * NANOS_PER_MICRO,
                required(CPU_STAT, stat, "user_usec") * NANOS_PER_MICRO,
                required(CPU_STAT, stat, "system_usec") * NANOS_PER_MICRO,
                stat.getOrDefault("nr_periods", 0L),
                stat.getOrDefault("nr_throttled", 0L),
                stat.getOrDefault("throttled_usec", 0L) * NANOS_PER_MICRO);
    }

    static CgroupReading.Pids pids(CounterFiles group) throws CgroupUnreadable {
        return new CgroupReading.Pids(number("pids.current", group.content("pids.current")),
                limit("pids.max", group.content("pids.max")));
    }

    /** {@code io.stat}: one line per device, {@code MAJ:MIN rbytes=… wbytes=… rios=…}, summed over devices. */
    static CgroupReading.BlockIo blockIo(CounterFiles group) throws CgroupUnreadable {
        String file = "io.stat";
        long read = 0;
        long written = 0;
        for (String line : group.content(file).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = CgroupText.fields(line);
            if (!CgroupText.DEVICE.matcher(fields[0]).matches()) {
                throw new CgroupUnreadable(file, "unexpected line '" + line + "'");
            }
            for (int i = 1; i < fields.length; i++) {
                int equals = fields[i].indexOf('=');
                if (equals <= 0) {
                    throw new CgroupUnreadable(file, "unexpected field '" + fields[i] + "'");
                }
                String key = fields[i].substring(0, equals);
                String value = fields[i].substring(equals + 1);
                // iocost and other policies add keys (cost.vrate=…, some with decimals): only the two are read
                if (key.equals("rbytes")) {
                    read += CgroupText.parse(file, value);
                } else if (key.equals("wbytes")) {
                    written += CgroupText.parse(file, value);
                }
            }
        }
        return new CgroupReading.BlockIo(read, written);
    }
}
