package org.hebergos.dockerlink.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hebergos.dockerlink.docker.ContainerInfo;
import org.hebergos.dockerlink.docker.RunInfo;
import org.hebergos.dockerlink.stats.Sample;
import org.hebergos.dockerlink.stats.SamplingRound;
import org.junit.jupiter.api.Test;

/** A round's {@code stats} event, in the stats endpoint's shape. */
class StreamEventTest {

    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);

    private static SamplingRound.Reading reading(String id) {
        ContainerInfo c = new ContainerInfo(id, "c", "busybox", "running", null, new RunInfo(Instant.EPOCH, 0, 0, 0, "default"));
        // 1 GiB of 4 GiB, 2 KiB up and 3 KiB down in all, half of that since the last round
        return new SamplingRound.Reading(c, new Sample(id, 1_000, 0, 1L << 30, 4L << 30, 12.5, 50, 0, 0, 2048, 3072, 1024, 1536), 0);
    }

    @Test
    void eachContainersSampleIsAMemberKeyedByItsTime() {
        SamplingRound round = new SamplingRound(1_000, 1_000_000, 2, List.of(reading(A), reading(B)), 0, null, 5, 0, null, 0);
        Map<String, String> members = StreamEvent.statsMembers(round);
        String member = "\"1000\":{\"memory\":{\"used\":1.0,\"limit\":4.0},\"cpu\":{\"usage_percent\":12.5,\"limit\":50.0},"
                + "\"net\":{\"up\":2,\"down\":3,\"delta_up\":1,\"delta_down\":1.5}}";
        assertEquals(Map.of(A, member, B, member), members);
        assertEquals("{\"" + B + "\":{" + member + "}}", StreamEvent.statsData(members, Set.of(B)));
    }
}
