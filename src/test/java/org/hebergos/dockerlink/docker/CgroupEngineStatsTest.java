package org.hebergos.dockerlink.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hebergos.dockerlink.docker.cgroup.CgroupTrees;
import org.hebergos.dockerlink.stats.Sample;
import org.hebergos.dockerlink.stats.StatsMath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cgroup source gives the Engine source's {@link EngineStats}, so the same wire figures: on derived
 * v2 trees (built from a recorded v2 payload's numbers) field for field; on the trees recorded on this
 * v1 host next to the payload and the {@code docker stats} line of the same moment, every figure that
 * did not move in between (src/test/resources/cgroup/README.md).
 */
class CgroupEngineStatsTest {

    private static final RunInfo RUN = new RunInfo(Instant.parse("2020-01-01T00:00:00Z"), 0, 0, 0, "default");
    /** One CFS period: a throttled container may run a whole one before the quota stops it. */
    private static final long CFS_PERIOD_NANOS = 100_000_000;

    private static EngineStats fromFiles(Path tree) throws Exception {
        return CgroupEngineStats.of(CgroupTrees.read(tree), CgroupTrees.host(tree));
    }

    private static Sample wire(EngineStats stats) {
        return StatsMath.next("c", RUN, stats, null, 1, 0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // tree, used bytes, limit bytes, rx, tx: docker stats' figures of the payload (engine-stats README)
            "v2-cgroupfs/otel-shm-256m, 234647552, 268435456, 1296, 0",
            "v2-cgroupfs/otel-pids-max-no-limit, 348160, 2063048704, 3608, 0",
            "v2-systemd/go-dockerclient-no-limit, 16674816, 67353382912, 96802652, 16597749",
    })
    void aV2TreeGivesTheEngineStatsOfThePayloadWithTheSameNumbers(String name, long used, long limit, long rx, long tx)
            throws Exception {
        Path tree = CgroupTrees.tree(name);
        String payload = CgroupTrees.recording(tree).get("from_payload").replace("src/test/resources/", "");
        EngineStats engine = EngineStatsParser.parse(CgroupTrees.bytes(CgroupTrees.tree("../" + payload)));

        EngineStats files = fromFiles(tree);

        assertEquals(StatsOrigin.CGROUP, files.origin());
        assertEquals(engine, new EngineStats(files.read(), files.hasCpu(), files.cpuTotalNanos(), files.systemCpuNanos(),
                files.onlineCpus(), files.memoryUsage(), files.memoryStats(), files.memoryLimit(), files.netRxBytes(),
                files.netTxBytes(), StatsOrigin.ENGINE), "field by field the Engine's, only the origin differs");
        Sample sample = wire(files);
        assertEquals(List.of(used, limit, rx, tx), List.of(sample.memoryUsed(), sample.memoryLimit(), sample.netDown(), sample.netUp()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // tree, the container's CPU limit in cores (none: the host's 2 CPUs)
            "v1-cgroupfs/busy-loop-cpus-0.5, 0.5",
            "v1-cgroupfs/memory-held-64m, 2",
    })
    void aV1RecordingGivesTheEnginesFiguresOfTheSameMoment(String name, double cores) throws Exception {
        Path tree = CgroupTrees.tree(name);
        EngineStats engine = EngineStatsParser.parse(CgroupTrees.bytes(tree.resolve("engine-stats.json")));

        EngineStats files = fromFiles(tree);

        assertEquals(engine.memoryLimit(), files.memoryLimit());
        // the v1 payload also has the group's own inactive_file, which docker stats reads only without
        // total_inactive_file; a container's cgroup is a leaf, where the two are the same number
        assertEquals(Set.of("total_inactive_file"), files.memoryStats().keySet());
        assertEquals(engine.memoryStats().get("total_inactive_file"), engine.memoryStats().get("inactive_file"));
        assertEquals(wire(engine).memoryUsed(), wire(files).memoryUsed());
        assertEquals(List.of(engine.netRxBytes(), engine.netTxBytes()), List.of(files.netRxBytes(), files.netTxBytes()));
        assertEquals(engine.onlineCpus(), files.onlineCpus());
        // the files were read after the payload: the CPU counters moved on, by no more than the container can use
        long elapsed = (files.systemCpuNanos() - engine.systemCpuNanos()) / files.onlineCpus();
        long used = files.cpuTotalNanos() - engine.cpuTotalNanos();
        assertTrue(elapsed >= 0 && used >= 0, "files read before the payload?");
        assertTrue(used <= cores * elapsed + CFS_PERIOD_NANOS, used + " ns of CPU in " + elapsed + " ns");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"v1-cgroupfs/busy-loop-cpus-0.5", "v1-cgroupfs/memory-held-64m"})
    void theRecordedDockerStatsLineShowsTheFilesFigures(String name) throws Exception {
        Path tree = CgroupTrees.tree(name);
        String[] line = new String(CgroupTrees.bytes(tree.resolve("docker-stats.txt"))).lines().skip(1).findFirst()
                .orElseThrow().split(" {2,}");
        Sample sample = wire(fromFiles(tree));

        assertEquals(binary(sample.memoryUsed()) + " / " + binary(sample.memoryLimit()), line[2]);
        assertEquals(String.format("%.2f%%", 100d * sample.memoryUsed() / sample.memoryLimit()), line[3]);
        assertEquals(decimal(sample.netDown()) + " / " + decimal(sample.netUp()), line[4]);
        assertEquals(String.valueOf(CgroupTrees.read(tree).pids().current()), line[6]);
    }

    /** go-units' BytesSize, which docker stats uses for memory: base 1024, four significant digits. */
    private static String binary(long bytes) {
        return size(bytes, 1024, 4, "B", "KiB", "MiB", "GiB", "TiB");
    }

    /** go-units' HumanSizeWithPrecision(…, 3), which docker stats uses for network and block I/O. */
    private static String decimal(long bytes) {
        return size(bytes, 1000, 3, "B", "kB", "MB", "GB", "TB");
    }

    private static String size(long bytes, double base, int digits, String... units) {
        double size = bytes;
        int unit = 0;
        while (size >= base && unit < units.length - 1) {
            size /= base;
            unit++;
        }
        return new BigDecimal(size).round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros().toPlainString()
                + units[unit];
    }
}
