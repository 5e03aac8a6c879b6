package org.hebergos.dockerlink.docker;

import java.time.Instant;

/**
 * What stays fixed while a container keeps running (a {@code docker update} drops it, see
 * {@code ContainerCache}): when this run started (it identifies the run), its CPU limit in cores and its
 * memory limit in bytes, each 0 when it has none.
 */
public record RunInfo(Instant startedAt, double cpuLimitCores, long memoryLimitBytes) {
}
