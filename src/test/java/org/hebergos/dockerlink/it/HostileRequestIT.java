package org.hebergos.dockerlink.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile and malformed requests to an agent whose {@code docker_sock} is a real unix socket that accepts
 * connections and never answers (a hung engine; the shared engine of the other tests is never stopped):
 * nothing an unauthenticated caller sends is expensive, and a malformed request gets one plain-text line
 * without any engine call.
 */
class HostileRequestIT {

    /** A container of the recorded database of the previous release (src/test/resources/history/v1). */
    private static final String STORED = "a".repeat(64);
    private static final String STATS = "v1/container/stats?id=" + STORED + "&since=0&scale=instant";
    /** Far above any bound asserted here: a call that waited for the hung engine shows. */
    private static final String DOCKER_TIMEOUT = "60s";

    private static HungSocket engine;
    private static MicroServer server;

    @BeforeAll
    static void start() throws IOException {
        Path dir = Path.of(System.getProperty("it.dir", "target/it"), "hung-engine").toAbsolutePath();
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        try (InputStream in = new GZIPInputStream(HostileRequestIT.class.getResourceAsStream("/history/v1/stats.mv.db.gz"))) {
            Files.write(data.resolve("stats.mv.db"), in.readAllBytes());
        }
        engine = HungSocket.open(dir.resolve("docker.sock"));
        // not MicroServer.start: before this fix a /health on a hung engine did not answer for minutes
        server = MicroServer.launch("hung-engine", AgentEnv.of("hung-engine").with("docker_sock", engine.path().toString())
                .with("docker_timeout", DOCKER_TIMEOUT));
        server.awaitLog("ready in", Duration.ofSeconds(180));
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void aHealthFloodOnAHungEngineLeavesStatsAndMetricsAnswering() throws Exception {
        Agent agent = server.agent();
        AtomicBoolean flooding = new AtomicBoolean(true);
        AtomicInteger healthAnswers = new AtomicInteger();
        List<String> healthDocker = new CopyOnWriteArrayList<>();
        // first calls load the store and the classes of each answer: not what is measured here
        assertEquals(200, agent.raw("GET", STATS, "Bearer " + Agent.TOKEN).status());
        assertEquals(200, agent.raw("GET", "metrics", "Bearer " + Agent.TOKEN).status());
        ExecutorService callers = Executors.newFixedThreadPool(400);
        try {
            for (int i = 0; i < 400; i++) {
                callers.execute(() -> {
                    while (flooding.get()) {
                        try {
                            // one connection per call, HTTP/1.1, as a shell loop of curl would
                            Agent.Reply reply = agent.raw("GET", "health", null);
                            healthAnswers.incrementAndGet();
                            if (healthDocker.size() < 5) {
                                healthDocker.add(reply.status() + " " + reply.body().replaceAll("(?s).*\"docker\":\"(\\w+)\".*", "$1"));
                            }
                        } catch (RuntimeException e) {
                            // refused or reset under load: the next call tries again
                        }
                    }
                });
            }
            AgentIT.pause(2000);
            // the old /health pinged the engine on every call: 400 request threads waited for docker_timeout (60 s)
            long start = System.nanoTime();
            Agent.Reply stats = agent.raw("GET", STATS, "Bearer " + Agent.TOKEN);
            Duration statsTook = Duration.ofNanos(System.nanoTime() - start);
            start = System.nanoTime();
            Agent.Reply metrics = agent.raw("GET", "metrics", "Bearer " + Agent.TOKEN);
            Duration metricsTook = Duration.ofNanos(System.nanoTime() - start);
            assertEquals(200, stats.status(), stats::toString);
            assertEquals(200, metrics.status(), metrics::toString);
            // physics: an answer that waited for the hung engine takes docker_timeout (60 s); 10 s leaves a loaded
            // 2-core host running 400 flooding clients room (about 1 s is usual)
            assertTrue(statsTook.compareTo(Duration.ofSeconds(10)) < 0, "stats by full id took " + statsTook);
            assertTrue(metricsTook.compareTo(Duration.ofSeconds(10)) < 0, "metrics took " + metricsTook);
        } finally {
            flooding.set(false);
            callers.shutdown();
            callers.awaitTermination(150, TimeUnit.SECONDS);
        }
        assertTrue(healthAnswers.get() > 400, "the flood got answers: " + healthAnswers.get());
        assertFalse(healthDocker.isEmpty());
        assertTrue(healthDocker.stream().allMatch("200 down"::equals), "a hung engine is down: " + healthDocker);
        assertTrue(engine.connections() < 100, "the flood reached the engine " + engine.connections() + " times");
    }

    @Test
    void unparsableRequestsDoNotFloodTheLog() throws IOException {
        Agent agent = server.agent();
        long before = Files.size(server.log());
        for (int i = 0; i < 300; i++) {
            agent.raw("GET", "%zz", null);
        }
        AgentIT.pause(1000);
        String written = tail(server.log(), before);
        // was one SEVERE line with a 2.8 KB stack trace per request: 300 × 2.8 KB
        assertFalse(written.contains("at org.glassfish.grizzly"), "a stack trace was logged:\n" + head(written));
        long mentions = written.lines().filter(l -> l.contains("Illegal hex characters")).count();
        assertTrue(mentions <= 1, mentions + " lines for one cause:\n" + head(written));
        assertTrue(written.length() < 4096, written.length() + " bytes of log for 300 requests:\n" + head(written));
    }

    @Test
    void malformedHeadersGetOnePlainLine() {
        // were the server's HTML 400 page
        Agent agent = server.agent();
        Agent.Reply accept = agent.getAccepting(";;;", "v1/container/?id=none");
        assertEquals(400, accept.status(), accept::toString);
        assertTrue(accept.isPlainText(), accept::toString);
        assertEquals("Accept: not a media type list", accept.body().strip());
        for (String contentType : new String[] {";;;", "a/b;c"}) {
            Agent.Reply reply = agent.patch("v1/container?id=x", contentType, "{}");
            assertEquals(400, reply.status(), reply::toString);
            assertTrue(reply.isPlainText(), reply::toString);
            assertEquals("Content-Type: not a media type", reply.body().strip(), reply::toString);
        }
    }

    @Test
    void patchBodiesAreAFlatJsonObjectOrARefusal() {
        Agent agent = server.agent();
        // was read as a form: 400 "form body is not URL-encoded"
        Agent.Reply wildcard = agent.patch("v1/container?id=x", "*/*", "{\"cpulimit\": 50}");
        assertEquals(415, wildcard.status(), wildcard::toString);
        assertTrue(wildcard.isPlainText() && wildcard.body().startsWith("Content-Type: "), wildcard::toString);
        // was 500 "internal error: RuntimeException" (the parser's depth limit)
        Agent.Reply deep = agent.patch("v1/container?id=x", "application/json",
                "{\"memory\":" + "[".repeat(1990) + "]".repeat(1990) + "}");
        assertEquals(400, deep.status(), deep::toString);
        assertTrue(deep.body().startsWith("memory: "), deep::toString);
        // these two reached the engine: the garbage was ignored, 1e-9 % of a core changed nothing
        Agent.Reply garbage = agent.patch("v1/container?id=x", "application/json", "{\"cpulimit\": 50} garbage");
        assertEquals(400, garbage.status(), garbage::toString);
        assertTrue(garbage.body().startsWith("body: "), garbage::toString);
        Agent.Reply tiny = agent.patch("v1/container?id=x&cpulimit=1e-9", null, null);
        assertEquals(400, tiny.status(), tiny::toString);
        assertTrue(tiny.body().startsWith("cpulimit: "), tiny::toString);
    }

    private static String tail(Path file, long from) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from), StandardCharsets.UTF_8);
    }

    private static String head(String text) {
        return text.length() > 3000 ? text.substring(0, 3000) + "…" : text;
    }

    /** A unix socket that accepts every connection and never reads or answers: an engine stopped with SIGSTOP. */
    private static final class HungSocket implements AutoCloseable {

        private final Path path;
        private final ServerSocketChannel server;
        private final List<SocketChannel> accepted = new CopyOnWriteArrayList<>();

        private HungSocket(Path path, ServerSocketChannel server) {
            this.path = path;
            this.server = server;
        }

        static HungSocket open(Path path) throws IOException {
            Files.deleteIfExists(path);
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(path), 1000);
            HungSocket socket = new HungSocket(path, server);
            Thread acceptor = new Thread(socket::accept, "hung-engine");
            acceptor.setDaemon(true);
            acceptor.start();
            return socket;
        }

        private void accept() {
            try {
                while (server.isOpen()) {
                    accepted.add(server.accept());
                }
            } catch (IOException closed) {
                // the test is over
            }
        }

        Path path() {
            return path;
        }

        int connections() {
            return accepted.size();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (SocketChannel channel : accepted) {
                channel.close();
            }
            Files.deleteIfExists(path);
        }
    }
}
