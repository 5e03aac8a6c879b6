package org.hebergos.dockerlink.container;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.hebergos.dockerlink.docker.ContainerInfo;

/**
 * One container's list entry on the wire, the same in {@code GET v1/container/} and in the {@code container}
 * events of {@code v1/events}: fields that do not apply are null and so left out of the JSON.
 *
 * @param id          only in an event (the list is keyed by id)
 * @param exitCode    only when exited
 * @param startedAt   unix seconds, only when running
 * @param memoryLimit GiB, only in the answer to a change of limits
 * @param cpuLimit    % of one core, only in the answer to a change of limits
 */
@JsonbPropertyOrder({"id", "name", "state", "exitCode", "startedAt", "memoryLimit", "cpuLimit"})
public record ContainerView(String id,
                            String name,
                            String state,
                            @JsonbProperty("exit_code") Integer exitCode,
                            @JsonbProperty("started_at") Long startedAt,
                            @JsonbProperty("memory_limit") Double memoryLimit,
                            @JsonbProperty("cpu_limit") Double cpuLimit) {

    /**
     * The entry of a container in {@code state}, for an event about {@code id} (null in the list): the exit
     * code is written only when exited, the run's start only when running (a paused run keeps its start,
     * but does not show it).
     */
    public static ContainerView entry(String id, String name, String state, Integer exitCode, Long startedAt) {
        return new ContainerView(id, name, state, "exited".equals(state) ? exitCode : null,
                "running".equals(state) ? startedAt : null, null, null);
    }

    static ContainerView of(ContainerInfo info) {
        return entry(null, info.name(), info.state(), info.exitCode(), info.running() ? info.run().startedAt().getEpochSecond() : null);
    }

    ContainerView withLimits(double memoryGib, double cpuPercent) {
        return new ContainerView(id, name, state, exitCode, startedAt, memoryGib, cpuPercent);
    }
}
