package org.hebergos.dockerlink.docker;

/**
 * A container's limits in the units of its stats: memory in bytes (the host's memory when it has no
 * limit) and CPU in % of one core (online CPUs × 100 when it has no limit).
 */
public record ContainerLimits(String id, long memoryBytes, double cpuPercent) {
}
