package org.hebergos.dockerlink.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EngineEventsTest {

    /** Two events as engine 20.10 streams them (API 1.41), one per line; an old-style event with only {@code id}. */
    private static final String STREAM = """
            {"status":"start","id":"3f2a","from":"hebergos-test/busybox:1","Type":"container","Action":"start","Actor":{"ID":"3f2a","Attributes":{"image":"hebergos-test/busybox:1","name":"web"}},"scope":"local","time":1795755340,"timeNano":1795755340123456789}
            {"status":"die","id":"9b1e","from":"x","Type":"container","Action":"die","Actor":{"ID":"9b1e","Attributes":{"exitCode":"137","name":"db"}},"scope":"local","time":1795755341,"timeNano":1795755341000000000}
            {"status":"destroy","id":"c41d"}
            {"Type":"container","Action":"rename"}
            """;

    @Test
    void everyEventIsHandedOnWithWhatTheEngineSaidOfIt() throws IOException {
        List<Event> events = new ArrayList<>();
        EngineEvents.read(new ByteArrayInputStream(STREAM.getBytes(StandardCharsets.UTF_8)), events::add);
        assertEquals(4, events.size());
        assertEquals("3f2a", events.get(0).getActor().getId());
        assertEquals("137", events.get(1).getActor().getAttributes().get("exitCode"));
        assertEquals("c41d", events.get(2).getId());
        assertEquals("rename", events.get(3).getAction());
    }

    @Test
    void anEventIsTranslatedWithItsNameExitCodeAndTime() throws IOException {
        List<Event> events = new ArrayList<>();
        EngineEvents.read(new ByteArrayInputStream((STREAM + """
                {"status":"die","id":"77aa","Action":"die","Actor":{"ID":"77aa","Attributes":{"exitCode":"x","name":"/odd"}},"time":1795755342}
                """).getBytes(StandardCharsets.UTF_8)), events::add);
        assertEquals(new ContainerEvent("3f2a", "start", "web", null, 1795755340123456789L), EngineEvents.translated(events.get(0)));
        assertEquals(new ContainerEvent("9b1e", "die", "db", 137, 1795755341000000000L), EngineEvents.translated(events.get(1)));
        assertEquals(new ContainerEvent("77aa", "die", "odd", null, 1795755342000000000L), EngineEvents.translated(events.get(4)),
                "no leading slash, an unreadable exit code left out, the time from seconds");
    }

    @Test
    void aStreamThatEndsEndsTheRead() throws IOException {
        List<Event> events = new ArrayList<>();
        EngineEvents.read(new ByteArrayInputStream(new byte[0]), events::add);
        assertEquals(List.of(), events);
    }

    @Test
    void closedBeforeStartItStartsNoThread() {
        EngineEvents cut = new EngineEvents(new ContainerCache());
        cut.close();
        cut.start(() -> {
            throw new AssertionError("no engine asked after close");
        }, runnable -> {
            throw new AssertionError("no thread after close");
        });
    }

    @Test
    void aStreamThatEndsIsAskedForAgainAndOnlyAnOpenedStreamCountsAsLost() throws InterruptedException {
        ContainerCache cache = new ContainerCache();
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        cache.listen(new ContainerCache.Listener() {
            @Override
            public void event(Event event) {
                heard.add(event.getAction());
            }

            @Override
            public void lost() {
                heard.add("lost");
            }
        });
        AtomicInteger requests = new AtomicInteger();
        DockerHttpClient engine = new DockerHttpClient() {
            @Override
            public Response execute(Request request) {
                // the first stream carries one event and ends, the engine then refuses once, then answers again
                return switch (requests.incrementAndGet()) {
                    case 1 -> answer(STREAM.lines().findFirst().orElseThrow());
                    case 2 -> throw new UncheckedIOException(new IOException("connection refused"));
                    default -> answer("");
                };
            }

            @Override
            public void close() {
            }
        };
        EngineEvents cut = new EngineEvents(cache);
        try {
            cut.start(() -> engine, Thread::new);
            // generous bounds: two pauses of one second each on a loaded machine
            assertEquals("start", heard.poll(30, TimeUnit.SECONDS));
            assertEquals("lost", heard.poll(30, TimeUnit.SECONDS));
            assertEquals("lost", heard.poll(30, TimeUnit.SECONDS), "the third request opened a stream again");
            assertTrue(requests.get() >= 3);
        } finally {
            cut.close();
        }
    }

    private static DockerHttpClient.Response answer(String body) {
        return new DockerHttpClient.Response() {
            @Override
            public int getStatusCode() {
                return 200;
            }

            @Override
            public Map<String, List<String>> getHeaders() {
                return Map.of();
            }

            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public void close() {
            }
        };
    }
}
