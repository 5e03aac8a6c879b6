package org.hebergos.dockerlink.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code PATCH v1/container} (limits), {@code DELETE v1/container} and the {@code managed_label} scope,
 * against real containers; the agent under test samples every 2 s.
 */
class LifecycleIT extends AgentIT {

    private static final String PREFIX = "it-lc-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String JSON = "application/json";

    private final List<String> volumes = new ArrayList<>();

    @AfterEach
    void removeWhatWasMade() {
        // the containers first: a volume in use cannot be removed
        containers.removeAll();
        for (String volume : volumes) {
            runQuietly("volume", "rm", "-f", volume);
        }
    }

    @Test
    void patchChangesLimitsLiveAndTheNextSamplesFollow() {
        String id = run("--name", PREFIX + "-busy", "--cpus", "1", Docker.BUSYBOX, "sh", "-c", "while :; do :; done");
        List<JsonObject> before = samplesUntil(agent, id, 0, s -> s.size() >= 2, Duration.ofSeconds(30));
        JsonObject unlimited = before.get(before.size() - 1);
        assertEquals(100.0, unlimited.getJsonObject("cpu").getJsonNumber("limit").doubleValue(), 1e-9);

        // created without a memory limit: the engine needs swap set in the same update
        Agent.Reply reply = agent.patch("v1/container?id=" + PREFIX + "-busy", JSON, "{\"memory\": 0.5, \"cpulimit\": 50}");
        assertEquals(200, reply.status(), reply::toString);
        long patched = Instant.now().getEpochSecond();
        JsonObject entry = reply.json().getJsonObject(id);
        assertEquals(1, reply.json().size(), reply::toString);
        assertEquals(PREFIX + "-busy", entry.getString("name"));
        assertEquals("running", entry.getString("state"));
        assertEquals(Docker.startedAt(id).getEpochSecond(), entry.getJsonNumber("started_at").longValue());
        assertEquals(0.5, entry.getJsonNumber("memory_limit").doubleValue(), 1e-12);
        assertEquals(50.0, entry.getJsonNumber("cpu_limit").doubleValue(), 1e-9);
        assertEquals("500000000", Docker.inspect(id, "{{.HostConfig.NanoCpus}}"));
        assertEquals(String.valueOf(512L * 1024 * 1024), Docker.inspect(id, "{{.HostConfig.MemorySwap}}"), "no swap beyond the limit");

        // a sample averages over the interval before it (2 s here): from patched + 3 on, none reaches back before the change
        List<JsonObject> after = Samples.ofABusyLoop(agent, id, patched + 3, 50);
        for (JsonObject sample : after) {
            assertEquals(50.0, sample.getJsonObject("cpu").getJsonNumber("limit").doubleValue(), 1e-9, sample::toString);
            assertEquals(0.5, sample.getJsonObject("memory").getJsonNumber("limit").doubleValue(), 1e-12, sample::toString);
        }
    }

    @Test
    void patchTakesFormFieldsAndKeepsAQuotaContainersKindOfLimit() {
        String id = run("--cpu-quota", "50000", "--cpu-period", "100000", Docker.BUSYBOX, "sleep", "3600");
        Agent.Reply reply = agent.patch("v1/container?id=" + id.substring(0, 12), "application/x-www-form-urlencoded", "cpulimit=25");
        assertEquals(200, reply.status(), reply::toString);
        JsonObject entry = reply.json().getJsonObject(id);
        assertEquals(25.0, entry.getJsonNumber("cpu_limit").doubleValue(), 1e-9);
        assertTrue(entry.getJsonNumber("memory_limit").doubleValue() > 0.1, "no memory limit: the host's memory, as in stats: " + entry);
        assertEquals("25000", Docker.inspect(id, "{{.HostConfig.CpuQuota}}"));
        assertEquals("0", Docker.inspect(id, "{{.HostConfig.NanoCpus}}"));

        Agent.Reply query = agent.patch("v1/container?id=" + id + "&memory=0.25", null, null);
        assertEquals(200, query.status(), query::toString);
        assertEquals(0.25, query.json().getJsonObject(id).getJsonNumber("memory_limit").doubleValue(), 1e-12);
        assertEquals(25.0, query.json().getJsonObject(id).getJsonNumber("cpu_limit").doubleValue(), 1e-9, "unchanged");
    }

