package org.hebergos.dockerlink.container;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.hebergos.dockerlink.docker.ContainerInfo;

/**
 * One container on the wire ({@code GET v1/container/}): fields that do not apply are null and so left
 * out of the JSON.
 *
 * @param exitCode    only when exited
 * @param startedAt   unix seconds, only when running
 * @param memoryLimit GiB, only in the answer to a change of limits
 * @param cpuLimit    % of one core, only in the answer to a change of limits
 */
@JsonbPropertyOrder({"name", "state", "exitCode", "startedAt", "memoryLimit", "cpuLimit"})
public record ContainerView(String name,
                            String state,
                            @JsonbProperty("exit_code") Integer exitCode,
                            @JsonbProperty("started_at") Long startedAt,
                            @JsonbProperty("memory_limit") Double memoryLimit,
                            @JsonbProperty("cpu_limit") Double cpuLimit) {

    static ContainerView of(ContainerInfo info) {
        return new ContainerView(info.name(), info.state(),
                "exited".equals(info.state()) ? info.exitCode() : null,
                info.running() ? info.run().startedAt().getEpochSecond() : null, null, null);
    }

    ContainerView withLimits(double memoryGib, double cpuPercent) {
        return new ContainerView(name, state, exitCode, startedAt, memoryGib, cpuPercent);
    }
}
