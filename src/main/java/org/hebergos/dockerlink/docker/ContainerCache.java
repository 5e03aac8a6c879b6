package org.hebergos.dockerlink.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Remembers what the engine last said about its containers, so that listing them costs no engine call
 * while nothing changed and one call (no inspect per container) when something did. It is trusted only
 * while the engine's event stream is watched: every event that changes what the list shows drops the
 * listing (and the run of that container), and when the stream breaks everything is dropped and the
 * stream watched anew.
 */
final class ContainerCache implements Closeable {

    private static final Logger LOG = Logger.getLogger(ContainerCache.class.getName());
    /** The container events that change a container's state, name, exit code, start time or CPU limit. */
    private static final String[] CHANGES = {"create", "start", "restart", "die", "pause", "unpause", "rename", "update", "destroy"};

    private final Map<String, RunInfo> runs = new ConcurrentHashMap<>();
    private volatile boolean watching;
    private volatile Closeable subscription;
    /** Bumped by every change; a listing taken across a change is not kept. */
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

    /** The run of a running container, from memory when it can be trusted, else from {@code inspect}. */
    RunInfo run(String id, Function<String, RunInfo> inspect) {
        return watching ? runs.computeIfAbsent(id, inspect) : inspect.apply(id);
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

    /** Starts watching events when nobody is; called on every use so a broken stream heals itself. */
    synchronized void watch(DockerClient client) {
        if (subscription != null) {
            return;
        }
        subscription = client.eventsCmd()
                .withEventTypeFilter(EventType.CONTAINER)
                .withEventFilter(CHANGES)
                .exec(new ResultCallback.Adapter<Event>() {
                    @Override
                    public void onStart(Closeable stream) {
                        super.onStart(stream);
                        watching = true;
                    }

                    @Override
                    public void onNext(Event event) {
                        changed(event.getId());
                        listener.event(event);
                    }

                    @Override
                    public void onError(Throwable error) {
                        LOG.log(Level.FINE, "docker event stream broke; container cache dropped", error);
                        stopWatching();
                    }

                    @Override
                    public void onComplete() {
                        stopWatching();
                    }
                });
    }

    private synchronized void stopWatching() {
        watching = false;
        generation.incrementAndGet();
        listing = null;
        runs.clear();
        subscription = null;
        listener.lost();
    }

    @Override
    public synchronized void close() {
        Closeable current = subscription;
        stopWatching();
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing the docker event stream", e);
            }
        }
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
