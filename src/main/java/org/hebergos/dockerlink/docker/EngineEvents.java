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
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows the engine's container events ({@code GET /events}) and tells the {@link ContainerCache} when
 * the stream opens, what changed, and when it ends. It reads on a thread of the given (managed) factory:
 * docker-java's {@code eventsCmd} would read on a thread it creates with {@code new Thread} and offers no
 * way to pass an executor, so the request goes through its transport and is parsed here.
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

    private final ContainerCache cache;
    private boolean following;
    private boolean closed;
    private DockerHttpClient.Response stream;

    EngineEvents(ContainerCache cache) {
        this.cache = cache;
    }

    /** Starts following the events when nobody is; called on every use so that a broken stream heals itself. */
    synchronized void watch(DockerHttpClient http, ThreadFactory threads) {
        if (following || closed) {
            return;
        }
        following = true;
        try {
            threads.newThread(() -> follow(http)).start();
        } catch (RuntimeException e) {
            following = false;
            throw e;
        }
    }

    private void follow(DockerHttpClient http) {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path("/events?since=" + (Instant.now().getEpochSecond() - REPLAY_SECONDS)
                        + "&filters=" + URLEncoder.encode(FILTERS, StandardCharsets.UTF_8))
                .build();
        try (DockerHttpClient.Response response = http.execute(request)) {
            if (!opened(response)) {
                return;
            }
            if (response.getStatusCode() != 200) {
                LOG.fine(() -> "docker event stream answered " + response.getStatusCode());
                return;
            }
            cache.streamOpened();
            read(response.getBody(), cache::event);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "docker event stream broke; container cache dropped", e);
        } finally {
            cache.streamClosed();
            synchronized (this) {
                stream = null;
                following = false;
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

    /** Stops following for good; the open stream is aborted, which ends the reading thread. */
    @Override
    public void close() {
        DockerHttpClient.Response open;
        synchronized (this) {
            closed = true;
            open = stream;
        }
        if (open != null) {
            // the reading thread ends and says the stream closed
            open.close();
        } else {
            cache.streamClosed();
        }
    }
}
