package org.hebergos.dockerlink.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Reading a container's stats history from an agent while its sampler fills it. */
final class Samples {

    private Samples() {
    }

    /** Polls the stats of a container until {@code enough}; each sample gets its key as {@code __time}. */
    static List<JsonObject> until(Agent agent, String id, long since, Predicate<List<JsonObject>> enough, Duration limit) {
        return of(() -> {
            Agent.Reply reply = agent.get("v1/container/stats?id=" + id + "&since=" + since);
            assertEquals(200, reply.status(), reply::toString);
            List<JsonObject> samples = new ArrayList<>();
            List<Long> keys = new ArrayList<>();
            reply.json().forEach((key, value) -> {
                keys.add(Long.parseLong(key));
                samples.add(Json.createObjectBuilder(value.asJsonObject()).add("__time", Long.parseLong(key)).build());
            });
            assertEquals(keys.stream().sorted().toList(), keys, "keys ascend");
            return samples;
        }, enough, limit);
    }

    /** Reads until {@code enough} holds, failing with the last reading after {@code limit}. */
    static <T> T of(Supplier<T> read, Predicate<T> enough, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        T last = read.get();
        while (!enough.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                fail("not reached within " + limit.toSeconds() + " s: " + last);
            }
            AgentIT.pause(500);
            last = read.get();
        }
        return last;
    }

    /**
     * Samples of a busy loop under a CPU limit of {@code limitPercent} (% of one core), read until one of
     * them shows the loop at work. Physics, not a quiet machine, gives the bounds: the kernel's quota caps
     * every reading at the limit (plus the jitter of a reading's instant), while on a loaded 2-core machine
     * the loop may get much less than its quota for a while, so the lower bound is only that it reaches
     * half of it at some point within a minute and a half.
     */
    static List<JsonObject> ofABusyLoop(Agent agent, String id, long since, double limitPercent) {
        List<JsonObject> samples = until(agent, id, since,
                s -> s.stream().anyMatch(x -> cpuPercent(x) >= limitPercent / 2), Duration.ofSeconds(90));
        for (JsonObject sample : samples) {
            assertTrue(cpuPercent(sample) <= limitPercent * 1.2,
                    "the quota caps the loop at " + limitPercent + " %: " + sample);
        }
        return samples;
    }

    static double cpuPercent(JsonObject sample) {
        return sample.getJsonObject("cpu").getJsonNumber("usage_percent").doubleValue();
    }

    static List<Long> times(List<JsonObject> samples) {
        return samples.stream().map(s -> s.getJsonNumber("__time").longValue()).toList();
    }
}
