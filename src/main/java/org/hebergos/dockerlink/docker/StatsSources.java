package org.hebergos.dockerlink.docker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.hebergos.dockerlink.config.Settings;
import org.hebergos.dockerlink.docker.cgroup.CgroupReader;

/** The sampler's {@link ContainerStatsSource}, as {@code stats_source} chooses it. */
@ApplicationScoped
public class StatsSources {

    private static final Logger LOG = Logger.getLogger(StatsSources.class.getName());
    /** Where the image mounts the host's {@code /proc}: container pids from the Engine are host pids. */
    static final Path HOST_PROC = Path.of("/host/proc");

    @Produces
    @ApplicationScoped
    ContainerStatsSource chosen(Settings settings, EngineStatsSource engine) {
        Settings.StatsSource choice = settings.statsSource();
        if (choice == Settings.StatsSource.ENGINE) {
            LOG.info("stats_source=engine: one Engine stats call per running container and round");
            return engine;
        }
        Path proc = Files.isDirectory(HOST_PROC) ? HOST_PROC : Path.of("/proc");
        LOG.info(() -> "stats_source=" + choice.name().toLowerCase(java.util.Locale.ROOT) + ": containers' cgroup files under"
                + " /sys/fs/cgroup, their processes in " + proc + (choice == Settings.StatsSource.AUTO
                ? "; a container they cannot give is read through the Engine" : "; no Engine fallback"));
        return new CgroupStatsSource(new CgroupReader(Path.of("/"), proc), choice == Settings.StatsSource.AUTO ? engine : null);
    }
}
