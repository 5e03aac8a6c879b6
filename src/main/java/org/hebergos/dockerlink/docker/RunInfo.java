package org.hebergos.dockerlink.docker;

import java.time.Instant;

/**
 * What stays fixed while a container keeps running (a {@code docker update} drops it, see
 * {@code ContainerCache}), all from the one inspect made when the run is first seen.
 *
 * @param startedAt        when this run started (it identifies the run)
 * @param cpuLimitCores    its CPU limit in cores, 0 when it has none
 * @param memoryLimitBytes its memory limit in bytes, 0 when it has none
 * @param pid              the host pid of its init process (inspect's {@code State.Pid}), where its cgroup
 *                         and network namespace are found; 0 when the engine gave none
 * @param networkMode      inspect's {@code HostConfig.NetworkMode} ({@code default}, {@code bridge},
 *                         {@code host}, {@code none}, {@code container:<id>}, a network's name)
 */
public record RunInfo(Instant startedAt, double cpuLimitCores, long memoryLimitBytes, int pid, String networkMode) {
}
