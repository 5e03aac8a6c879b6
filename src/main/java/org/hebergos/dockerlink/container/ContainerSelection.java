package org.hebergos.dockerlink.container;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hebergos.dockerlink.docker.ContainerInfo;

/**
 * Picks containers out of one listing the way the engine resolves a reference: exact full id, then exact
 * name, then an id prefix that only one container has. References that match nothing are dropped.
 */
final class ContainerSelection {

    private ContainerSelection() {
    }

    static List<ContainerInfo> select(List<ContainerInfo> all, List<ContainerRef> refs) {
        Set<ContainerInfo> chosen = new LinkedHashSet<>();
        for (ContainerRef ref : refs) {
            resolve(all, ref.value()).ifPresent(chosen::add);
        }
        return List.copyOf(chosen);
    }

    static Optional<ContainerInfo> resolve(List<ContainerInfo> all, String ref) {
        List<ContainerInfo> matches = ContainerInfo.matching(all, ref);
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }
}
