package org.hebergos.dockerlink.docker;

import java.util.Map;
import org.hebergos.dockerlink.docker.cgroup.CgroupReading;
import org.hebergos.dockerlink.docker.cgroup.CgroupVersion;
import org.hebergos.dockerlink.docker.cgroup.HostReading;

/**
 * A container's counters read from its cgroup files as the {@link EngineStats} the Engine's payload would
 * have given through {@link EngineStatsParser}: field by field the same numbers, so every wire figure
 * ({@code docker stats}' memory used, CPU %, network totals, limits) is the same whichever source was read.
 */
public final class CgroupEngineStats {

    private CgroupEngineStats() {
    }

    public static EngineStats of(CgroupReading reading, HostReading host) {
        long rx = 0;
        long tx = 0;
        for (CgroupReading.InterfaceCounters network : reading.networks()) {
            rx += network.rxBytes();
            tx += network.txBytes();
        }
        // the payload names the page cache docker stats leaves out by the cgroup version's own key
        String inactiveFile = reading.version() == CgroupVersion.V1 ? "total_inactive_file" : "inactive_file";
        CgroupReading.Memory memory = reading.memory();
        return new EngineStats(null, true, reading.cpu().usageNanos(), host.systemCpuNanos(), host.onlineCpus(),
                memory.usage(), Map.of(inactiveFile, memory.inactiveFile()),
                // the Engine gives the host's memory as the limit of a container without one
                Math.min(memory.limit(), host.memTotalBytes()), rx, tx, StatsOrigin.CGROUP);
    }
}
