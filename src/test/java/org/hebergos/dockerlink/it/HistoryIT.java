package org.hebergos.dockerlink.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Downsampled history ({@code step}, {@code until}, {@code scale}) from agents sampling a real container
 * every 2 s, the same answers after a restart of the agent, and a second agent on the same
 * {@code data_dir} answering 503 until the first one lets go of the database.
 */
class HistoryIT extends AgentIT {


    @Test
    void stepAndScaleAnswerFromTheRawSamplesAlsoAfterARestartAndAHeldDatabaseIs503UntilReleased() {
        String id = run("--cpus", "0.5", Docker.BUSYBOX, "sh", "-c",
                "while :; do head -c 300000 /dev/urandom | md5sum >/dev/null; sleep 0.$((RANDOM % 9)); done");
        AgentEnv env = AgentEnv.of("history");
        long since = Instant.now().getEpochSecond();
        long until;
        List<String> answers;
        try (MicroServer first = MicroServer.start("history", env)) {
            Agent agent = first.agent();
            awaitSamples(agent, id, since, 40);
            until = Instant.now().getEpochSecond() - 1;
            JsonObject raw = get(agent, id, "since=" + since + "&until=" + until);
            assertStepMeans(raw, get(agent, id, "since=" + since + "&until=" + until + "&step=10"), 10);
            assertStepMeans(raw, get(agent, id, "since=" + since + "&until=" + until + "&step=60"), 60);
            assertScales(agent, id);
            answers = fixedAnswers(agent, id, since, until);

            try (MicroServer second = MicroServer.start("history-second", env)) {
                Agent.Reply held = second.agent().get("v1/container/stats?id=" + id + "&since=0");
                assertEquals(503, held.status(), held::toString);
                assertTrue(held.isPlainText() && held.body().contains("held by another agent")
                        && held.body().contains("data_dir") && held.body().strip().indexOf('\n') < 0, held::toString);
                JsonObject down = awaitHealth(second, h -> "down".equals(h.getString("store")));
                assertTrue(down.getString("store_reason").contains("held by another agent"), down::toString);
                first.close();
                Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
                Agent.Reply reply = second.agent().get("v1/container/stats?id=" + id + "&since=" + since + "&until=" + until);
                while (reply.status() != 200 && Instant.now().isBefore(deadline)) {
                    pause(1000);
                    reply = second.agent().get("v1/container/stats?id=" + id + "&since=" + since + "&until=" + until);
                }
                assertEquals(200, reply.status(), "released by the first agent, the store works by itself: " + reply);
                assertEquals(answers, fixedAnswers(second.agent(), id, since, until), "the same answers after the restart");
                awaitSamples(second.agent(), id, until, 3);
                JsonObject up = awaitHealth(second, h -> "up".equals(h.getString("store")));
                assertFalse(up.containsKey("store_reason"), up::toString);
                assertScales(second.agent(), id);
            }
        }
    }

    @Test
    void badParametersAreRefusedNamingThem() {
        String id = run(Docker.BUSYBOX, "sleep", "3600");
        for (String[] bad : new String[][] {
                {"since=0&step=3", "step:"}, {"since=0&step=0", "step:"}, {"since=0&step=604802", "step:"},
                {"since=0&scale=month", "scale:"}, {"since=0&scale=day&step=60", "step:"},
                {"since=100&until=100", "until:"}, {"since=100&until=x", "until:"}, {"scale=", "since:"}}) {
            Agent.Reply reply = agent.get("v1/container/stats?id=" + id + "&" + bad[0]);
            assertEquals(400, reply.status(), bad[0] + ": " + reply);
            assertTrue(reply.isPlainText() && reply.body().startsWith(bad[1]), bad[0] + ": " + reply);
        }
        Agent.Reply noSince = agent.get("v1/container/stats?id=" + id + "&scale=day");
        assertEquals(200, noSince.status(), "since is optional with scale: " + noSince);
    }

    /** The fixed range's answers: raw, two steps and a whole-day bucket. */
    private static List<String> fixedAnswers(Agent agent, String id, long since, long until) {
        List<String> bodies = new ArrayList<>();
        for (String extra : new String[] {"", "&step=10", "&step=60", "&step=86400"}) {
            Agent.Reply reply = agent.get("v1/container/stats?id=" + id + "&since=" + since + "&until=" + until + extra);
            assertEquals(200, reply.status(), reply::toString);
            bodies.add(reply.body());
        }
        return bodies;
    }