    @Test
    void patchRefusesBadValuesNamingTheKeyAndPassesOnTheEnginesRefusal() {
        String id = run("-m", "64m", Docker.BUSYBOX, "sh", "-c", "(head -c 40m /dev/zero; sleep 3600) | tail");
        Map<String, String> bad = Map.of(
                "{}", "memory:",
                "{\"memory\": -1}", "memory:",
                "{\"memory\": \"lots\"}", "memory:",
                "{\"memory\": 0.001}", "memory:",
                "{\"cpulimit\": 0}", "cpulimit:",
                "{\"cpulimit\": 50, \"swap\": 1}", "swap:",
                "[50]", "body:");
        bad.forEach((body, key) -> {
            Agent.Reply reply = agent.patch("v1/container?id=" + id, JSON, body);
            assertEquals(400, reply.status(), body + " -> " + reply);
            assertTrue(reply.isPlainText() && reply.body().startsWith(key) && reply.body().strip().lines().count() == 1, body + " -> " + reply);
        });
        Agent.Reply badForm = agent.patch("v1/container?id=" + id + "&cpulimit=half", null, null);
        assertEquals(400, badForm.status(), badForm::toString);
        assertTrue(badForm.body().startsWith("cpulimit:"), badForm::toString);
        Agent.Reply noId = agent.patch("v1/container", JSON, "{\"cpulimit\": 50}");
        assertEquals(400, noId.status(), noId::toString);
        assertTrue(noId.body().startsWith("id:"), noId::toString);

        Agent.Reply unknown = agent.patch("v1/container?id=" + PREFIX + "-none", JSON, "{\"cpulimit\": 50}");
        assertEquals(404, unknown.status(), unknown::toString);

        Agent.Reply tooManyCpus = agent.patch("v1/container?id=" + id, JSON, "{\"cpulimit\": 100000}");
        assertEquals(409, tooManyCpus.status(), tooManyCpus::toString);
        assertTrue(tooManyCpus.isPlainText() && tooManyCpus.body().contains("CPUs"), "Docker's reason: " + tooManyCpus);

        samplesUntil(agent, id, 0, s -> !s.isEmpty()
                && s.get(s.size() - 1).getJsonObject("memory").getJsonNumber("used").doubleValue() > 32d / 1024, Duration.ofSeconds(30));
        Agent.Reply belowUsage = agent.patch("v1/container?id=" + id, JSON, "{\"memory\": 0.0078125}");
        assertEquals(409, belowUsage.status(), belowUsage::toString);
        assertTrue(belowUsage.body().contains("memory"), "Docker's reason: " + belowUsage);
        assertEquals(1, belowUsage.body().strip().lines().count(), belowUsage::toString);
        assertEquals(String.valueOf(64L * 1024 * 1024), Docker.inspect(id, "{{.HostConfig.Memory}}"), "limit unchanged");
    }

    @Test
    void deleteRefusesARunningContainerUnlessForcedAndKeepsItsHistory() {
        String id = run(Docker.BUSYBOX, "sleep", "3600");
        samplesUntil(agent, id, 0, s -> !s.isEmpty(), Duration.ofSeconds(30));

        Agent.Reply refused = agent.delete("v1/container?id=" + id);
        assertEquals(409, refused.status(), refused::toString);
        assertTrue(refused.isPlainText() && refused.body().contains("running"), "Docker's reason: " + refused);
        assertEquals("true", Docker.inspect(id, "{{.State.Running}}"));

        Agent.Reply forced = agent.delete("v1/container?id=" + id.substring(0, 12) + "&force=true");
        assertEquals(204, forced.status(), forced::toString);
        assertFalse(agent.get("v1/container/").json().containsKey(id), "gone from the list");
        Agent.Reply history = agent.get("v1/container/stats?id=" + id + "&since=0");
        assertEquals(200, history.status(), history::toString);
        assertFalse(history.json().isEmpty(), "its stats history stays: " + history);

        Agent.Reply again = agent.delete("v1/container?id=" + id);
        assertEquals(404, again.status(), again::toString);
        Agent.Reply badFlag = agent.delete("v1/container?id=" + id + "&force=yes");
        assertEquals(400, badFlag.status(), badFlag::toString);
        assertTrue(badFlag.body().startsWith("force:"), badFlag::toString);
    }

