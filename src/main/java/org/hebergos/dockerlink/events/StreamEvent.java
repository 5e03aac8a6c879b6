package org.hebergos.dockerlink.events;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hebergos.dockerlink.history.HistoryJson;
import org.hebergos.dockerlink.history.Point;
import org.hebergos.dockerlink.stats.Sample;
import org.hebergos.dockerlink.stats.SamplingRound;

/**
 * One event of the {@code v1/events} stream as the log keeps it: {@code container} (about
 * {@code containerId}), {@code stats} (one member per container) or {@code reset}; what each subscriber
 * receives of it depends on its {@code id} filter. Also writes the events' data.
 *
 * @param data    the whole event's data
 * @param members for {@code stats}: each container's sample, {@code "time":{…}}, by full id; else empty
 */
record StreamEvent(long id, String type, String containerId, String data, Map<String, String> members, Instant at) {

    static final String CONTAINER = "container";
    static final String STATS = "stats";
    static final String RESET = "reset";
    /** The first event of every stream, never logged: its id is where the stream's events follow. */
    static final String CONNECTED = "connected";

    /** Writes the events' data from records, as JAX-RS writes every other answer (thread-safe, built once). */
    static final Jsonb JSON = JsonbBuilder.create();

    /** The data of a {@code container} event about a container that no longer exists. */
    @JsonbPropertyOrder({"id", "removed"})
    public record Removed(String id, boolean removed) {
    }

    /** The data of a {@code reset} event: the client lists the containers again. */
    public record Reset(String reason) {
    }

    /**
     * A {@code stats} event: {@code {"<full id>":{"<time>":{…}}, …}}, the stats endpoint's shape per container.
     * Joined from the members {@code HistoryJson} wrote, the one place the wire format is not a record.
     */
    static String statsData(Map<String, String> members, Set<String> only) {
        return members.entrySet().stream()
                .filter(m -> only == null || only.contains(m.getKey()))
                .map(m -> "\"" + m.getKey() + "\":{" + m.getValue() + "}")
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** Each container's sample as the stats endpoint writes it, {@code "time":{"memory":…,"cpu":…,"net":…}}, by full id. */
    static Map<String, String> statsMembers(SamplingRound round) {
        Map<String, String> members = new LinkedHashMap<>();
        for (Sample s : round.samples()) {
            members.put(s.containerId(), HistoryJson.member(Point.of(s)));
        }
        return members;
    }

    static String removedData(String id) {
        return JSON.toJson(new Removed(id, true));
    }

    static String resetData(String reason) {
        return JSON.toJson(new Reset(reason));
    }

    /** What a client following {@code only} (null: every container) receives of it; null when nothing. */
    String dataFor(Set<String> only) {
        if (only == null || type.equals(RESET)) {
            return data;
        }
        if (type.equals(CONTAINER)) {
            return only.contains(containerId) ? data : null;
        }
        return members.keySet().stream().anyMatch(only::contains) ? statsData(members, only) : null;
    }
}
