package org.hebergos.dockerlink.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Numbers the events and keeps those of the last {@code window} (at most {@code capacity}) so that a
 * client reconnecting with {@code Last-Event-ID} gets what it missed. Ids start at the agent's start time
 * in microseconds, so an id from an earlier run of the agent is never mistaken for one of this run. Not
 * thread-safe: the hub appends and reads under its lock.
 */
final class EventLog {

    private final Deque<StreamEvent> events = new ArrayDeque<>();
    private final Duration window;
    private final int capacity;
    private long next;

    EventLog(long firstId, Duration window, int capacity) {
        this.next = firstId;
        this.window = window;
        this.capacity = capacity;
    }

    StreamEvent append(String type, String containerId, String data, Map<String, String> members, Instant now) {
        StreamEvent event = new StreamEvent(next++, type, containerId, data, members, now);
        events.addLast(event);
        while (events.size() > capacity || events.peekFirst().at().isBefore(now.minus(window))) {
            events.removeFirst();
        }
        return event;
    }

    /** The id of the newest event, or the one before the first when none was appended yet. */
    long lastId() {
        return next - 1;
    }

    /**
     * The events after {@code lastId}, oldest first; empty when some of them are no longer kept or the id
     * is not one this log gave (another run of the agent, or made up).
     */
    Optional<List<StreamEvent>> after(long lastId) {
        long oldest = events.isEmpty() ? next : events.peekFirst().id();
        if (lastId > lastId() || lastId < oldest - 1) {
            return Optional.empty();
        }
        return Optional.of(events.stream().filter(e -> e.id() > lastId).toList());
    }
}
