package org.hebergos.dockerlink.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hebergos.dockerlink.stats.StatsMath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent with each {@code stats_source} forced, on the real engine: the cgroup files give the samples
 * the Engine gives (same fields, a throttled busy loop within its limit, a memory limit exact), and
 * {@code /health} and the log say which source sampled. ({@code auto}, the default, is what every other
 * agent of the integration tests runs with; CgroupSourceIT compares the two sources figure by figure.)
 */
class StatsSourceIT {

    private static final String PREFIX = "it-source-" + UUID.randomUUID().toString().substring(0, 8);
    private static String busy;
    private static String memory;

    @BeforeAll
    static void containers() {
        Docker.requireEngineAndImages();
        busy = Docker.runDetached("--name", PREFIX + "-busy", "--cpus", "0.5", Docker.BUSYBOX, "sh", "-c", "while :; do :; done");
        memory = Docker.runDetached("--name", PREFIX + "-memory", "-m", "64m", Docker.BUSYBOX, "sleep", "3600");
    }

    @AfterAll
    static void remove() {
        Docker.remove(busy, memory);
    }

    @Test
    void theCgroupFilesAndTheEngineGiveSamplesOfTheSameShapeAndSaySoInHealth() throws IOException {
        JsonObject fromFiles = sampledBy("cgroup", "no Engine fallback");
        JsonObject fromEngine = sampledBy("engine", "one Engine stats call per running container");

        assertEquals(shape(fromEngine), shape(fromFiles), "the same fields, at the same places: " + fromFiles + " vs " + fromEngine);
    }

    /** Runs an agent with {@code stats_source=SOURCE}, checks its samples and health, returns a sample of the busy loop. */
    private static JsonObject sampledBy(String source, String startupLine) throws IOException {
        String name = "source-" + source;
        try (MicroServer server = MicroServer.start(name, AgentEnv.of(name).with("stats_source", source))) {
            Agent agent = server.agent();
            long since = Instant.now().getEpochSecond();
            List<JsonObject> loop = Samples.ofABusyLoop(agent, busy, since, 50);
            assertEquals(50.0, loop.get(loop.size() - 1).getJsonObject("cpu").getJsonNumber("limit").doubleValue(), 1e-9);

            JsonObject held = Samples.until(agent, memory, since, s -> !s.isEmpty(), Duration.ofSeconds(30)).get(0).getJsonObject("memory");
            assertEquals(64.0 / 1024, held.getJsonNumber("limit").doubleValue(), 1e-12, source + ": the container's limit, exact");
            double used = held.getJsonNumber("used").doubleValue() * StatsMath.BYTES_PER_GIB;
            assertTrue(used > 0 && used < 16 << 20, source + ": an idle busybox uses a little memory: " + used + " bytes");

            JsonObject round = Samples.of(() -> agent.get("health").json().getJsonObject("stats_round"),
                    r -> r != null && r.getInt("sampled") >= 2, Duration.ofSeconds(30));
            assertEquals(source, round.getString("source"), round::toString);
            assertEquals(0, round.getInt("engine_fallbacks"), round::toString);
            assertEquals(0, round.getInt("failures"), round::toString);
            String log = Files.readString(server.log(), StandardCharsets.ISO_8859_1);
            assertTrue(log.contains("stats_source=" + source + ":") && log.contains(startupLine), "the startup log names the source; see " + server.log());
            assertTrue(log.contains("stats readings from " + source + ":"), "the first round's source is logged; see " + server.log());
            return loop.get(loop.size() - 1);
        }
    }

    /** The sample's field names, nested, each with the JSON type of its value. */
    private static Map<String, Object> shape(JsonObject sample) {
        Map<String, Object> shape = new TreeMap<>();
        sample.forEach((key, value) -> shape.put(key, value.getValueType() == JsonValue.ValueType.OBJECT
                ? shape(value.asJsonObject()) : value.getValueType()));
        shape.remove("__time");
        return shape;
    }
}
