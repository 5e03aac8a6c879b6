package org.hebergos.dockerlink.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hebergos.dockerlink.docker.cgroup.CgroupLocation;
import org.hebergos.dockerlink.docker.cgroup.CgroupReader;
import org.hebergos.dockerlink.docker.cgroup.CgroupUnreadable;
import org.hebergos.dockerlink.docker.cgroup.NetworkFigures;
import org.hebergos.dockerlink.stats.StatsMath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cgroup source against the Engine on the live engine of this host (cgroup v1), without the agent:
 * each container read through both, the files right after each Engine payload. Limits exact, memory of a
 * container holding a fixed allocation within 1 %, CPU % of a throttled busy loop within 1 point over the
 * same 10 s window, network totals of a container without traffic within one packet.
 */
class CgroupSourceIT {

    private static final String PREFIX = "hebergos-it-cgroup-";
    private static final String BUSYBOX = "hebergos-test/busybox:1";
    private static final long MIB = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EngineSocket ENGINE = new EngineSocket(URI.create("unix:///var/run/docker.sock"));
    private static final CgroupReader READER = new CgroupReader(Path.of("/"), Path.of("/proc"));
    private static final RunInfo RUN = new RunInfo(Instant.EPOCH, 0, 0, 0, "default");

    /** A running container as the sampler knows it: id, init pid, network mode. */
    private record Running(String id, int pid, String networkMode) {
    }

    @BeforeAll
    static void startContainers() throws Exception {
        stopContainers();
        docker("run", "-d", "--label", "hebergos-it", "--name", PREFIX + "busy", "--cpus", "0.5", BUSYBOX,
                "sh", "-c", "while :; do :; done");
        // 40 MiB in tmpfs: a fixed allocation the kernel cannot reclaim (no page cache to drift)
        docker("run", "-d", "--label", "hebergos-it", "--name", PREFIX + "memory", "-m", "64m", BUSYBOX,
                "sh", "-c", "head -c 41943040 /dev/zero >/dev/shm/hold; touch /tmp/held; sleep 3600");
    }

    @AfterAll
    static void stopContainers() throws Exception {
        new ProcessBuilder("docker", "rm", "-f", PREFIX + "busy", PREFIX + "memory").redirectErrorStream(true).start().waitFor();
    }

    @Test
    void memoryAndLimitsAreTheEnginesForAContainerHoldingAFixedAllocation() throws Exception {
        Running memory = running(PREFIX + "memory");
        for (int i = 0; i < 60 && docker("exec", memory.id(), "ls", "/tmp").isBlank(); i++) {
            Thread.sleep(500);
        }
        EngineStats engine = engine(memory);
        EngineStats files = files(memory);

        assertEquals(64 * MIB, files.memoryLimit());
        assertEquals(engine.memoryLimit(), files.memoryLimit());
        long used = StatsMath.next("c", RUN, files, null, 1, 0).memoryUsed();
        long engineUsed = StatsMath.next("c", RUN, engine, null, 1, 0).memoryUsed();
        assertTrue(used >= 40 * MIB, used + " bytes used");
        assertTrue(Math.abs(used - engineUsed) <= engineUsed / 100, used + " vs the Engine's " + engineUsed);
        // an idle container: no traffic beyond a stray IPv6 solicitation between the two reads
        assertTrue(Math.abs(files.netRxBytes() - engine.netRxBytes()) <= 1500, files.netRxBytes() + " vs " + engine.netRxBytes());
        assertTrue(Math.abs(files.netTxBytes() - engine.netTxBytes()) <= 1500, files.netTxBytes() + " vs " + engine.netTxBytes());
    }

    @Test
    void cpuPercentOfAThrottledBusyLoopIsTheEnginesOverTheSameWindow() throws Exception {
        Running busy = running(PREFIX + "busy");
        EngineStats engineBefore = engine(busy);
        EngineStats filesBefore = files(busy);
        Thread.sleep(10_000);
        EngineStats engineAfter = engine(busy);
        EngineStats filesAfter = files(busy);

        double engine = percent(engineBefore, engineAfter);
        double files = percent(filesBefore, filesAfter);
        assertTrue(engine > 0 && engine <= 50 + 1, "the Engine's CPU % " + engine);
        assertEquals(engine, files, 1.0, "CPU % from the files vs the Engine's");
        assertEquals(engineBefore.memoryLimit(), filesBefore.memoryLimit(), "no limit: the host's memory for both");
    }

    private static double percent(EngineStats before, EngineStats after) {
        return StatsMath.cpuPercent(before.cpuTotalNanos(), before.systemCpuNanos() / before.onlineCpus(),
                after.cpuTotalNanos(), after.systemCpuNanos() / after.onlineCpus());
    }

    private static EngineStats engine(Running container) throws IOException {
        EngineSocket.Answer answer = ENGINE.get("/containers/" + container.id() + "/stats?stream=false&one-shot=true");
        assertEquals(200, answer.status(), () -> new String(answer.body(), StandardCharsets.UTF_8));
        return EngineStatsParser.parse(answer.body());
    }

    private static EngineStats files(Running container) throws CgroupUnreadable {
        CgroupLocation location = READER.locate(container.id(), container.pid());
        CgroupLocation.Found found = assertInstanceOf(CgroupLocation.Found.class, location, location::toString);
        return CgroupEngineStats.of(READER.read(found.directories(), container.pid(),
                NetworkFigures.forNetworkMode(container.networkMode())), READER.host());
    }

    private static Running running(String name) throws IOException {
        EngineSocket.Answer answer = ENGINE.get("/containers/" + name + "/json");
        assertEquals(200, answer.status(), name + " not found");
        JsonNode inspect = JSON.readTree(answer.body());
        assertTrue(inspect.path("State").path("Running").asBoolean(), name + " is not running");
        return new Running(inspect.path("Id").asText(), inspect.path("State").path("Pid").asInt(),
                inspect.path("HostConfig").path("NetworkMode").asText());
    }

    private static String docker(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("docker"));
        argv.addAll(List.of(args));
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            fail(String.join(" ", argv) + " failed: " + output + " (is the engine running? scripts/test.sh starts it)");
        }
        return output;
    }
}
