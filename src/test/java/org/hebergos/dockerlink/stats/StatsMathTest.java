package org.hebergos.dockerlink.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import org.hebergos.dockerlink.docker.EngineStats;
import org.hebergos.dockerlink.docker.EngineStatsParser;
import org.hebergos.dockerlink.docker.RunInfo;
import org.hebergos.dockerlink.docker.StatsOrigin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every figure checked against what {@code docker stats} shows for the same recorded Engine payload
 * (src/test/resources/engine-stats, values from its README). The previous reading for CPU is the
 * payload's own {@code precpu_stats}, as the agent's previous sample would be.
 */
class StatsMathTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RunInfo RUN = new RunInfo(Instant.parse("2020-01-01T00:00:00Z"), 0, 0, 0, "default");

    private static JsonNode payload(String file) throws IOException {
        try (InputStream in = StatsMathTest.class.getResourceAsStream("/engine-stats/" + file)) {
            return JSON.readTree(in);
        }
    }

    private static EngineStats parse(JsonNode payload) throws IOException {
        return EngineStatsParser.parse(JSON.writeValueAsBytes(payload));
    }

    /** The same payload as it was one reading earlier: its precpu_stats as cpu_stats. */
    private static EngineStats earlier(JsonNode payload) throws IOException {
        ObjectNode copy = payload.deepCopy();
        copy.set("cpu_stats", payload.path("precpu_stats"));
        copy.set("read", payload.path("preread"));
        return parse(copy);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // file, used bytes, limit bytes, cpu %, rx bytes, tx bytes
            "v2-go-dockerclient-TestStatsV2.json, 16674816, 67353382912, 0.0, 96802652, 16597749",
            "v2-otel-dockerstats-pids_stats_max.json, 348160, 2063048704, 0.0, 3608, 0",
            "v1-vespa-two-networks.json, 1514971136, 4294967296, 10.8, 22745036, 74550200",
            "v1-mackerel-ecs-ec2-host-no-networks.json, 3084288, 67108864, 0.056684, 0, 0",
    })
    void matchesDockerStats(String file, long used, long limit, double cpu, long rx, long tx) throws IOException {
        JsonNode payload = payload(file);
        Sample previous = StatsMath.next("c", RUN, earlier(payload), null, 100, 90);
        Sample sample = StatsMath.next("c", RUN, parse(payload), previous, 110, 100);

        assertEquals(used, sample.memoryUsed());
        assertEquals(limit, sample.memoryLimit());
        // the agent keeps four decimals
        assertEquals(cpu, sample.cpuPercent(), 5e-5);
        assertEquals(rx, sample.netDown());
        assertEquals(tx, sample.netUp());
    }

    @Test
    void aOneShotReadingIsNeverUsedForCpuOnItsOwn() throws IOException {
        JsonNode payload = payload("v2-otel-dockerstats-cgroups_v2.json");
        assertFalse(earlier(payload).hasCpu(), "an empty precpu_stats is no reading");
        Sample first = StatsMath.next("c", RUN, parse(payload), null, 100, 90);
        assertEquals(0.0, first.cpuPercent(), "not 0.041327, which dividing by the empty precpu would give");
        assertEquals(234647552L, first.memoryUsed());
        assertEquals(268435456L, first.memoryLimit());
        assertEquals(1296L, first.netDown());
    }

    @Test
    void cgroupV2PayloadsHaveNoPercpuYetCountTheirCpus() throws IOException {
        EngineStats v2 = parse(payload("v2-go-dockerclient-TestStatsV2.json"));
        assertEquals(24, v2.onlineCpus());
        assertEquals(2400.0, StatsMath.next("c", RUN, v2, null, 1, 0).cpuLimitPercent(), "unlimited: online CPUs × 100");
        EngineStats v1 = parse(payload("v1-vespa-two-networks.json"));
        assertEquals(8, v1.onlineCpus(), "no online_cpus: the length of percpu_usage");
    }

    @Test
    void aReadingOfAStoppedContainerIsNotAReading() throws IOException {
        EngineStats stopped = parse(JSON.readTree("{\"read\":\"0001-01-01T00:00:00Z\","
                + "\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":0},\"throttling_data\":{}},"
                + "\"precpu_stats\":{\"cpu_usage\":{\"total_usage\":0}},\"memory_stats\":{}}"));
        assertFalse(stopped.hasCpu());
        assertTrue(parse(payload("v1-mackerel-ecs-ec2-host-no-networks.json")).hasCpu());
    }

    @Test
    void memoryFollowsTheCliIncludingItsEdgeCases() {
        assertEquals(700, StatsMath.memoryUsed(1000, Map.of("total_inactive_file", 300L, "inactive_file", 100L)), "v1 key first");
        assertEquals(900, StatsMath.memoryUsed(1000, Map.of("inactive_file", 100L)), "v2 key");
        assertEquals(1000, StatsMath.memoryUsed(1000, Map.of("inactive_file", 1000L)), "inactive ≥ usage: usage itself, not 0");
        assertEquals(900, StatsMath.memoryUsed(1000, Map.of("total_inactive_file", 5000L, "inactive_file", 100L)),
                "v1 value too large: the CLI falls through to inactive_file");
        assertEquals(1000, StatsMath.memoryUsed(1000, Map.of()), "no cache figures at all");
    }

    @Test
    void cpuIsTheShareOfOneCoreBetweenTwoReadings() {
        assertEquals(50.0, StatsMath.cpuPercent(1_000_000_000L, 0, 6_000_000_000L, 10_000_000_000L), 1e-12);
        assertEquals(200.0, StatsMath.cpuPercent(0, 0, 20_000_000_000L, 10_000_000_000L), 1e-12);
        assertEquals(0.0, StatsMath.cpuPercent(5, 10, 5, 10), "no time elapsed: 0, never NaN");
        assertEquals(0.0, StatsMath.cpuPercent(10, 0, 5, 10), "counter went back: 0, never negative");
        assertEquals(33.3333, StatsMath.cpuPercent(0, 0, 1_000_000_000L, 3_000_000_000L), "four decimals");
        assertEquals(0.0001, StatsMath.cpuPercent(0, 0, 6_000L, 10_000_000_000L), "to the nearest ten-thousandth");
    }

    @Test
    void cpuLimitComesFromTheRun() throws IOException {
        EngineStats stats = parse(payload("v1-mackerel-ecs-ec2-host-no-networks.json"));
        assertEquals(50.0, StatsMath.next("c", new RunInfo(RUN.startedAt(), 0.5, 0, 0, "default"), stats, null, 1, 0).cpuLimitPercent());
        assertEquals(200.0, StatsMath.next("c", RUN, stats, null, 1, 0).cpuLimitPercent());
    }

    private static EngineStats net(long rx, long tx) {
        return new EngineStats(Instant.EPOCH, true, 1, 1, 1, 1, Map.of(), 1, rx, tx, StatsOrigin.ENGINE);
    }

    @Test
    void networkDeltasWithinOneRun() {
        Sample first = StatsMath.next("c", RUN, net(1000, 500), null, 100, 90);
        Sample second = StatsMath.next("c", RUN, net(4000, 700), first, 110, 100);
        assertEquals(3000, second.deltaDown());
        assertEquals(200, second.deltaUp());
    }

    @Test
    void afterARestartTheDeltaIsTheNewTotalNeverNegative() {
        Sample oldRun = StatsMath.next("c", RUN, net(90_000, 80_000), null, 100, 90);
        RunInfo restarted = new RunInfo(RUN.startedAt().plusSeconds(3600), 0, 0, 0, "default");
        Sample newRun = StatsMath.next("c", restarted, net(1200, 300), oldRun, 110, 100);
        assertEquals(1200, newRun.deltaDown());
        assertEquals(300, newRun.deltaUp());
        assertEquals(0.0, newRun.cpuPercent(), "the first sample of a run is 0");
    }

    @Test
    void aCounterThatWentBackWithinARunCountsAsReset() {
        Sample first = StatsMath.next("c", RUN, net(5000, 5000), null, 100, 90);
        Sample second = StatsMath.next("c", RUN, net(100, 40), first, 110, 100);
        assertEquals(100, second.deltaDown());
        assertEquals(40, second.deltaUp());
    }

    @Test
    void aRunMetForTheFirstTimeHasADeltaOnlyIfItStartedSinceTheLastRound() {
        long started = RUN.startedAt().getEpochSecond();
        assertEquals(0, StatsMath.next("c", RUN, net(9000, 9000), null, started + 3600, started + 3590).deltaDown(),
                "running long before the agent looked: no baseline, no delta");
        assertEquals(9000, StatsMath.next("c", RUN, net(9000, 9000), null, started + 5, started - 5).deltaDown(),
                "started since the last round: all of it is new");
    }
}
