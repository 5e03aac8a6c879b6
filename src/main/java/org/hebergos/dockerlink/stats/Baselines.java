package org.hebergos.dockerlink.stats;

import java.util.Optional;

/**
 * Where the sampler finds a container's last stored sample when it meets the container for the first
 * time since the agent started, so that its CPU percentage and deltas go on from there. The store
 * implements it; the sampler knows no store.
 */
public interface Baselines {

    /** The last stored sample of {@code containerId}; empty when none, or when the store cannot say. */
    Optional<Sample> last(String containerId);
}
