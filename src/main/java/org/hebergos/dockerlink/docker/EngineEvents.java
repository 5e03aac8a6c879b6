package org.hebergos.dockerlink.docker;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows the engine's container events ({@code GET /events}) and tells the {@link ContainerCache} when
 * the stream opens, what changed, and when it ends. Started once at deployment; when the stream breaks or
 * the engine does not answer, it asks again after {@link #RETRY_MILLIS}, so a restarted engine is followed
 * again within a second. It reads on a thread of the given (managed) factory: docker-java's
 * {@code eventsCmd} would read on a thread it creates with {@code new Thread} and offers no way to pass an
 * executor, so the request goes through its transport and is parsed here.
 */
final class EngineEvents implements Closeable {

    private static final Logger LOG = Logger.getLogger(EngineEvents.class.getName());
    /** Engines add fields over time ({@code scope} since 1.22): what docker-java's model lacks is ignored. */
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** The container events that change a container's state, name, exit code, start time or CPU limit. */
    private static final String FILTERS = "{\"type\":[\"container\"],\"event\":[\"create\",\"start\",\"restart\",\"die\","
            + "\"pause\",\"unpause\",\"rename\",\"update\",\"destroy\"]}";
    /**
     * The engine answers the request's headers before it subscribes the stream to new events (moby's
     * {@code getEvents} flushes, then subscribes), so an event in between would be lost; asking for the
     * events of the last few seconds too has the engine replay it. Replayed events only drop memory.
     */
    private static final long REPLAY_SECONDS = 5;

    /** The pause before asking again for a stream that broke or was refused. */
    static final long RETRY_MILLIS = 1000;

    private final ContainerCache cache;
    private boolean started;
    private boolean closed;
    private DockerHttpClient.Response stream;

    EngineEvents(ContainerCache cache) {
        this.cache = cache;
    }

    /** Starts following the events, for as long as this is not closed. */
    synchronized void start(Supplier<DockerHttpClient> http, ThreadFactory threads) {
        if (started || closed) {
            return;
        }
        threads.newThread(() -> followUntilClosed(http)).start();
        started = true;
    }

    private void followUntilClosed(Supplier<DockerHttpClient> http) {
        do {
            try {
                follow(http.get());
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "docker engine not reachable for its events", e);
            }
        } while (pausedAndStillOpen());
    }

    /** Waits {@link #RETRY_MILLIS} unless closed meanwhile; true when the events are still to be followed. */
    private synchronized boolean pausedAndStillOpen() {
        try {
            if (!closed) {
                wait(RETRY_MILLIS);
            }
            return !closed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void follow(DockerHttpClient http) {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path("/events?since=" + (Instant.now().getEpochSecond() - REPLAY_SECONDS)
                        + "&filters=" + URLEncoder.encode(FILTERS, StandardCharsets.UTF_8))
                .build();
        boolean open = false;
        try (DockerHttpClient.Response response = http.execute(request)) {
            if (!opened(response)) {
                return;
            }
            if (response.getStatusCode() != 200) {
                LOG.fine(() -> "docker event stream answered " + response.getStatusCode());
                return;
            }
            cache.streamOpened();
            open = true;
            read(response.getBody(), cache::event);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "docker event stream broke; container cache dropped", e);
        } finally {
            synchronized (this) {
                stream = null;
            }
            if (open) {
                // only a stream that was open can have missed events: a refused one would say so every second
                cache.streamClosed();
            }
        }
    }

    /** Records the open stream so that {@link #close} can abort it; false when closed meanwhile. */
    private synchronized boolean opened(DockerHttpClient.Response response) {
        stream = response;
        return !closed;
    }

    /** Hands every event of {@code body} (concatenated JSON objects) to {@code onEvent}, until the stream ends. */
    static void read(InputStream body, Consumer<Event> onEvent) throws IOException {
        try (MappingIterator<Event> events = JSON.readerFor(Event.class).readValues(body)) {
            while (events.hasNextValue()) {
                onEvent.accept(events.nextValue());
            }
        }
    }

    /** Our translation of a watched event of a container, as the engine sent it. */
    static ContainerEvent translated(Event event) {
        Map<String, String> attributes = attributes(event);
        String action = event.getAction() != null ? event.getAction() : event.getStatus();
        Integer exitCode = null;
        try {
            exitCode = attributes.containsKey("exitCode") ? Integer.valueOf(attributes.get("exitCode")) : null;
        } catch (NumberFormatException notANumber) {
            // left out, as for any event that carries none
        }
        String name = attributes.getOrDefault("name", "");
        long nanos = event.getTimeNano() != null ? event.getTimeNano()
                : event.getTime() != null ? event.getTime() * 1_000_000_000L : System.currentTimeMillis() * 1_000_000L;
        return new ContainerEvent(event.getId(), action, name.startsWith("/") ? name.substring(1) : name, exitCode, nanos);
    }

    static Map<String, String> attributes(Event event) {
        return event.getActor() == null || event.getActor().getAttributes() == null ? Map.of() : event.getActor().getAttributes();
    }

    /** Stops following for good; the open stream is aborted, which ends the reading thread. */
    @Override
    public void close() {
        DockerHttpClient.Response open;
        synchronized (this) {
            closed = true;
            open = stream;
            notifyAll();
        }
        if (open != null) {
            // the reading thread ends and says the stream closed
            open.close();
        }
    }
}
