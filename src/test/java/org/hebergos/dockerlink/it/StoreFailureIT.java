package org.hebergos.dockerlink.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stats store failing under a running agent as a full disk makes it fail: the sampler keeps running,
 * {@code /health} says so, and once there is room again the agent recovers by itself without losing the
 * rounds it held back. (A database held by another agent: {@code HistoryIT}.)
 */
class StoreFailureIT {

    private static final String NAME = "it-store-" + UUID.randomUUID().toString().substring(0, 8);
    private static String container;

    @BeforeAll
    static void container() {
        Docker.requireEngineAndImages();
        container = Docker.runDetached("--name", NAME, Docker.BUSYBOX, "sleep", "3600");
    }

    @AfterAll
    static void remove() {
        Docker.remove(container);
    }

    @Test
    void aFullDiskLosesNoRoundItCouldHoldBack() throws Exception {
        Path dataDir = Path.of(System.getProperty("it.dir", "target/it"), "full", "data").toAbsolutePath(); // AgentEnv.of("full")
        Files.createDirectories(dataDir);
        sh("mount -t tmpfs -o size=4m tmpfs " + dataDir);
        try (MicroServer agent = MicroServer.start("full", AgentEnv.of("full"))) {
            until(agent, h -> h.containsKey("stats_round") && h.getJsonObject("stats_round").getInt("stored") > 0, Duration.ofSeconds(30));
            long filled = Instant.now().getEpochSecond();
            sh("dd if=/dev/zero of=" + dataDir.resolve("filler") + " bs=64k 2>/dev/null || true");
            JsonObject full = until(agent, h -> "down".equals(h.getString("store")), Duration.ofSeconds(30));
            assertEquals(0, full.getJsonObject("stats_round").getInt("stored"), "nothing counted as stored: " + full);
            assertTrue(full.getJsonObject("stats_round").getInt("pending") > 0, full::toString);
            // three more rounds held back while the disk stays full, however long they take to come
            Set<Long> heldBack = new TreeSet<>();
            until(agent, h -> {
                JsonObject round = h.getJsonObject("stats_round");
                if ("down".equals(h.getString("store")) && round.getInt("stored") == 0 && round.getInt("failures") == 0) {
                    heldBack.add(round.getJsonNumber("time").longValue());
                }
                return heldBack.size() >= 3;
            }, Duration.ofSeconds(90));

            Files.delete(dataDir.resolve("filler"));
            JsonObject freed = until(agent, h -> "up".equals(h.getString("store"))
                    && h.getJsonObject("stats_round").getInt("pending") == 0, Duration.ofSeconds(40));
            assertEquals(0, freed.getJsonObject("stats_round").getInt("dropped_samples"), freed::toString);
            Set<Long> stored = agent.agent().get("v1/container/stats?id=" + container + "&since=" + filled).json().keySet()
                    .stream().map(Long::parseLong).collect(Collectors.toCollection(TreeSet::new));
            assertTrue(stored.containsAll(heldBack), "the rounds held back while the disk was full are stored: " + heldBack
                    + " in " + stored);
        } finally {
            sh("umount " + dataDir);
        }
    }

    private static JsonObject until(MicroServer server, Predicate<JsonObject> done, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        JsonObject health = null;
        while (Instant.now().isBefore(deadline)) {
            health = server.agent().getAs("Bearer " + Agent.TOKEN, "health").json();
            if (done.test(health)) {
                return health;
            }
            AgentIT.pause(500);
        }
        fail("not reached within " + limit.toSeconds() + " s; last health: " + health);
        return health;
    }

    private static void sh(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            fail("'" + command + "' failed (this test needs root to mount a tmpfs): " + out);
        }
    }
}