    @Test
    void deleteWithVolumesRemovesAnonymousVolumesButNeverNamedOnes() {
        String named = PREFIX + "-named";
        volumes.add(named);
        String id = Docker.create("-v", "/anonymous", "-v", named + ":/named", Docker.BUSYBOX, "true");
        containers.add(id);
        String anonymous = Docker.inspect(id, "{{range .Mounts}}{{if eq .Destination \"/anonymous\"}}{{.Name}}{{end}}{{end}}");
        assertFalse(anonymous.isEmpty());
        volumes.add(anonymous);

        Agent.Reply reply = agent.delete("v1/container?id=" + id + "&volumes=true");
        assertEquals(204, reply.status(), reply::toString);
        assertNotEquals(0, runQuietly("container", "inspect", id), "container removed");
        assertNotEquals(0, runQuietly("volume", "inspect", anonymous), "anonymous volume removed");
        assertEquals(0, runQuietly("volume", "inspect", named), "named volume kept");

        String keeper = Docker.create("-v", "/anonymous", Docker.BUSYBOX, "true");
        containers.add(keeper);
        String kept = Docker.inspect(keeper, "{{range .Mounts}}{{.Name}}{{end}}");
        volumes.add(kept);
        assertEquals(204, agent.delete("v1/container?id=" + keeper).status());
        assertEquals(0, runQuietly("volume", "inspect", kept), "without volumes=true even the anonymous volume stays");
    }

    /**
     * The process takes longer to shut down than docker-java's default grace (10 s) and far less than the
     * container's own stop timeout: without {@code t} it must get the container's, and exit cleanly.
     */
    @Test
    void stopAndRestartWithoutTWaitForTheContainersOwnStopTimeout() {
        int shutdownSeconds = 12;
        String id = run("--stop-timeout", "120", Docker.BUSYBOX, "sh", "-c",
                "trap 'sleep " + shutdownSeconds + "; echo clean-exit; exit 0' TERM; while :; do sleep 1; done");

        long before = System.nanoTime();
        Agent.Reply stop = agent.post("v1/container/stop?id=" + id);
        long stopSeconds = (System.nanoTime() - before) / 1_000_000_000L;
        assertEquals(204, stop.status(), stop::toString);
        assertEquals("0", Docker.inspect(id, "{{.State.ExitCode}}"), "a clean exit, not SIGKILL's 137");
        assertTrue(stopSeconds >= shutdownSeconds, "the stop waited for the shutdown: " + stopSeconds + " s");

        Docker.cli("start", id);
        before = System.nanoTime();
        Agent.Reply restart = agent.post("v1/container/restart?id=" + id);
        long restartSeconds = (System.nanoTime() - before) / 1_000_000_000L;
        assertEquals(204, restart.status(), restart::toString);
        assertEquals("running", Docker.inspect(id, "{{.State.Status}}"));
        assertEquals(2, Docker.cli("logs", id).lines().filter("clean-exit"::equals).count(), "the restart's stop was clean too");
        assertTrue(restartSeconds >= shutdownSeconds, "the restart waited for the shutdown: " + restartSeconds + " s");

        Agent.Reply quick = agent.post("v1/container/stop?id=" + id + "&t=1");
        assertEquals(204, quick.status(), quick::toString);
        assertEquals("137", Docker.inspect(id, "{{.State.ExitCode}}"), "t given wins: killed after 1 s");
    }

