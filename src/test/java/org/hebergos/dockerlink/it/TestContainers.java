package org.hebergos.dockerlink.it;

import java.util.ArrayList;
import java.util.List;

/** The containers one test made, removed together after it ({@code removeAll} in an {@code @AfterEach}). */
final class TestContainers {

    private final List<String> ids = new ArrayList<>();

    /** {@code docker run -d ARGS}, remembered for removal; returns the full id. */
    String run(String... args) {
        return add(Docker.runDetached(args));
    }

    /** A container made another way, removed with the others. */
    String add(String id) {
        ids.add(id);
        return id;
    }

    void removeAll() {
        Docker.remove(ids.toArray(String[]::new));
        ids.clear();
    }
}
