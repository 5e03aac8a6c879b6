package org.hebergos.dockerlink.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import java.io.Closeable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Remembers each running container's {@link RunInfo} so that listing containers costs one engine call,
 * not one inspect per container. An entry is only trusted while the engine's event stream is watched:
 * a {@code start}, {@code update} or {@code die} event drops it, and when the stream breaks the cache is
 * emptied and watched anew.
 */
final class RunCache implements Closeable {

    private static final Logger LOG = Logger.getLogger(RunCache.class.getName());

    private final Map<String, RunInfo> runs = new ConcurrentHashMap<>();
    private volatile boolean watching;
    private volatile Closeable subscription;

    /** The run of a running container, from the cache when it can be trusted, else from {@code inspect}. */
    RunInfo get(String id, Function<String, RunInfo> inspect) {
        return watching ? runs.computeIfAbsent(id, inspect) : inspect.apply(id);
    }

    void forget(String id) {
        runs.remove(id);
    }

    /** Starts watching events when nobody is; called on every use so a broken stream heals itself. */
    synchronized void watch(DockerClient client) {
        if (subscription != null) {
            return;
        }
        subscription = client.eventsCmd()
                .withEventTypeFilter(EventType.CONTAINER)
                .withEventFilter("start", "die", "update", "destroy")
                .exec(new ResultCallback.Adapter<Event>() {
                    @Override
                    public void onStart(Closeable stream) {
                        super.onStart(stream);
                        watching = true;
                    }

                    @Override
                    public void onNext(Event event) {
                        forget(event.getId());
                    }

                    @Override
                    public void onError(Throwable error) {
                        LOG.log(Level.FINE, "docker event stream broke; run cache dropped", error);
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
        runs.clear();
        subscription = null;
    }

    @Override
    public synchronized void close() {
        Closeable current = subscription;
        stopWatching();
        if (current != null) {
            try {
                current.close();
            } catch (java.io.IOException e) {
                LOG.log(Level.FINE, "closing the docker event stream", e);
            }
        }
    }
}
