package org.hebergos.dockerlink.docker;

/** Where a reading's counters came from: the container's cgroup files, or the Engine's stats call. */
public enum StatsOrigin {
    CGROUP,
    ENGINE;

    /** The name {@code /health} and the logs use, as the {@code stats_source} setting spells it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
