package org.hebergos.dockerlink.docker;

import com.github.dockerjava.api.model.Event;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Remembers what the engine last said about its containers, so that listing them costs no engine call
 * while nothing changed and one call (no inspect per container) when something did. It is trusted only
 * while the engine's event stream is watched ({@link EngineEvents} reports it open and closed): every
 * event that changes what the list shows drops the listing (and the run of that container), and when
 * the stream breaks everything is dropped.
 *
 * <p>Every change bumps a generation; what was read from the engine while the generation moved (a
 * listing, an inspected run) is not kept, because the engine may have answered before the change.
 */
final class ContainerCache {

    private final Map<String, RunInfo> runs = new ConcurrentHashMap<>();
    private volatile boolean watching;
    private final AtomicLong generation = new AtomicLong();
    private volatile Listing listing;

    private record Listing(long generation, List<ContainerInfo> containers) {
    }

    /** Every container, from memory when nothing changed since the last listing, else from {@code list}. */
    List<ContainerInfo> containers(Supplier<List<ContainerInfo>> list) {
        long before = generation.get();
        Listing kept = listing;
        if (watching && kept != null && kept.generation() == before) {
            return kept.containers();
        }
        List<ContainerInfo> fresh = list.get();
        if (watching) {
            listing = new Listing(before, fresh);
        }
        return fresh;
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
        if (watching) {
            runs.putIfAbsent(id, fresh);
            if (generation.get() != before) {
                runs.remove(id, fresh);
            }
        }
        return fresh;
    }

    /**
     * A container changed: by an event (full id), or by our own start/stop/restart (id, prefix or name),
     * whose event will come too, but the next list must not wait for it.
     */
    void changed(String ref) {
        generation.incrementAndGet();
        runs.keySet().removeIf(id -> id.startsWith(ref));
        Listing kept = listing;
        if (kept != null) {
            kept.containers().stream().filter(c -> c.name().equals(ref)).forEach(c -> runs.remove(c.id()));
        }
    }

    /** A watched engine event: what it names is stale, and the live event feed hears of it. */
    void event(Event event) {
        String id = event.getActor() != null && event.getActor().getId() != null ? event.getActor().getId() : event.getId();
        // an event without an id drops every remembered run: wrong only on the safe side
        changed(id == null ? "" : id);
        listener.event(event);
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
        listener.lost();
    }

    boolean watching() {
        return watching;
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
