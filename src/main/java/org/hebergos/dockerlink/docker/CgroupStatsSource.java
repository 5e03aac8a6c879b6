package org.hebergos.dockerlink.docker;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.hebergos.dockerlink.docker.cgroup.CgroupDirectories;
import org.hebergos.dockerlink.docker.cgroup.CgroupLocation;
import org.hebergos.dockerlink.docker.cgroup.CgroupReader;
import org.hebergos.dockerlink.docker.cgroup.CgroupUnreadable;
import org.hebergos.dockerlink.docker.cgroup.HostReading;
import org.hebergos.dockerlink.docker.cgroup.NetworkFigures;
import org.hebergos.dockerlink.logging.RepeatedFailureLog;

/**
 * Reads each running container's counters from its cgroup files, with no Engine call: its directories
 * are found once per run (from its init pid, see {@link CgroupReader#locate}), the host's CPU clock and
 * memory once per round. A container the files cannot give (a layout the reader does not know, a file
 * missing or not understood) is read through the Engine for the rest of its run, said in one log line;
 * with {@code stats_source=cgroup} it is a failed reading instead.
 */
public final class CgroupStatsSource implements ContainerStatsSource {

    private static final Logger LOG = Logger.getLogger(CgroupStatsSource.class.getName());

    private final CgroupReader reader;
    /** The Engine's stats call, for the containers the files cannot give; null when none may go there. */
    private final ContainerStatsSource engine;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final RepeatedFailureLog hostFailure = new RepeatedFailureLog(LOG, "cgroup source, the host's /proc");
    private volatile HostReading host;
    private volatile String hostProblem = "no round started yet";

    /**
     * What one run of a container gives: its directories, or why it is read through the Engine.
     *
     * @param startedAt  the run, with {@code pid}: a restarted container is located again
     * @param engineReason null while the files are read
     */
    private record Run(Instant startedAt, int pid, CgroupDirectories directories, String engineReason) {

        boolean of(RunInfo run) {
            return startedAt.equals(run.startedAt()) && pid == run.pid();
        }
    }

    /** @param engine where containers the files cannot give are read; null: nowhere, their readings fail */
    public CgroupStatsSource(CgroupReader reader, ContainerStatsSource engine) {
        this.reader = reader;
        this.engine = engine;
    }

    @Override
    public StatsOrigin preferred() {
        return StatsOrigin.CGROUP;
    }

    @Override
    public void roundStarts(List<ContainerInfo> running) {
        Set<String> ids = running.stream().map(ContainerInfo::id).collect(Collectors.toSet());
        runs.keySet().retainAll(ids);
        try {
            host = reader.host();
            hostFailure.succeeded();
        } catch (CgroupUnreadable e) {
            host = null;
            hostProblem = e.getMessage();
            hostFailure.failed(hostProblem + (engine == null ? "" : ": every container is read through the Engine"));
        }
    }

    @Override
    public EngineStats read(ContainerInfo container) {
        HostReading round = host;
        if (round == null) {
            return unreadable(container, hostProblem);
        }
        RunInfo info = container.run();
        Run run = runs.get(container.id());
        if (run == null || !run.of(info)) {
            run = locate(container);
            runs.put(container.id(), run);
        }
        if (run.engineReason() != null) {
            return unreadable(container, run.engineReason());
        }
        try {
            return CgroupEngineStats.of(reader.read(run.directories(), info.pid(),
                    NetworkFigures.forNetworkMode(info.networkMode())), round);
        } catch (CgroupUnreadable e) {
            // also a container stopping meanwhile, whose files answer ENODEV: the Engine then says so
            Run failed = new Run(run.startedAt(), run.pid(), null, e.getMessage());
            runs.put(container.id(), failed);
            said(container, failed.engineReason());
            return unreadable(container, failed.engineReason());
        }
    }

    private Run locate(ContainerInfo container) {
        RunInfo info = container.run();
        CgroupLocation location = info.pid() > 0 ? reader.locate(container.id(), info.pid())
                : new CgroupLocation.Unsupported("the engine gave no pid");
        if (location instanceof CgroupLocation.Found found) {
            return new Run(info.startedAt(), info.pid(), found.directories(), null);
        }
        String reason = ((CgroupLocation.Unsupported) location).reason();
        said(container, reason);
        return new Run(info.startedAt(), info.pid(), null, reason);
    }

    /** Once per run of a container (a changed run is located again), never per round. */
    private void said(ContainerInfo container, String reason) {
        LOG.info(() -> "container " + container.name() + " (" + container.id().substring(0, 12) + "): cgroup files not read, "
                + reason + (engine == null ? "; stats_source=cgroup: no readings" : "; read through the Engine for this run"));
    }

    private EngineStats unreadable(ContainerInfo container, String reason) {
        if (engine == null) {
            throw new IllegalStateException("cgroup files of " + container.id().substring(0, 12) + " not read: " + reason);
        }
        return engine.read(container);
    }
}
