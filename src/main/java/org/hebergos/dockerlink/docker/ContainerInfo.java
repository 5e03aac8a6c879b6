package org.hebergos.dockerlink.docker;

import java.util.List;

/**
 * One container as the engine lists it, translated to our terms.
 *
 * @param id       full 64-hex id
 * @param name     primary name without Docker's leading {@code /}
 * @param image    the image as the container was created from it (a name or an image id), for the metrics' {@code image} label
 * @param state    Docker's state string as is ({@code running}, {@code exited}, {@code created}, …)
 * @param exitCode the last exit code, only for {@code exited}
 * @param run      the current run, only for {@code running}
 */
public record ContainerInfo(String id, String name, String image, String state, Integer exitCode, RunInfo run) {

    public boolean running() {
        return run != null;
    }

    /**
     * The containers of {@code all} that {@code ref} names, the way the engine resolves a reference: the
     * exact full id, else the exact name, else the ids starting with {@code ref}. At most two are returned:
     * two mean the prefix is ambiguous.
     */
    public static List<ContainerInfo> matching(List<ContainerInfo> all, String ref) {
        List<ContainerInfo> exact = all.stream().filter(c -> c.id().equals(ref)).findFirst()
                .or(() -> all.stream().filter(c -> c.name().equals(ref)).findFirst()).stream().toList();
        return exact.isEmpty() ? all.stream().filter(c -> c.id().startsWith(ref)).limit(2).toList() : exact;
    }
}
