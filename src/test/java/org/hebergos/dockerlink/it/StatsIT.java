package org.hebergos.dockerlink.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.hebergos.dockerlink.stats.StatsMath;
import org.junit.jupiter.api.Test;

/**
 * {@code v1/container/stats} against real containers whose load is known: the agent under test samples
 * every 2 s (src/test/it-env/agent.env).
 */
class StatsIT extends AgentIT {



    @Test
    void aBusyLoopLimitedToHalfACpuReadsUpToFiftyPercent() {
        String id = run("--cpus", "0.5", Docker.BUSYBOX, "sh", "-c", "while :; do :; done");
        long since = Instant.now().getEpochSecond();
        List<JsonObject> samples = Samples.ofABusyLoop(agent, id, since, 50);
        assertEquals(50.0, samples.get(samples.size() - 1).getJsonObject("cpu").getJsonNumber("limit").doubleValue(), 1e-9);
        assertEquals(0.0, Samples.cpuPercent(samples.get(0)), "the first sample of a run has no CPU baseline");
    }

    @Test
    void memoryLimitIsInGibibytes() {
        String id = run("-m", "256m", Docker.BUSYBOX, "sleep", "3600");
        List<JsonObject> samples = samplesUntil(id, 0, s -> !s.isEmpty(), Duration.ofSeconds(30));
        JsonObject memory = samples.get(0).getJsonObject("memory");
        assertEquals(0.25, memory.getJsonNumber("limit").doubleValue(), 1e-12);
        double used = memory.getJsonNumber("used").doubleValue();
        assertTrue(used > 0 && used < 0.25, "used " + used + " GiB");
        assertTrue(used * StatsMath.BYTES_PER_GIB < 64L * 1024 * 1024, "an idle busybox uses far less than 64 MiB: " + used * StatsMath.BYTES_PER_GIB);
    }

    @Test
    void networkTotalsGrowAndDeltasMatchThemAcrossARestart() {
        String server = run(Docker.BUSYBOX, "sh", "-c", "head -c 300000 /dev/zero > /www/f && httpd -f -p 80 -h /www");
        String ip = Docker.inspect(server, "{{.NetworkSettings.IPAddress}}");
        String client = run(Docker.BUSYBOX, "sh", "-c", "while :; do wget -q -O /dev/null http://" + ip + "/f; sleep 0.5; done");
        long since = Instant.now().getEpochSecond();
        List<JsonObject> before = samplesUntil(client, since, s -> s.size() >= 3, Duration.ofSeconds(60));
        assertDeltasAreDifferencesOfTotals(before);
        double firstDown = down(before.get(0));
        double lastDown = down(before.get(before.size() - 1));
        assertTrue(lastDown > firstDown + 300, "down grows by ~290 KiB per second: " + firstDown + " -> " + lastDown);

        Docker.cli("restart", "-t", "0", client);
        long restarted = Docker.startedAt(client).getEpochSecond();
        List<JsonObject> all = samplesUntil(client, since,
                s -> s.stream().filter(x -> x.getJsonNumber("__time").longValue() > restarted + 2).count() >= 2, Duration.ofSeconds(60));
        int resets = 0;
        for (int i = 1; i < all.size(); i++) {
            JsonObject net = all.get(i).getJsonObject("net");
            assertTrue(net.getJsonNumber("delta_down").doubleValue() >= 0 && net.getJsonNumber("delta_up").doubleValue() >= 0, net::toString);
            boolean reset = down(all.get(i)) < down(all.get(i - 1));
            double expected = reset ? down(all.get(i)) : down(all.get(i)) - down(all.get(i - 1));
            assertEquals(expected, net.getJsonNumber("delta_down").doubleValue(), 1e-6,
                    (reset ? "after the restart the delta is the new run's total: " : "delta is the difference of totals: ") + all);
            resets += reset ? 1 : 0;
        }
        assertEquals(1, resets, "the restart shows as one counter reset: " + all);
    }