    private static void assertScales(Agent agent, String id) {
        long now = Instant.now().getEpochSecond();
        JsonObject lastHour = get(agent, id, "since=" + (now - 3600));
        JsonObject hour = get(agent, id, "since=0&scale=hour");
        assertTrue(hour.size() >= lastHour.size() && hour.size() <= lastHour.size() + 1, hour.size() + " raw samples vs " + lastHour.size());
        for (String key : hour.keySet()) {
            assertTrue(Long.parseLong(key) >= now - 3600, "within the last hour: " + key);
            assertTrue(!hour.getJsonObject(key).getJsonObject("cpu").containsKey("usage_percent_max"), "raw samples have no peaks");
        }
        JsonObject fourHours = get(agent, id, "since=0&scale=4hours");
        long minutes = lastHour.keySet().stream().map(k -> Long.parseLong(k) / 60).distinct().count();
        assertTrue(Math.abs(fourHours.size() - minutes) <= 1, fourHours.size() + " one-minute points for " + minutes + " minutes with samples");
        for (String key : fourHours.keySet()) {
            assertEquals(0, Long.parseLong(key) % 60, key);
            assertTrue(fourHours.getJsonObject(key).getJsonObject("cpu").containsKey("usage_percent_max"));
            assertTrue(fourHours.getJsonObject(key).getJsonObject("memory").containsKey("used_max"));
        }
        for (String scale : new String[] {"day", "week"}) {
            JsonObject points = get(agent, id, "since=0&scale=" + scale);
            long step = scale.equals("day") ? 300 : 1800;
            long expected = lastHour.keySet().stream().map(k -> Long.parseLong(k) / step).distinct().count();
            assertTrue(Math.abs(points.size() - expected) <= 1, scale + ": " + points.size() + " points, expected " + expected);
            points.keySet().forEach(k -> assertEquals(0, Long.parseLong(k) % step, scale + " " + k));
        }
        JsonObject instant = get(agent, id, "scale=instant");
        assertEquals(1, instant.size(), instant::toString);
        assertTrue(Long.parseLong(instant.keySet().iterator().next()) >= Long.parseLong(new ArrayList<>(lastHour.keySet()).get(lastHour.size() - 1)));
    }

    /** Each bucket is the mean of the raw samples in it, with their peaks, summed deltas and last totals. */
    private static void assertStepMeans(JsonObject raw, JsonObject buckets, long step) {
        int samples = 0;
        for (String key : buckets.keySet()) {
            long start = Long.parseLong(key);
            assertEquals(0, start % step, key);
            List<JsonObject> in = new ArrayList<>();
            List<Long> times = new ArrayList<>();
            raw.forEach((k, v) -> {
                long t = Long.parseLong(k);
                if (t >= start && t < start + step) {
                    in.add(v.asJsonObject());
                    times.add(t);
                }
            });
            assertTrue(!in.isEmpty(), "no bucket without samples: " + key);
            samples += in.size();
            JsonObject b = buckets.getJsonObject(key);
            assertClose(in.stream().mapToDouble(s -> num(s, "memory", "used")).average().orElseThrow(), num(b, "memory", "used"), key);
            assertClose(in.stream().mapToDouble(s -> num(s, "cpu", "usage_percent")).average().orElseThrow(), num(b, "cpu", "usage_percent"), key);
            assertClose(in.stream().mapToDouble(s -> num(s, "net", "delta_down")).sum(), num(b, "net", "delta_down"), key);
            assertClose(in.stream().mapToDouble(s -> num(s, "net", "delta_up")).sum(), num(b, "net", "delta_up"), key);
            JsonObject last = in.get(in.size() - 1);
            assertEquals(num(last, "net", "down"), num(b, "net", "down"), key);
            assertEquals(num(last, "memory", "limit"), num(b, "memory", "limit"), key);
            assertEquals(num(last, "cpu", "limit"), num(b, "cpu", "limit"), key);
            assertEquals(in.stream().mapToDouble(s -> num(s, "cpu", "usage_percent")).max().orElseThrow(), num(b, "cpu", "usage_percent_max"), key);
            // memory peaks are written to 12 significant digits (0.0469207763672 for 0.0469207763671875 GiB)
            assertClose(in.stream().mapToDouble(s -> num(s, "memory", "used")).max().orElseThrow(), num(b, "memory", "used_max"), key);
        }
        assertEquals(raw.size(), samples, "every raw sample falls in one bucket");
    }

    private static void assertClose(double expected, double actual, String key) {
        assertEquals(expected, actual, Math.max(1e-12, Math.abs(expected) * 1e-9), key);
    }

    private static double num(JsonObject sample, String group, String field) {
        return sample.getJsonObject(group).getJsonNumber(field).doubleValue();
    }

    private static JsonObject get(Agent agent, String id, String query) {
        Agent.Reply reply = agent.get("v1/container/stats?id=" + id + "&" + query);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private static void awaitSamples(Agent agent, String id, long since, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(count * 2L + 90));
        while (get(agent, id, "since=" + since).size() < count) {
            if (Instant.now().isAfter(deadline)) {
                fail("fewer than " + count + " samples since " + since + ": " + get(agent, id, "since=" + since));
            }
            pause(1000);
        }
    }

    /** The agent's health as the panel's operator sees it (with the token), once {@code done} holds. */
    private static JsonObject awaitHealth(MicroServer server, java.util.function.Predicate<JsonObject> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonObject health = server.agent().getAs("Bearer " + Agent.TOKEN, "health").json();
        while (!done.test(health) && Instant.now().isBefore(deadline)) {
            pause(500);
            health = server.agent().getAs("Bearer " + Agent.TOKEN, "health").json();
        }
        assertTrue(done.test(health), () -> "health did not change as expected in 30 s");
        return health;
    }
}
