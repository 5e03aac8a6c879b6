package org.hebergos.dockerlink.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.hebergos.dockerlink.config.Settings;
import org.hebergos.dockerlink.docker.cgroup.CgroupTrees;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cgroup source on a copy of a tree recorded on this host (src/test/resources/cgroup), with the
 * Engine played by hand: files first, the Engine for a container they cannot give, said once per run.
 */
class CgroupStatsSourceTest {

    private static final Path RECORDED = CgroupTrees.tree("v1-cgroupfs/memory-held-64m");
    private static final Map<String, String> RECORDING = CgroupTrees.recording(RECORDED);
    private static final String ID = RECORDING.get("container_id");
    private static final int PID = Integer.parseInt(RECORDING.get("pid"));
    private static final Instant STARTED = Instant.parse("2026-12-02T18:13:00Z");
    private static final EngineStats FROM_ENGINE = new EngineStats(null, true, 1, 2, 2, 3, Map.of(), 4, 5, 6, StatsOrigin.ENGINE);

    @TempDir
    Path tree;
    private final List<String> engineReads = new ArrayList<>();
    private final List<String> logged = new ArrayList<>();
    private final Logger log = Logger.getLogger(CgroupStatsSource.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final EngineStatsSource engine = new EngineStatsSource() {
        @Override
        public EngineStats read(ContainerInfo container) {
            engineReads.add(container.id());
            return FROM_ENGINE;
        }
    };

    @BeforeEach
    void copyTree() {
        CgroupTrees.copy(RECORDED, tree);
        log.addHandler(capture);
    }

    @AfterEach
    void stopCapture() {
        log.removeHandler(capture);
    }

    private static ContainerInfo running(Instant started) {
        return new ContainerInfo(ID, "memory-held", "busybox", "running", null, new RunInfo(started, 0, 64 << 20, PID, "default"));
    }

    private EngineStats round(ContainerStatsSource source, ContainerInfo container) {
        source.roundStarts(List.of(container));
        return source.read(container);
    }

    private CgroupStatsSource withFallback() {
        return new CgroupStatsSource(CgroupTrees.reader(tree), engine);
    }

    @Test
    void aContainerIsReadFromItsFilesWithoutAnEngineCall() throws Exception {
        EngineStats stats = round(withFallback(), running(STARTED));

        assertEquals(CgroupEngineStats.of(CgroupTrees.read(RECORDED), CgroupTrees.host(RECORDED)), stats);
        assertEquals(StatsOrigin.CGROUP, stats.origin());
        assertEquals(64L << 20, stats.memoryLimit());
        assertEquals(List.of(), engineReads);
        assertEquals(List.of(), logged);
    }

    @Test
    void aRunIsLocatedOnceAndARestartedContainerAgain() throws Exception {
        CgroupStatsSource source = withFallback();
        round(source, running(STARTED));
        // the pid's cgroup file is read when locating only: gone now, the run already located reads on
        Files.delete(tree.resolve("proc/" + PID + "/cgroup"));

        assertEquals(StatsOrigin.CGROUP, round(source, running(STARTED)).origin());
        assertEquals(List.of(), engineReads);

        assertSame(FROM_ENGINE, round(source, running(STARTED.plusSeconds(60))), "a new run is located again, and now cannot be");
        assertEquals(List.of(ID), engineReads);
    }

    @Test
    void aContainerNoLongerRunningIsForgottenAtTheNextRound() throws Exception {
        CgroupStatsSource source = withFallback();
        round(source, running(STARTED));
        Files.delete(tree.resolve("proc/" + PID + "/cgroup"));
        source.roundStarts(List.of());

        assertSame(FROM_ENGINE, round(source, running(STARTED)), "located afresh, as a container seen for the first time");
    }

    @Test
    void aFileItCannotReadSendsTheContainerToTheEngineForTheRestOfItsRunSaidOnce() throws Exception {
        Files.delete(tree.resolve("sys/fs/cgroup/memory/docker/" + ID + "/memory.stat"));
        CgroupStatsSource source = withFallback();

        for (int i = 0; i < 3; i++) {
            assertSame(FROM_ENGINE, round(source, running(STARTED)));
        }
        assertEquals(List.of(ID, ID, ID), engineReads);
        assertEquals(1, logged.size(), logged::toString);
        assertTrue(logged.get(0).contains("memory.stat") && logged.get(0).contains("read through the Engine"), logged.get(0));
    }

    @Test
    void withoutTheHostsProcEveryContainerGoesToTheEngine() throws Exception {
        Files.delete(tree.resolve("proc/stat"));

        assertSame(FROM_ENGINE, round(withFallback(), running(STARTED)));
        assertEquals(List.of(ID), engineReads);
    }

    @Test
    void cgroupOnlyMakesAContainerItCannotReadAFailedReading() throws Exception {
        Files.delete(tree.resolve("sys/fs/cgroup/memory/docker/" + ID + "/memory.stat"));
        CgroupStatsSource source = new CgroupStatsSource(CgroupTrees.reader(tree), null);

        IllegalStateException failed = assertThrows(IllegalStateException.class, () -> round(source, running(STARTED)));
        assertTrue(failed.getMessage().contains("memory.stat"), failed.getMessage());
        assertEquals(List.of(), engineReads);
    }

    @Test
    void theSettingChoosesTheSource() {
        StatsSources sources = new StatsSources();
        ContainerInfo noPid = new ContainerInfo(ID, "c", "busybox", "running", null, new RunInfo(STARTED, 0, 0, 0, "default"));

        assertSame(engine, sources.chosen(settings("engine"), engine));
        ContainerStatsSource auto = sources.chosen(settings("auto"), engine);
        assertEquals(StatsOrigin.CGROUP, auto.preferred());
        assertSame(FROM_ENGINE, round(auto, noPid), "auto: the Engine for a container the files cannot give");
        ContainerStatsSource cgroupOnly = sources.chosen(settings("cgroup"), engine);
        assertThrows(IllegalStateException.class, () -> round(cgroupOnly, noPid), "cgroup: no Engine fallback");
        assertEquals(List.of(ID), engineReads);
    }

    private static Settings settings(String statsSource) {
        return Settings.from(Map.of("stats_source", statsSource), key -> null);
    }
}
