package org.hebergos.dockerlink.docker.cgroup;

/**
 * Whether a container has network figures of its own, from its network mode, as the Engine decides: a
 * {@code host} container shares the host's interfaces and a {@code none} container has only {@code lo},
 * and the Engine's payload has no {@code networks} for either. A {@code container:<x>} container shares
 * x's namespace, which its own {@code /proc/<pid>/net/dev} shows, as the Engine reports x's interfaces.
 */
public enum NetworkFigures {
    READ,
    NONE;

    public static NetworkFigures forNetworkMode(String networkMode) {
        return networkMode.equals("host") || networkMode.equals("none") ? NONE : READ;
    }
}
