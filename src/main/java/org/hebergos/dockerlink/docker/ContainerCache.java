package org.hebergos.dockerlink.docker;

import com.github.dockerjava.api.model.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Remembers what the engine last said about its containers, so that listing them costs no engine call
 * while nothing changed and one call (no inspect per container) when something did. It is trusted only
 * while the engine's event stream is watched ({@link EngineEvents} reports it open and closed): every
 * event that changes what the list shows drops the listing (and the run of that container), and when
 * the stream breaks everything is dropped.
 *
 * <p>A container's state comes from its newest event, not from the listing: the engine emits an event
 * before it updates the copy it lists from (moby logs the event, then checkpoints), so a listing taken
 * just after an event often still shows the state before it (measured: 37 listings in 40 right after a
 * pause or unpause). Where the event cannot tell the state (a {@code die} may leave the container
 * restarting, and our own actions send none), the container is inspected, which the engine answers under
 * the container's lock and so reflects at least every event already received. Events are numbered as
 * they arrive; such a re-read never replaces what a later event said.
 *
 * <p>Every change bumps a generation; what was read from the engine while the generation moved (a
 * listing, an inspected run) is not kept, because the engine may have answered before the change.
 */
final class ContainerCache {

    private final Map<String, RunInfo> runs = new ConcurrentHashMap<>();
    private final Map<String, Mark> marks = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private volatile boolean watching;
    private final AtomicLong generation = new AtomicLong();
    private volatile Listing listing;

    private record Listing(long generation, List<ContainerInfo> containers) {
    }

    /**
     * What the newest event (number {@code seen}) or an inspect made after it said of one container.
     *
     * @param name  null when not known (our own action)
     * @param state null when it must be asked of the engine
     */
    private record Mark(long seen, String name, String state, Integer exitCode) {
    }

    /**
     * Every container, from memory when nothing changed since the last listing, else from {@code list};
     * the state, name and exit code of a container that had an event since the stream opened from that
     * event, or from {@code inspect} (the container's entry as the engine answers now, its run included when
     * running; {@link ContainerNotFound} when gone) where the event could not tell.
     */
    List<ContainerInfo> containers(Supplier<List<ContainerInfo>> list, Function<String, ContainerInfo> inspect) {
        long before = generation.get();
        Listing kept = listing;
        if (watching && kept != null && kept.generation() == before) {
            return withMarks(kept.containers(), inspect);
        }
        long seenBefore = received.get();
        List<ContainerInfo> fresh = list.get();
        if (watching) {
            listing = new Listing(before, fresh);
            // a container not listed is gone (or out of scope), and so is its mark, unless the mark came later
            Set<String> listed = fresh.stream().map(ContainerInfo::id).collect(Collectors.toSet());
            marks.entrySet().removeIf(m -> m.getValue().seen() <= seenBefore && !listed.contains(m.getKey()));
            return withMarks(fresh, inspect);
        }
        return fresh;
    }

    private List<ContainerInfo> withMarks(List<ContainerInfo> listed, Function<String, ContainerInfo> inspect) {
        if (marks.isEmpty()) {
            return listed;
        }
        List<ContainerInfo> current = new ArrayList<>(listed.size());
        for (ContainerInfo c : listed) {
            Mark mark = marks.get(c.id());
            current.add(mark == null ? c : marked(c, mark, inspect));
        }
        current.removeIf(Objects::isNull);
        return current;
    }

    /** The listed container as its mark says, or null when the engine says it is gone. */
    private ContainerInfo marked(ContainerInfo listed, Mark mark, Function<String, ContainerInfo> inspect) {
        String id = listed.id();
        if (mark.state() == null) {
            long at = received.get();
            ContainerInfo now;
            try {
                now = inspect.apply(id);
            } catch (ContainerNotFound gone) {
                return null;
            }
            Mark read = new Mark(at, now.name(), now.state(), now.exitCode());
            // an event received since the inspect was sent wins: its mark is newer than what was read
            ContainerInfo entry = new ContainerInfo(id, now.name(), listed.image(), now.state(), now.exitCode(), now.run());
            if (marks.computeIfPresent(id, (k, m) -> m.seen() <= at && m.state() == null ? read : m) != read) {
                Mark newer = marks.get(id);
                return newer == null || newer.state() == null ? entry : marked(listed, newer, inspect);
            }
            return entry;
        }
        RunInfo run = null;
        if (mark.state().equals("running")) {
            try {
                run = run(id, x -> inspect.apply(x).run());
            } catch (ContainerNotFound gone) {
                return null;
            }
        }
        return new ContainerInfo(id, mark.name() == null ? listed.name() : mark.name(), listed.image(), mark.state(), mark.exitCode(), run);
    }

