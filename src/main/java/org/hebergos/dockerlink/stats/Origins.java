package org.hebergos.dockerlink.stats;

import java.util.Objects;
import java.util.logging.Logger;
import org.hebergos.dockerlink.docker.StatsOrigin;

/** Where one round's readings came from, counted as they are taken (on the round's own thread). */
final class Origins {

    private final StatsOrigin preferred;
    private int cgroup;
    private int engine;

    /** @param preferred where the round's source reads from when it can: other readings are fallbacks */
    Origins(StatsOrigin preferred) {
        this.preferred = preferred;
    }

    void add(StatsOrigin origin) {
        if (origin == StatsOrigin.CGROUP) {
            cgroup++;
        } else {
            engine++;
        }
    }

    /** {@code cgroup}, {@code engine} or {@code mixed}; null when nothing was read. */
    String source() {
        if (cgroup > 0 && engine > 0) {
            return "mixed";
        }
        return cgroup > 0 ? StatsOrigin.CGROUP.label() : engine > 0 ? StatsOrigin.ENGINE.label() : null;
    }

    /** Readings the cgroup source had to take from the Engine. */
    int fallbacks() {
        return preferred == StatsOrigin.CGROUP ? engine : 0;
    }

    /**
     * Logs where the rounds' readings come from at the first round with readings and again whenever that
     * changes (a source, or fallbacks appearing or ending), not every round.
     */
    static final class ChangeLog {

        private final Logger log;
        private String said;

        ChangeLog(Logger log) {
            this.log = log;
        }

        void round(Origins origins) {
            String source = origins.source();
            if (source == null) {
                return;
            }
            String now = source + (origins.fallbacks() > 0 ? "+fallbacks" : "");
            if (!Objects.equals(now, said)) {
                said = now;
                log.info(() -> "stats readings from " + source + ": " + origins.cgroup + " from the cgroup files, " + origins.engine
                        + " from the Engine" + (origins.fallbacks() > 0 ? " (" + origins.fallbacks()
                        + " fell back to it, see the cgroup source's lines for why)" : ""));
            }
        }
    }
}
