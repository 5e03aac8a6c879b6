package org.hebergos.dockerlink.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.dockerjava.api.model.Event;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
    void aStreamThatEndsEndsTheRead() throws IOException {
        List<Event> events = new ArrayList<>();
        EngineEvents.read(new ByteArrayInputStream(new byte[0]), events::add);
        assertEquals(List.of(), events);
    }

    @Test
    void closingStopsWatchingForGood() {
        ContainerCache cache = new ContainerCache();
        EngineEvents cut = new EngineEvents(cache);
        cache.streamOpened();
        cut.close();
        cut.watch(null, runnable -> {
            throw new AssertionError("no thread after close");
        });
        assertEquals(false, cache.watching());
    }
}