    /**
     * The run of a running container, from memory when it can be trusted, else from {@code inspect}.
     * The inspect runs outside any lock: inside {@code computeIfAbsent} it would hold the map's bin for a
     * whole engine call, so a change by name would wait behind it, and a change by id would not see the
     * entry being computed and leave a run the engine answered before the change. Its answer is kept
     * only when no change happened meanwhile, checked after storing: a change that comes later removes
     * what was stored.
     */
    RunInfo run(String id, Function<String, RunInfo> inspect) {
        RunInfo known = watching ? runs.get(id) : null;
        if (known != null) {
            return known;
        }
        long before = generation.get();
        RunInfo fresh = inspect.apply(id);
        if (watching && fresh != null) {
            runs.putIfAbsent(id, fresh);
            if (generation.get() != before) {
                runs.remove(id, fresh);
            }
        }
        return fresh;
    }

    /**
     * Our own start, stop, restart, update or removal of the container of full id {@code id}: its event
     * will come too, but the next list must not wait for it, so the container is inspected then.
     */
    void acted(String id) {
        changed(id);
        long now = received.get();
        if (watching) {
            marks.merge(id, new Mark(now, null, null, null), (old, asked) -> old.seen() <= now ? asked : old);
        }
    }

    /** Our own removal of the container of full id {@code id}. */
    void removed(String id) {
        changed(id);
        marks.remove(id);
    }

    private void changed(String id) {
        generation.incrementAndGet();
        runs.remove(id);
    }

    /** A watched engine event: its container's mark follows it, and the live event feed hears of it. */
    void event(Event event) {
        String id = event.getActor() != null && event.getActor().getId() != null ? event.getActor().getId() : event.getId();
        long seen = received.incrementAndGet();
        if (id == null) {
            // no container named: every remembered run is dropped, wrong only on the safe side
            generation.incrementAndGet();
            runs.clear();
        } else {
            changed(id);
            mark(id, seen, event);
        }
        listener.event(event);
    }

    private void mark(String id, long seen, Event event) {
        String action = event.getAction() != null ? event.getAction() : String.valueOf(event.getStatus());
        if (action.equals("destroy")) {
            marks.remove(id);
            return;
        }
        Map<String, String> attributes = event.getActor() == null || event.getActor().getAttributes() == null
                ? Map.of() : event.getActor().getAttributes();
        String name = attributes.get("name");
        String shown = name == null ? null : name.startsWith("/") ? name.substring(1) : name;
        Mark before = marks.get(id);
        Mark after = switch (action) {
            case "create" -> new Mark(seen, shown, "created", null);
            case "start", "restart", "unpause" -> new Mark(seen, shown, "running", null);
            case "pause" -> new Mark(seen, shown, "paused", null);
            // a die leaves the container exited, restarting (restart policy) or being removed: the engine tells
            case "die" -> new Mark(seen, shown, null, null);
            // rename, update: the state is what it was
            default -> before == null ? new Mark(seen, shown, null, null) : new Mark(seen, shown, before.state(), before.exitCode());
        };
        marks.put(id, after);
    }

    /**
     * The event stream is open. What was read before cannot be trusted (a change may have happened
     * between that read and the stream), so the generation moves on.
     */
    void streamOpened() {
        watching = true;
        generation.incrementAndGet();
    }

    /** The event stream ended or broke: nothing remembered can be trusted any more. */
    void streamClosed() {
        watching = false;
        generation.incrementAndGet();
        listing = null;
        runs.clear();
        marks.clear();
        listener.lost();
    }

    /** Who else hears the watched events (the live event feed); it must return at once and throw nothing. */
    interface Listener {

        void event(Event event);

        void lost();
    }

    private volatile Listener listener = new Listener() {
        @Override
        public void event(Event event) {
        }

        @Override
        public void lost() {
        }
    };

    void listen(Listener listener) {
        this.listener = listener;
    }
}
