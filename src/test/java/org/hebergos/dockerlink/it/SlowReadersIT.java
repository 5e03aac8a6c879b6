package org.hebergos.dockerlink.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hebergos.dockerlink.history.SeededHistory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients that ask for a large history and never read it cannot stall the sampler: it keeps storing
 * every round, {@code /health} shows no round lost, and other history queries are answered, while 20
 * such clients hang. (Before, each hanging answer held one of the 16 pooled database connections and
 * the sampler waited for one.)
 */
class SlowReadersIT {

    private static final String NAME = "it-slow-" + UUID.randomUUID().toString().substring(0, 8);
    /** A container gone long ago, with 150 hours of samples every 10 s: a raw answer of ~10 MB. */
    private static final String SEEDED = "5".repeat(64);
    private static final int CLIENTS = 20;
    private static final int ROUNDS = 5;
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
    void twentyClientsThatNeverReadALargeAnswerDoNotStopTheRounds() throws Exception {
        Path dataDir = Path.of(System.getProperty("it.dir", "target/it"), "slow-readers", "data").toAbsolutePath();
        if (Files.exists(dataDir)) {
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        long now = Instant.now().getEpochSecond();
        SeededHistory.seed(dataDir, SEEDED, now - 150 * 3600, now - 600, 10);
        try (MicroServer server = MicroServer.start("slow-readers", AgentEnv.of("slow-readers"))) {
            Agent agent = server.agent();
            Agent.Reply whole = agent.get("v1/container/stats?id=" + SEEDED + "&since=0");
            assertEquals(200, whole.status(), () -> whole.status() + " " + whole.body().substring(0, Math.min(200, whole.body().length())));
            assertTrue(whole.body().length() > 8_000_000, "an answer much larger than socket buffers: " + whole.body().length() + " bytes");

            List<Socket> clients = new ArrayList<>();
            try {
                for (int i = 0; i < CLIENTS; i++) {
                    clients.add(neverReading(server.port(), "v1/container/stats?id=" + SEEDED + "&since=0"));
                }
                JsonObject first = awaitRounds(agent, 0, 1).get(0);
                long lostBefore = first.getJsonObject("stats_round").getJsonNumber("skipped_rounds").longValue();
                List<JsonObject> rounds = awaitRounds(agent, first.getJsonObject("stats_round").getJsonNumber("time").longValue(), ROUNDS);
                for (JsonObject h : rounds) {
                    JsonObject round = h.getJsonObject("stats_round");
                    assertTrue(round.getInt("stored") > 0 && round.getInt("pending") == 0, "every round stored: " + h);
                    assertEquals("up", h.getString("store"), h::toString);
                    assertEquals(0, round.getJsonNumber("dropped_samples").longValue(), h::toString);
                }
                long lost = rounds.get(rounds.size() - 1).getJsonObject("stats_round").getJsonNumber("skipped_rounds").longValue() - lostBefore;
                long since = rounds.get(0).getJsonObject("stats_round").getJsonNumber("time").longValue();
                JsonObject stored = agent.get("v1/container/stats?id=" + container + "&since=" + since).json();
                assertTrue(stored.size() >= ROUNDS - lost, "the rounds' samples are in the history: " + stored.keySet() + ", " + lost + " lost");

                Agent.Reply instant = agent.get("v1/container/stats?id=" + SEEDED + "&scale=instant");
                assertEquals(200, instant.status(), instant::toString);
                assertEquals(1, instant.json().size(), instant::toString);
            } finally {
                for (Socket client : clients) {
                    client.close();
                }
            }
            Agent.Reply after = agent.get("v1/container/stats?id=" + SEEDED + "&since=0");
            assertEquals(whole.body(), after.body(), "the same answer once the clients are gone");
        }
    }

    /** Sends the request and never reads the answer, with a small receive buffer so that the server's writes block soon. */
    private static Socket neverReading(int port, String pathAndQuery) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /" + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + Agent.TOKEN
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /**
     * The health reports of {@code count} rounds after {@code after}, each new round as it is reported;
     * rounds the sampler lost show in their {@code skipped_rounds}, not here.
     */
    private static List<JsonObject> awaitRounds(Agent agent, long after, int count) {
        List<JsonObject> rounds = new ArrayList<>();
        long last = after;
        // generous: a few rounds of 2 s on a loaded machine; before the fix no round stored for 30 s at a time
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (rounds.size() < count) {
            if (Instant.now().isAfter(deadline)) {
                fail("only " + rounds.size() + " rounds in 90 s: " + rounds);
            }
            JsonObject h = health(agent);
            long time = h.containsKey("stats_round") ? h.getJsonObject("stats_round").getJsonNumber("time").longValue() : 0;
            if (time > last) {
                rounds.add(h);
                last = time;
            }
            AgentIT.pause(300);
        }
        return rounds;
    }

    private static JsonObject health(Agent agent) {
        return agent.getAs("Bearer " + Agent.TOKEN, "health").json();
    }
}
