package org.hebergos.dockerlink.docker.cgroup;

import java.util.regex.Pattern;

/**
 * The host figures the Engine adds to every container's stats, read once per round next to the counters.
 *
 * @param systemCpuNanos the host's CPU time, {@code /proc/stat}'s first line, fields 1-7 (user to
 *                       softirq; steal and guest left out, as the Engine does) in USER_HZ ticks × 10^7
 * @param onlineCpus     the number of {@code cpuN} lines of {@code /proc/stat} (not the JVM's processor
 *                       count, which honours the agent container's own CPU limit)
 * @param memTotalBytes  {@code MemTotal} of {@code /proc/meminfo}: the Engine caps a memory limit at it
 */
public record HostReading(long systemCpuNanos, int onlineCpus, long memTotalBytes) {

    private static final int CPU_FIELDS = 7;
    private static final Pattern CPU_N = Pattern.compile("cpu\\d+");

    static HostReading parse(String procStat, String meminfo) throws CgroupUnreadable {
        long ticks = -1;
        int cpus = 0;
        for (String line : procStat.split("\n")) {
            // the cpu lines come first; the long intr and softirq lines are not split
            if (!line.startsWith("cpu")) {
                continue;
            }
            String[] fields = CgroupText.fields(line);
            if (fields[0].equals("cpu")) {
                if (fields.length <= CPU_FIELDS) {
                    throw new CgroupUnreadable("stat", "fewer than " + CPU_FIELDS + " fields on the cpu line");
                }
                ticks = 0;
                for (int i = 1; i <= CPU_FIELDS; i++) {
                    ticks += CgroupText.parse("stat", fields[i]);
                }
            } else if (CPU_N.matcher(fields[0]).matches()) {
                cpus++;
            }
        }
        if (ticks < 0 || cpus == 0) {
            throw new CgroupUnreadable("stat", "no cpu and cpuN lines");
        }
        return new HostReading(ticks * CgroupV1Counters.NANOS_PER_TICK, cpus, memTotal(meminfo));
    }

    private static long memTotal(String meminfo) throws CgroupUnreadable {
        for (String line : meminfo.split("\n")) {
            if (line.startsWith("MemTotal:")) {
                String[] fields = CgroupText.fields(line);
                if (fields.length != 3 || !fields[2].equals("kB")) {
                    throw new CgroupUnreadable("meminfo", "unexpected line '" + line + "'");
                }
                return CgroupText.parse("meminfo", fields[1]) * 1024;
            }
        }
        throw new CgroupUnreadable("meminfo", "no MemTotal line");
    }
}