    @Test
    void historySurvivesARestartOfTheAgent() {
        String id = run(Docker.BUSYBOX, "sleep", "3600");
        AgentEnv env = AgentEnv.of("restart");
        List<Long> times;
        try (MicroServer first = MicroServer.start("restart", env)) {
            times = Samples.times(Samples.until(first.agent(), id, 0, s -> s.size() >= 2, Duration.ofSeconds(60)));
        }
        try (MicroServer second = MicroServer.start("restart", env)) {
            List<Long> after = Samples.times(Samples.until(second.agent(), id, 0, s -> s.size() > times.size(), Duration.ofSeconds(60)));
            assertTrue(after.containsAll(times), "samples " + times + " written before the restart are served after it: " + after);
        }
    }

    @Test
    void sinceIsInclusiveAndAKnownContainerWithNothingNewIsEmpty() {
        String id = run(Docker.BUSYBOX, "sleep", "3600");
        List<Long> times = Samples.times(samplesUntil(id, 0, s -> s.size() >= 2, Duration.ofSeconds(30)));
        long second = times.get(1);
        JsonObject fromSecond = agent.get("v1/container/stats?id=" + id + "&since=" + second).json();
        assertEquals(String.valueOf(second), fromSecond.keySet().iterator().next(), "since is inclusive");
        assertFalse(fromSecond.containsKey(String.valueOf(times.get(0))));

        Agent.Reply future = agent.get("v1/container/stats?id=" + id + "&since=" + (Instant.now().getEpochSecond() + 3600));
        assertEquals(200, future.status(), future::toString);
        assertEquals("{}", future.body().strip());
    }

    @Test
    void badOrMissingParametersAreRefused() {
        String id = run(Docker.BUSYBOX, "sleep", "3600");
        Agent.Reply noSince = agent.get("v1/container/stats?id=" + id);
        assertEquals(400, noSince.status());
        assertTrue(noSince.isPlainText() && noSince.body().startsWith("since:"), noSince::toString);
        Agent.Reply badSince = agent.get("v1/container/stats?id=" + id + "&since=yesterday");
        assertEquals(400, badSince.status());
        assertTrue(badSince.body().startsWith("since:"), badSince::toString);
        Agent.Reply noId = agent.get("v1/container/stats?since=0");
        assertEquals(400, noId.status());
        assertTrue(noId.body().startsWith("id:"), noId::toString);
        Agent.Reply unknown = agent.get("v1/container/stats?id=" + "f".repeat(64) + "&since=0");
        assertEquals(404, unknown.status(), unknown::toString);
        assertTrue(unknown.isPlainText(), unknown::toString);
    }

    @Test
    void healthReportsTheLastRound() {
        run(Docker.BUSYBOX, "sleep", "3600");
        JsonObject round = Samples.of(() -> agent.getAs(null, "health").json(), h -> h.containsKey("stats_round")
                && h.getJsonObject("stats_round").getInt("containers") >= 1, Duration.ofSeconds(30)).getJsonObject("stats_round");
        assertTrue(round.getInt("sampled") >= 1, round::toString);
        assertTrue(round.containsKey("duration_ms"), round::toString);
    }

    private static void assertDeltasAreDifferencesOfTotals(List<JsonObject> samples) {
        for (int i = 1; i < samples.size(); i++) {
            double expected = down(samples.get(i)) - down(samples.get(i - 1));
            double delta = samples.get(i).getJsonObject("net").getJsonNumber("delta_down").doubleValue();
            assertEquals(expected, delta, 1e-6, "delta_down of sample " + i + " in " + samples);
        }
    }

    private static double down(JsonObject sample) {
        return sample.getJsonObject("net").getJsonNumber("down").doubleValue();
    }

    private List<JsonObject> samplesUntil(String id, long since, Predicate<List<JsonObject>> enough, Duration limit) {
        return Samples.until(agent, id, since, enough, limit);
    }
}
