package org.hebergos.dockerlink.container;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hebergos.dockerlink.docker.ContainerActions;
import org.hebergos.dockerlink.docker.ContainerCatalogue;
import org.hebergos.dockerlink.docker.ContainerInfo;
import org.hebergos.dockerlink.docker.ContainerLimits;
import org.hebergos.dockerlink.docker.ContainerNotFound;
import org.hebergos.dockerlink.stats.StatsMath;

/** Lists containers for the panel, starts, stops and restarts them, changes their limits and removes them. */
@ApplicationScoped
public class ContainerService {

    @Inject
    ContainerCatalogue catalogue;
    @Inject
    ContainerActions actions;

    /** Keyed by full id, in the engine's order; {@code ids} wins over {@code runningOnly}. */
    public Map<String, ContainerView> list(List<ContainerRef> ids, boolean runningOnly) {
        List<ContainerInfo> listed = catalogue.containers(ids.isEmpty() && runningOnly);
        List<ContainerInfo> chosen = ids.isEmpty() ? listed : ContainerSelection.select(listed, ids);
        Map<String, ContainerView> views = new LinkedHashMap<>();
        chosen.forEach(c -> views.put(c.id(), ContainerView.of(c)));
        return views;
    }

    public void start(ContainerRef ref) {
        actions.start(ref.value());
    }

    public void stop(ContainerRef ref, Integer graceSeconds) {
        actions.stop(ref.value(), graceSeconds);
    }

    public void restart(ContainerRef ref, Integer graceSeconds) {
        actions.restart(ref.value(), graceSeconds);
    }

    /** The container's list entry with the limits the engine applied. */
    public Map<String, ContainerView> limit(ContainerRef ref, LimitsChange change) {
        ContainerLimits limits = actions.update(ref.value(), change.memoryBytes(), change.cpuPercent());
        ContainerInfo info = catalogue.containers(false).stream().filter(c -> c.id().equals(limits.id())).findFirst()
                .orElseThrow(() -> new ContainerNotFound(ref.value()));
        return Map.of(limits.id(), ContainerView.of(info).withLimits(limits.memoryBytes() / StatsMath.BYTES_PER_GIB, limits.cpuPercent()));
    }

    public void remove(ContainerRef ref, boolean force, boolean volumes) {
        actions.remove(ref.value(), force, volumes);
    }
}
