package org.hebergos.dockerlink.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventLogTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private final EventLog cut = new EventLog(1000, Duration.ofMinutes(5), 3);

    private StreamEvent append(Instant at) {
        return cut.append(StreamEvent.CONTAINER, "a", "{}", Map.of(), at);
    }

    @Test
    void resumesAfterAnIdItStillHolds() {
        StreamEvent first = append(NOW);
        StreamEvent second = append(NOW);
        assertEquals(1000, first.id());
        assertEquals(List.of(second), cut.after(first.id()).orElseThrow());
        assertEquals(List.of(), cut.after(second.id()).orElseThrow(), "nothing missed");
        assertEquals(List.of(first, second), cut.after(999).orElseThrow(), "from before the first event");
    }

    @Test
    void anIdWhoseSuccessorsAreGoneOrThatItNeverGaveIsAReset() {
        for (int i = 0; i < 5; i++) {
            append(NOW);
        }
        assertTrue(cut.after(1000).isEmpty(), "1001 was dropped (capacity 3)");
        assertEquals(3, cut.after(1001).orElseThrow().size());
        assertTrue(cut.after(5000).isEmpty(), "not given yet");
        assertTrue(cut.after(-1).isEmpty(), "not a number on the wire");
        assertTrue(new EventLog(2000, Duration.ofMinutes(5), 3).after(1004).isEmpty(), "an id of an earlier run of the agent");
    }

    @Test
    void keepsOnlyTheWindow() {
        StreamEvent old = append(NOW);
        append(NOW.plus(Duration.ofMinutes(6)));
        assertTrue(cut.after(old.id() - 1).isEmpty(), "the old one is gone");
        assertEquals(1, cut.after(old.id()).orElseThrow().size());
    }

    @Test
    void aFilteredClientGetsItsContainersOnly() {
        Map<String, String> members = Map.of("a", "\"1\":{}", "b", "\"1\":{}");
        StreamEvent stats = cut.append(StreamEvent.STATS, null, StreamEvent.statsData(members, null), members, NOW);
        assertEquals("{\"a\":{\"1\":{}}}", stats.dataFor(Set.of("a")));
        assertEquals(null, stats.dataFor(Set.of("z")));
        StreamEvent container = append(NOW);
        assertEquals("{}", container.dataFor(Set.of("a")));
        assertEquals(null, container.dataFor(Set.of("b")));
        assertEquals("{}", container.dataFor(null));
    }
}
