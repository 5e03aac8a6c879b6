package org.hebergos.dockerlink.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET v1/events} against containers driven with the docker CLI; the agent under test samples every
 * 2 s. Latencies are measured against the engine's own event times (from {@code docker events}) and
 * printed, never asserted.
 */
class EventsIT extends AgentIT {

    private static final String PREFIX = "it-ev-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The agent's stats_interval (AgentEnv). */
    private static final long INTERVAL_SECONDS = 2;

    @ArquillianResource
    private URL base;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        // before the containers go (AgentIT), so that no stream sees their removal
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    /**
     * Opens a stream, retrying while every slot is taken: a stream closed by an earlier test holds its slot
     * until the agent's next writes to it fail.
     */
    private EventStream stream(String query, String lastEventId) {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            EventStream s = EventStream.open(base.toString(), query, lastEventId);
            open.add(s);
            if (s.status() != 503 || Instant.now().isAfter(deadline)) {
                return s;
            }
            pause(500);
        }
    }

    private static boolean about(EventStream.Event e, String id) {
        return e.type().equals("container") && e.json().getString("id").equals(id);
    }

    @Test
    void deliversStartDieRenameAndDestroyInOrderWithTheListFields() throws Exception {
        String label = "hebergos-ev=" + UUID.randomUUID();
        EngineEvents engine = new EngineEvents(label);
        open.add(engine);
        EventStream events = stream("", null);
        assertEquals(200, events.status(), events::body);
        assertTrue(events.contentType().startsWith("text/event-stream"), events.contentType());

        String name = PREFIX + "-life";
        String id = run("--name", name, "--label", label, Docker.BUSYBOX, "sleep", "3600");
        EventStream.Event created = events.next(e -> about(e, id), WAIT);
        assertEquals("created", created.json().getString("state"));
        assertEquals(name, created.json().getString("name"));
        EventStream.Event started = events.next(e -> about(e, id), WAIT);
        JsonObject running = started.json();
        assertEquals("running", running.getString("state"));
        assertEquals(Docker.startedAt(id).getEpochSecond(), running.getJsonNumber("started_at").longValue(), 1.0, running::toString);
        assertFalse(running.containsKey("exit_code"), running::toString);

        Docker.cli("rename", name, name + "-renamed");
        EventStream.Event renamed = events.next(e -> about(e, id), WAIT);
        assertEquals(name + "-renamed", renamed.json().getString("name"));
        assertEquals("running", renamed.json().getString("state"));

        Docker.cli("stop", "-t", "0", id);
        EventStream.Event died = events.next(e -> about(e, id), WAIT);
        assertEquals("exited", died.json().getString("state"));
        assertEquals(137, died.json().getInt("exit_code"), died::toString);
        assertFalse(died.json().containsKey("started_at"), died::toString);

        Docker.cli("rm", id);
        EventStream.Event destroyed = events.next(e -> about(e, id), WAIT);
        assertEquals(Map.of("id", id, "removed", "true"), Map.of("id", destroyed.json().getString("id"),
                "removed", String.valueOf(destroyed.json().getBoolean("removed"))));

        List<EventStream.Event> delivered = List.of(created, started, renamed, died, destroyed);
        for (int i = 1; i < delivered.size(); i++) {
            assertTrue(Long.parseLong(delivered.get(i).id()) > Long.parseLong(delivered.get(i - 1).id()), "ids ascend: " + delivered);
        }
        List<String> actions = List.of("create", "start", "rename", "die", "destroy");
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            Instant happened = engine.await(actions.get(i));
            latencies.add(Duration.between(happened, delivered.get(i).received()).toMillis());
        }
        System.out.println("EVENT LATENCY engine event -> SSE delivered (ms) " + actions + ": " + latencies);
    }

    @Test
    void sendsTheSamplesOfEachRoundAsTheStatsEndpointHasThem() {
        String id = run("--name", PREFIX + "-stats", Docker.BUSYBOX, "sleep", "3600");
        EventStream events = stream("id=" + PREFIX + "-stats", null);
        assertEquals(200, events.status(), events::body);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonObject round = events.next(e -> e.type().equals("stats"), WAIT).json();
            assertEquals(List.of(id), List.copyOf(round.keySet()), "only the container asked for: " + round);
            JsonObject samples = round.getJsonObject(id);
            assertEquals(1, samples.size(), samples::toString);
            String time = samples.keySet().iterator().next();
            JsonObject sample = samples.getJsonObject(time);
            assertTrue(sample.containsKey("memory") && sample.containsKey("cpu") && sample.containsKey("net"), sample::toString);
            JsonObject stored = agent.get("v1/container/stats?id=" + id + "&since=" + time).json().getJsonObject(time);
            assertEquals(stored, sample, "the same sample as the stats endpoint");
            times.add(Long.parseLong(time));
        }
        assertTrue(times.get(0) < times.get(1) && times.get(1) < times.get(2), "one per round: " + times);

        Agent.Reply unknown = agent.get("v1/events?id=" + PREFIX + "-none");
        assertEquals(404, unknown.status(), unknown::toString);
        assertTrue(unknown.isPlainText(), unknown::toString);
    }

    @Test
    void reconnectingWithLastEventIdResumesWithoutLoss() {
        String name = PREFIX + "-resume";
        // the resume point comes first, even when nothing happens on the host
        EventStream first = stream("", null);
        String lastId = first.next(e -> true, WAIT).id();
        first.close();
        // while no stream is open
        String id = run("--name", name, Docker.BUSYBOX, "sleep", "3600");
        Docker.cli("stop", "-t", "0", id);

        EventStream resumed = stream("", lastId);
        assertEquals(200, resumed.status(), resumed::body);
        EventStream.Event connected = resumed.next(e -> true, WAIT);
        assertEquals(List.of("connected", lastId), List.of(connected.type(), connected.id()), "first, the point resumed from");
        List<String> states = new ArrayList<>();
        long previous = Long.parseLong(lastId);
        for (int i = 0; i < 3; i++) {
            // other tests share the engine: their containers' events come too
            EventStream.Event e = resumed.next(x -> x.type().equals("reset") || about(x, id), WAIT);
            assertTrue(about(e, id), "no reset: nothing was lost: " + e);
            assertTrue(Long.parseLong(e.id()) > previous, "in order after " + lastId);
            previous = Long.parseLong(e.id());
            states.add(e.json().getString("state"));
        }
        assertEquals(List.of("created", "running", "exited"), states);

        EventStream unknown = stream("", "12");
        assertEquals("connected", unknown.next(e -> true, WAIT).type());
        assertEquals("reset", unknown.next(e -> true, WAIT).type(), "an id this agent never gave: re-list");
    }

    /**
     * What holds whatever the machine's load: with every stream taken, one of them never reading, each
     * round still comes to every reader, none is skipped, and the stalled client holds its one stream and
     * no more. How long the rounds take with and without the streams is measured by bench/events.sh.
     */
    @Test
    void sixtyFourStreamsAndAClientThatNeverReadsDoNotHoldUpSampling() throws Exception {
        String id = run("--name", PREFIX + "-load", Docker.BUSYBOX, "sleep", "3600");
        long skippedBefore = nextRound(round().getJsonNumber("time").longValue()).getJsonNumber("skipped_rounds").longValue();

        List<EventStream> readers = new ArrayList<>();
        for (int i = 0; i < 63; i++) {
            EventStream reader = stream("", null);
            assertEquals(200, reader.status(), "stream " + i + ": " + reader.body());
            readers.add(reader);
        }
        Socket stalled = neverReadingClient();
        open.add(stalled);
        EventStream refused = EventStream.open(base.toString(), "", null);
        assertEquals(503, refused.status(), "the 65th stream");
        assertTrue(refused.contentType().startsWith("text/plain") && refused.body().startsWith("events: "), refused.body());

        for (EventStream reader : readers) {
            long first = roundOf(reader.next(e -> e.type().equals("stats"), WAIT));
            long second = roundOf(reader.next(e -> e.type().equals("stats"), WAIT));
            assertEquals(INTERVAL_SECONDS, second - first, "the next round's event, none skipped or lost on the way");
        }
        long time = round().getJsonNumber("time").longValue();
        for (int i = 0; i < 3; i++) {
            time = nextRound(time).getJsonNumber("time").longValue();
        }
        assertEquals(skippedBefore, round().getJsonNumber("skipped_rounds").longValue(), "no round skipped while the streams were open");
        Agent.Reply list = agent.get("v1/container/?id=" + id);
        assertEquals(200, list.status(), "the agent still answers: " + list);

        stalled.close();
        EventStream freed = stream("", null);
        assertEquals(200, freed.status(), "the stalled client's stream, and only it, is given back once it is gone: " + freed.body());
    }

    /** The round a {@code stats} event is about: the time its samples are keyed by. */
    private static long roundOf(EventStream.Event stats) {
        JsonObject members = stats.json();
        String anyContainer = members.keySet().iterator().next();
        return Long.parseLong(members.getJsonObject(anyContainer).keySet().iterator().next());
    }

    /** The first round in {@code /health} after the one started at {@code after}; it must come within {@link #WAIT}. */
    private JsonObject nextRound(long after) {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            JsonObject round = round();
            if (round.getJsonNumber("time").longValue() > after) {
                return round;
            }
            assertTrue(Instant.now().isBefore(deadline), "sampling rounds keep completing: none after " + after);
            pause(300);
        }
    }

    private JsonObject round() {
        JsonObject health = agent.get("health").json();
        assertTrue(health.containsKey("stats_round"), health::toString);
        return health.getJsonObject("stats_round");
    }

    /** Opens the 64th stream with a tiny receive buffer and never reads past its status line. */
    private Socket neverReadingClient() throws IOException {
        URI uri = URI.create(base.toString());
        Socket socket = new Socket();
        socket.setReceiveBufferSize(1024);
        socket.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()));
        socket.getOutputStream().write(("GET " + uri.getRawPath() + "v1/events HTTP/1.1\r\nHost: " + uri.getHost()
                + "\r\nAuthorization: Bearer " + Agent.TOKEN + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] status = socket.getInputStream().readNBytes(12);
        assertEquals("HTTP/1.1 200", new String(status, StandardCharsets.US_ASCII), "the 64th stream is accepted");
        return socket;
    }

    /** {@code docker events} for one label, to know when the engine itself emitted each event. */
    private static final class EngineEvents implements AutoCloseable {

        private final Process process;
        private final Map<String, Instant> times = new ConcurrentHashMap<>();

        EngineEvents(String label) throws IOException {
            process = new ProcessBuilder("docker", "events", "--filter", "label=" + label, "--filter", "type=container",
                    "--format", "{{.TimeNano}} {{.Action}}").redirectErrorStream(true).start();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        String[] parts = line.split(" ", 2);
                        long nanos = Long.parseLong(parts[0]);
                        times.putIfAbsent(parts[1], Instant.ofEpochSecond(0, nanos));
                    }
                } catch (IOException | RuntimeException ended) {
                    // docker events stopped
                }
            }, "docker-events");
            reader.setDaemon(true);
            reader.start();
        }

        Instant await(String action) {
            Instant deadline = Instant.now().plusSeconds(10);
            while (!times.containsKey(action)) {
                assertTrue(Instant.now().isBefore(deadline), "docker events reported no " + action + ": " + times);
                pause(100);
            }
            return times.get(action);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
