package org.hebergos.dockerlink.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hebergos.dockerlink.docker.ContainerInfo;
import org.hebergos.dockerlink.docker.RunInfo;
import org.hebergos.dockerlink.history.RoundStorage.StoredRound;
import org.hebergos.dockerlink.stats.Sample;
import org.hebergos.dockerlink.stats.SamplingRound;

/** A round of {@code n} containers with figures that differ by container and round, as the sampler fires it. */
final class FakeRound {

    private FakeRound() {
    }

    static SamplingRound of(long time, int n) {
        List<SamplingRound.Reading> readings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = String.format("%064x", i + 1);
            // every third container has a CPU limit, so the quota and period families hold some of them only
            ContainerInfo c = new ContainerInfo(id, "c" + i, i % 2 == 0 ? "nginx:1.27" : "sha256:" + id,
                    "running", null, new RunInfo(Instant.ofEpochSecond(time - 3600 - i), i % 3 == 0 ? 0.5 : 0, (i % 4) << 28, 0, "default"));
            long used = (time % 1000) * 4096 + i * 1024L;
            readings.add(new SamplingRound.Reading(c, new Sample(id, time, c.run().startedAt().toEpochMilli(), used, 1L << 33, 0.25 * i, 50,
                    time * 1_000_000 + i * 7_777L, 0, 20L * i + time, 10L * i + time, 0, 0), used + 4096));
        }
        return new SamplingRound(time, time * 1000, n, readings, 0, null, 1600, 2, null, 0);
    }

    /** {@code round} as the store took it, all stored. */
    static StoredRound stored(SamplingRound round) {
        return new StoredRound(round, round.readings().size(), 0, 0, round.durationMillis());
    }
}
