package org.hebergos.dockerlink.docker.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader on trees recorded on this project's cgroup v1 host, each next to the Engine's payload of
 * the same moment (src/test/resources/cgroup/README.md), and on the derived v2 trees.
 */
class CgroupReaderTest {

    private static final Path MEMORY_HELD = CgroupTrees.tree("v1-cgroupfs/memory-held-64m");
    private static final Path BUSY_LOOP = CgroupTrees.tree("v1-cgroupfs/busy-loop-cpus-0.5");

    private static JsonNode payload(Path tree) throws IOException {
        return new ObjectMapper().readTree(tree.resolve("engine-stats.json").toFile());
    }

    @Test
    void anIdleContainerReadsTheNumbersOfTheEnginesPayload() throws Exception {
        CgroupReading reading = CgroupTrees.read(MEMORY_HELD);
        JsonNode payload = payload(MEMORY_HELD);
        JsonNode memory = payload.path("memory_stats");
        JsonNode cpu = payload.path("cpu_stats");

        assertEquals(CgroupVersion.V1, reading.version());
        assertEquals(memory.path("limit").asLong(), reading.memory().limit());
        assertEquals(memory.path("max_usage").asLong(), reading.memory().maxUsage());
        assertEquals(memory.path("failcnt").asLong(0), reading.memory().failcnt());
        // the kernel reclaimed 16 KiB of page cache between the two reads: usage and inactive_file moved together
        assertEquals(memory.path("usage").asLong() - memory.path("stats").path("total_inactive_file").asLong(),
                reading.memory().usage() - reading.memory().inactiveFile());
        assertEquals(memory.path("stats").path("total_rss").asLong(), reading.memory().anon());
        assertEquals(0, reading.memory().oomKills());
        assertEquals(new CgroupReading.Cpu(cpu.path("cpu_usage").path("total_usage").asLong(),
                cpu.path("cpu_usage").path("usage_in_usermode").asLong(), cpu.path("cpu_usage").path("usage_in_kernelmode").asLong(),
                0, 0, 0), reading.cpu());
        assertEquals(new CgroupReading.Pids(payload.path("pids_stats").path("current").asLong(), CgroupReading.UNLIMITED), reading.pids());
        assertEquals(new CgroupReading.BlockIo(0, 0), reading.blockIo());
        JsonNode eth0 = payload.path("networks").path("eth0");
        assertEquals(List.of(new CgroupReading.InterfaceCounters("eth0", eth0.path("rx_bytes").asLong(), eth0.path("rx_packets").asLong(),
                eth0.path("rx_errors").asLong(), eth0.path("rx_dropped").asLong(), eth0.path("tx_bytes").asLong(),
                eth0.path("tx_packets").asLong(), eth0.path("tx_errors").asLong(), eth0.path("tx_dropped").asLong())), reading.networks());
    }

    @Test
    void aBusyContainersCountersOnlyMovedForwardSinceThePayload() throws Exception {
        JsonNode payload = payload(BUSY_LOOP);
        CgroupReading reading = CgroupTrees.read(BUSY_LOOP);

        // no limit: v1's page-rounded 2^63 as is; the Engine's cap at MemTotal is CgroupEngineStats' job
        assertEquals(9223372036854771712L, reading.memory().limit());
        assertEquals(payload.path("memory_stats").path("usage").asLong(), reading.memory().usage());
        JsonNode usage = payload.path("cpu_stats").path("cpu_usage");
        assertTrue(reading.cpu().usageNanos() >= usage.path("total_usage").asLong());
        assertTrue(reading.cpu().userNanos() >= usage.path("usage_in_usermode").asLong());
        JsonNode throttling = payload.path("cpu_stats").path("throttling_data");
        assertTrue(reading.cpu().periods() >= throttling.path("periods").asLong());
        assertTrue(reading.cpu().throttledPeriods() >= throttling.path("throttled_periods").asLong());
        assertTrue(reading.cpu().throttledNanos() >= throttling.path("throttled_time").asLong());
        assertTrue(reading.cpu().throttledPeriods() > 0, "a --cpus 0.5 busy loop is throttled");
    }

    @Test
    void aDerivedV2TreeReadsAsTheEngineMapsIt() throws Exception {
        CgroupReading reading = CgroupTrees.read(CgroupTrees.tree("v2-cgroupfs/otel-shm-256m"));

        assertEquals(CgroupVersion.V2, reading.version());
        assertEquals(new CgroupReading.Memory(234647552, CgroupReading.NOT_KEPT, 1, 268435456, 0, 61440, 233848832, 0, 0, 1, 0, 1),
                reading.memory());
        assertEquals(new CgroupReading.Cpu(999478000, 28503000, 970974000, 0, 0, 0), reading.cpu());
        assertEquals(new CgroupReading.Pids(1, 4694), reading.pids());
        assertEquals(new CgroupReading.BlockIo(167936, 0), reading.blockIo());
        assertEquals(List.of(new CgroupReading.InterfaceCounters("eth0", 1296, 16, 0, 0, 0, 0, 0, 0)), reading.networks());
    }

    @Test
    void aMissingCounterFileIsNamedNeverReadAsZero(@TempDir Path temp) throws Exception {
        Path tree = CgroupTrees.copy(MEMORY_HELD, temp);
        Map<String, String> recording = CgroupTrees.recording(tree);
        Files.delete(tree.resolve("sys/fs/cgroup/memory/docker/" + recording.get("container_id") + "/memory.stat"));

        assertEquals("memory.stat: missing", assertThrows(CgroupUnreadable.class, () -> CgroupTrees.read(tree)).getMessage());
    }

    @Test
    void hostAndNoneNetworkModesNeedNoNetDev(@TempDir Path temp) throws Exception {
        Path tree = CgroupTrees.copy(MEMORY_HELD, temp);
        Map<String, String> recording = CgroupTrees.recording(tree);
        int pid = Integer.parseInt(recording.get("pid"));
        Files.delete(tree.resolve("proc/" + pid + "/net/dev"));
        CgroupReader reader = CgroupTrees.reader(tree);
        CgroupDirectories dirs = assertInstanceOf(CgroupLocation.Found.class, reader.locate(recording.get("container_id"), pid)).directories();

        assertEquals(List.of(), reader.read(dirs, pid, NetworkFigures.forNetworkMode("host")).networks());
        assertEquals(List.of(), reader.read(dirs, pid, NetworkFigures.forNetworkMode("none")).networks());
        String message = assertThrows(CgroupUnreadable.class,
                () -> reader.read(dirs, pid, NetworkFigures.forNetworkMode("container:abc"))).getMessage();
        assertTrue(message.endsWith(pid + "/net/dev: missing"), message);
    }

    @Test
    void aVanishedProcessIsUnsupportedWithTheReason() {
        CgroupLocation location = CgroupTrees.reader(MEMORY_HELD).locate(CgroupTrees.recording(MEMORY_HELD).get("container_id"), 1);
        String reason = assertInstanceOf(CgroupLocation.Unsupported.class, location).reason();
        assertTrue(reason.endsWith("1/cgroup: missing"), reason);
    }
}
