package org.hebergos.dockerlink.it;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A client of {@code GET v1/events}: reads the stream on its own thread and keeps each event with its arrival time. */
final class EventStream implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One server-sent event; {@code id} and {@code type} as sent, {@code received} when the whole event had arrived. */
    record Event(String id, String type, String data, Instant received) {

        JsonObject json() {
            return Json.createReader(new StringReader(data)).readObject();
        }
    }

    private final int status;
    private final String contentType;
    private final String body;
    private final InputStream in;
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Event> seen = new ArrayList<>();
    private final Thread reader;

    private EventStream(HttpResponse<InputStream> response) throws IOException {
        status = response.statusCode();
        contentType = response.headers().firstValue("Content-Type").orElse("");
        in = response.body();
        if (status != 200) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            reader = null;
            return;
        }
        body = null;
        reader = new Thread(this::read, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code v1/events?query} with the token, and {@code Last-Event-ID} when not null. */
    static EventStream open(String base, String query, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "v1/events" + (query.isEmpty() ? "" : "?" + query)))
                .header("Authorization", "Bearer " + Agent.TOKEN).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new EventStream(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    /** The error body of a refused stream. */
    String body() {
        return body;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String id = null;
            String type = null;
            StringBuilder data = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, type == null ? "message" : type, data.toString(), Instant.now()));
                    }
                    type = null;
                    data = null;
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    String value = line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5);
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                }
            }
        } catch (IOException closed) {
            // the test closed the stream
        }
    }

    /** The next event that satisfies {@code wanted}, skipping others; fails after {@code limit}. */
    Event next(Predicate<Event> wanted, Duration limit) {
        if (status != 200) {
            fail("the stream was refused: " + status + " " + body);
        }
        Instant deadline = Instant.now().plus(limit);
        try {
            while (true) {
                long left = Duration.between(Instant.now(), deadline).toMillis();
                Event e = left <= 0 ? null : events.poll(left, TimeUnit.MILLISECONDS);
                if (e == null) {
                    fail("no such event within " + limit.toSeconds() + " s; seen: " + seen);
                }
                seen.add(e);
                if (wanted.test(e)) {
                    return e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every event received so far and not yet taken. */
    List<Event> drain() {
        List<Event> all = new ArrayList<>();
        events.drainTo(all);
        seen.addAll(all);
        return all;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
