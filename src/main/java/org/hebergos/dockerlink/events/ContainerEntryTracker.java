package org.hebergos.dockerlink.events;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hebergos.dockerlink.container.ContainerView;
import org.hebergos.dockerlink.docker.ContainerEvent;

/**
 * Tracks each container's list entry (as {@code GET v1/container/} shows it) through the engine's
 * container events, and gives the data of a {@code container} event when an entry changed. An event carries the name, the exit code and the time; the rest comes from
 * the entry this class last derived for the container. Only an event that needs what came before
 * about a container not seen since the agent (or the event stream) started asks {@code lookup}: the
 * state of a {@code rename}, the run's start of an {@code unpause}. Not thread-safe: one dispatcher feeds it.
 */
final class ContainerEntryTracker {

    /**
     * What is known of a container; {@link ContainerView#entry} says which of it its list entry shows
     * ({@code startedAt}, the run's start, is kept while paused but shown only when running).
     */
    record Entry(String name, String state, Integer exitCode, Long startedAt) {

        Entry named(String newName) {
            return new Entry(newName, state, exitCode, startedAt);
        }
    }

    private final Map<String, Entry> known = new HashMap<>();
    private final Function<String, Optional<Entry>> lookup;

    /** @param lookup the current list entry of a container by full id, empty when it does not exist (or is out of scope) */
    ContainerEntryTracker(Function<String, Optional<Entry>> lookup) {
        this.lookup = lookup;
    }

    /**
     * The data of a {@code container} event ({@code {"id":…, …entry…}} or {@code {"id":…,"removed":true}}),
     * or empty when the container's list entry did not change.
     */
    Optional<String> apply(ContainerEvent event) {
        String id = event.id();
        if (event.action().equals("destroy")) {
            known.remove(id);
            return Optional.of(StreamEvent.removedData(id));
        }
        Entry before = known.get(id);
        Entry after = switch (event.action()) {
            case "create" -> new Entry(event.name(), "created", null, null);
            case "start" -> new Entry(event.name(), "running", null, seconds(event));
            // docker restart: die, start, then restart; a restart seen alone still means running
            case "restart" -> before != null && before.state().equals("running") ? before.named(event.name())
                    : new Entry(event.name(), "running", null, seconds(event));
            case "die" -> new Entry(event.name(), "exited", event.exitCode(), null);
            // the run goes on: its start time is kept for the unpause
            case "pause" -> new Entry(event.name(), "paused", null, before == null ? null : before.startedAt());
            // running from the event itself; only the run's start may need a lookup (which answers what is true now)
            case "unpause" -> new Entry(event.name(), "running", null, before != null && before.startedAt() != null
                    ? before.startedAt() : lookup.apply(id).map(Entry::startedAt).orElse(null));
            case "rename" -> before != null ? before.named(event.name()) : lookup.apply(id).orElse(null);
            default -> before; // update: limits are not part of the list entry
        };
        if (after == null || after.equals(before)) {
            return Optional.empty();
        }
        known.put(id, after);
        return Optional.of(json(id, after));
    }

    /** Events were missed: what was derived may be stale. */
    void forget() {
        known.clear();
    }

    private static long seconds(ContainerEvent event) {
        return event.timeNanos() / 1_000_000_000L;
    }

    private static String json(String id, Entry entry) {
        return StreamEvent.JSON.toJson(ContainerView.entry(id, entry.name(), entry.state(), entry.exitCode(), entry.startedAt()));
    }
}
