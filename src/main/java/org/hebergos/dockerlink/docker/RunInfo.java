package org.hebergos.dockerlink.docker;

import java.time.Instant;

/**
 * What stays fixed while a container keeps running: when this run started (it identifies the run)
 * and its CPU limit in cores, 0 when it has none.
 */
public record RunInfo(Instant startedAt, double cpuLimitCores) {
}
