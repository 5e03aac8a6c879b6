package org.hebergos.dockerlink.metrics;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.hebergos.dockerlink.docker.ContainerInfo;
import org.hebergos.dockerlink.docker.EngineStats;
import org.hebergos.dockerlink.docker.RunInfo;
import org.hebergos.dockerlink.stats.Sample;

/** A round of {@code n} containers with figures that differ by container and round, as the sampler publishes it. */
final class FakeRound {

    private FakeRound() {
    }

    static void publish(LastRound to, long time, int n) {
        Map<ContainerInfo, Future<EngineStats>> readings = new LinkedHashMap<>();
        Map<String, Sample> samples = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String id = String.format("%064x", i + 1);
            // every third container has a CPU limit, so the quota and period families hold some of them only
            ContainerInfo c = new ContainerInfo(id, "c" + i, i % 2 == 0 ? "nginx:1.27" : "sha256:" + id,
                    "running", null, new RunInfo(Instant.ofEpochSecond(time - 3600 - i), i % 3 == 0 ? 0.5 : 0, (i % 4) << 28));
            long used = (time % 1000) * 4096 + i * 1024L;
            readings.put(c, CompletableFuture.completedFuture(
                    new EngineStats(null, true, time * 1000 + i, time * 2000, 2, used + 4096, Map.of(), 1L << 33, 10L * i, 20L * i)));
            samples.put(id, new Sample(id, time, c.run().startedAt().toEpochMilli(), used, 1L << 33, 0.25 * i, 50,
                    time * 1_000_000 + i * 7_777L, 0, 20L * i + time, 10L * i + time, 0, 0));
        }
        to.publish(time, readings, samples);
    }
}