    @Test
    void managedLabelHidesAndRefusesEveryOtherContainerOnEveryEndpoint() {
        String label = "hebergos-lc-" + UUID.randomUUID().toString().substring(0, 8);
        String managed = run("--name", PREFIX + "-managed", "--label", label + "=panel", Docker.GIT, "sleep", "3600");
        String wrongValue = run("--name", PREFIX + "-wrong", "--label", label + "=other", Docker.GIT, "sleep", "3600");
        String host = run("--name", PREFIX + "-host", Docker.GIT, "sleep", "3600");
        AgentEnv env = AgentEnv.of("lifecycle-scoped").with("managed_label", label + "=panel");
        try (MicroServer server = MicroServer.start("lifecycle-scoped", env)) {
            Agent scoped = server.agent();
            JsonObject all = scoped.get("v1/container/").json();
            assertTrue(all.containsKey(managed), all::toString);
            assertFalse(all.containsKey(host) || all.containsKey(wrongValue), "only labelled containers are listed: " + all);
            assertEquals("{}", scoped.get("v1/container/?id=" + host + "&id=" + PREFIX + "-wrong").body().strip());

            for (String hidden : List.of(host, PREFIX + "-host", host.substring(0, 12), PREFIX + "-wrong")) {
                List<Agent.Reply> replies = List.of(
                        scoped.post("v1/container/start?id=" + hidden),
                        scoped.post("v1/container/stop?id=" + hidden),
                        scoped.post("v1/container/restart?id=" + hidden),
                        scoped.patch("v1/container?id=" + hidden, JSON, "{\"cpulimit\": 50}"),
                        scoped.delete("v1/container?id=" + hidden + "&force=true"),
                        scoped.get("v1/container/stats?id=" + hidden + "&since=0"),
                        scoped.get("v1/git?id=" + hidden),
                        scoped.get("v1/git/head?id=" + hidden),
                        scoped.get("v1/git/branch?id=" + hidden),
                        scoped.post("v1/git/branch?id=" + hidden + "&branch=main"));
                for (Agent.Reply reply : replies) {
                    assertEquals(404, reply.status(), hidden + ": " + reply);
                    assertEquals("id: no such container: " + hidden, reply.body().strip(), "as if it did not exist: " + reply);
                }
            }
            assertEquals("true", Docker.inspect(host, "{{.State.Running}}"), "untouched");
            assertEquals("0", Docker.inspect(host, "{{.HostConfig.NanoCpus}}"), "untouched");

            assertEquals(200, scoped.patch("v1/container?id=" + PREFIX + "-managed", JSON, "{\"cpulimit\": 50}").status());
            assertEquals(204, scoped.post("v1/container/restart?id=" + managed + "&t=0").status());
            samplesUntil(scoped, managed, 0, s -> !s.isEmpty(), Duration.ofSeconds(30));
            Agent.Reply hostStats = scoped.get("v1/container/stats?id=" + host + "&since=0");
            assertEquals(404, hostStats.status(), "never sampled: " + hostStats);

            idPrefixesResolveAmongTheLabelledOnly(scoped, label + "=panel");
        }
    }

    /**
     * Makes containers until two labelled ones share a first character and two hidden ones share one the
     * labelled do not have, then starts by every one-character prefix: the hidden ones are not counted.
     */
    private void idPrefixesResolveAmongTheLabelledOnly(Agent scoped, String label) {
        List<String> visible = new ArrayList<>(Docker.cli("ps", "-aq", "--no-trunc", "--filter", "label=" + label).lines().toList());
        while (firstCharacterCounts(visible).values().stream().noneMatch(n -> n >= 2)) {
            visible.add(containers.add(Docker.create("--label", label, Docker.BUSYBOX, "sleep", "3600")));
        }
        Map<Character, Long> shown = firstCharacterCounts(visible);
        while (true) {
            Map<Character, Long> all = firstCharacterCounts(Docker.cli("ps", "-aq", "--no-trunc").lines().toList());
            if (all.entrySet().stream().anyMatch(e -> e.getValue() >= 2 && !shown.containsKey(e.getKey()))) {
                break;
            }
            containers.add(Docker.create(Docker.BUSYBOX, "true"));
        }
        for (char c : "0123456789abcdef".toCharArray()) {
            Agent.Reply reply = scoped.post("v1/container/start?id=" + c);
            long matches = shown.getOrDefault(c, 0L);
            if (matches == 0) {
                assertEquals(404, reply.status(), c + ": " + reply);
                assertEquals("id: no such container: " + c, reply.body().strip(), "as for an unknown id: " + reply);
            } else if (matches == 1) {
                assertEquals(204, reply.status(), c + ": " + reply);
            } else {
                assertEquals(400, reply.status(), c + ": " + reply);
                assertEquals("id: ambiguous id", reply.body().strip(), "one line, no engine count: " + reply);
            }
        }
    }

    private static Map<Character, Long> firstCharacterCounts(List<String> ids) {
        return ids.stream().collect(Collectors.groupingBy(id -> id.charAt(0), Collectors.counting()));
    }

    private static int runQuietly(String... args) {
        try {
            List<String> argv = new ArrayList<>(List.of("docker"));
            argv.addAll(List.of(args));
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls a container's stats from {@code since} until {@code enough}. */
    static List<JsonObject> samplesUntil(Agent agent, String id, long since, Predicate<List<JsonObject>> enough, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (true) {
            Agent.Reply reply = agent.get("v1/container/stats?id=" + id + "&since=" + since);
            assertEquals(200, reply.status(), reply::toString);
            List<JsonObject> samples = reply.json().values().stream().map(v -> v.asJsonObject()).toList();
            if (enough.test(samples)) {
                return samples;
            }
            if (Instant.now().isAfter(deadline)) {
                fail("not reached within " + limit.toSeconds() + " s: " + reply.body());
            }
            pause(500);
        }
    }
}
