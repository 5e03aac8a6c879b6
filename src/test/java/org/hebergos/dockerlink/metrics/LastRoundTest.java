package org.hebergos.dockerlink.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.hebergos.dockerlink.docker.ContainerInfo;
import org.hebergos.dockerlink.docker.EngineStats;
import org.hebergos.dockerlink.docker.RunInfo;
import org.hebergos.dockerlink.error.DockerFailed;
import org.hebergos.dockerlink.stats.Sample;
import org.junit.jupiter.api.Test;

/** What the sampler's round leaves for the next scrapes. */
class LastRoundTest {

    private final LastRound cut = new LastRound();

    private static ContainerInfo running(String id) {
        return new ContainerInfo(id, "c-" + id, "hebergos-test/busybox:1", "running", null, new RunInfo(Instant.EPOCH, 0, 0));
    }

    private static EngineStats stats(long usage) {
        return new EngineStats(null, true, 5, 10, 1, usage, Map.of(), 1 << 30, 0, 0);
    }

    private static Sample sample(String id) {
        return new Sample(id, 100, 0, 1000, 1 << 30, 0, 100, 5, 10, 0, 0, 0, 0);
    }

    @Test
    void keepsTheSampledContainersAndCountsTheReadingsThatFailedOrCameTooLate() {
        Map<ContainerInfo, Future<EngineStats>> readings = new LinkedHashMap<>();
        readings.put(running("a"), CompletableFuture.completedFuture(stats(4096)));
        readings.put(running("stopped"), CompletableFuture.completedFuture(null));
        readings.put(running("failed"), CompletableFuture.failedFuture(new DockerFailed("boom", null)));
        CompletableFuture<EngineStats> late = new CompletableFuture<>();
        late.cancel(true);
        readings.put(running("late"), late);

        cut.publish(100, readings, Map.of("a", sample("a")));

        RoundReadings round = cut.round().orElseThrow();
        assertEquals(100, round.time());
        assertEquals(1, round.readings().size(), round::toString);
        RoundReadings.Reading a = round.readings().get(0);
        assertEquals("a", a.container().id());
        assertEquals(4096, a.memoryUsage());
        assertEquals(sample("a"), a.sample());
        assertEquals(2, cut.failedReadings(), "the failed and the cancelled reading; a stopped container is no failure");

        cut.publish(110, Map.of(running("failed"), CompletableFuture.failedFuture(new DockerFailed("again", null))), Map.of());
        assertEquals(3, cut.failedReadings(), "counted since startup");
        assertTrue(cut.round().orElseThrow().readings().isEmpty(), "the new round replaces the old one");
    }
}
