package org.hebergos.dockerlink.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code v1/container}, {@code health} and the token check, against containers on the real engine. */
class ContainerApiIT extends AgentIT {

    private static final String PREFIX = "it-ctr-" + UUID.randomUUID().toString().substring(0, 8);
    private static String running;
    private static String exited;
    private static String created;


    @BeforeAll
    static void containers() {
        running = Docker.runDetached("--name", PREFIX + "-running", Docker.BUSYBOX, "sleep", "3600");
        exited = Docker.runDetached("--name", PREFIX + "-exited", Docker.BUSYBOX, "sh", "-c", "exit 3");
        Docker.cli("wait", exited);
        created = Docker.create("--name", PREFIX + "-created", Docker.BUSYBOX, "sleep", "3600");
    }

    @AfterAll
    static void removeContainers() {
        Docker.remove(running, exited, created);
    }

    @Test
    void listsEveryContainerByFullIdWithOnlyTheFieldsThatApply() {
        Agent.Reply reply = agent.get("v1/container/");
        assertEquals(200, reply.status(), reply::toString);
        JsonObject all = reply.json();

        JsonObject run = all.getJsonObject(running);
        assertEquals(PREFIX + "-running", run.getString("name"));
        assertEquals("running", run.getString("state"));
        assertEquals(Docker.startedAt(running).getEpochSecond(), run.getJsonNumber("started_at").longValue());
        assertFalse(run.containsKey("exit_code"), run::toString);

        JsonObject done = all.getJsonObject(exited);
        assertEquals("exited", done.getString("state"));
        assertEquals(3, done.getInt("exit_code"));
        assertFalse(done.containsKey("started_at"), done::toString);

        JsonObject fresh = all.getJsonObject(created);
        assertEquals("created", fresh.getString("state"));
        assertEquals(2, fresh.size(), fresh::toString);
    }

    @Test
    void runningTrueListsOnlyRunningContainers() {
        JsonObject list = agent.get("v1/container/?running=true").json();
        assertTrue(list.containsKey(running));
        assertFalse(list.containsKey(exited));
        assertFalse(list.containsKey(created));
        list.values().forEach(v -> assertEquals("running", v.asJsonObject().getString("state")));
    }

    @Test
    void idsOverrideRunningAndAcceptNamesAndPrefixes() {
        Agent.Reply reply = agent.get("v1/container/?running=true&id=" + PREFIX + "-exited&id=" + running.substring(0, 12)
                + "&id=" + created);
        JsonObject list = reply.json();
        assertEquals(3, list.size(), reply::toString);
        assertTrue(list.containsKey(exited) && list.containsKey(running) && list.containsKey(created), reply::toString);
    }

    @Test
    void unknownIdsAreAbsent() {
        Agent.Reply reply = agent.get("v1/container/?id=no-such-container-" + PREFIX + "&id=" + running);
        assertEquals(200, reply.status());
        assertEquals(1, reply.json().size(), reply::toString);
    }

    @Test
    void malformedIdIsRefusedNamingTheParameter() {
        Agent.Reply reply = agent.get("v1/container/?id=..%2Fetc");
        assertEquals(400, reply.status());
        assertTrue(reply.isPlainText(), reply::toString);
        assertTrue(reply.body().startsWith("id:"), reply::toString);
        assertEquals(1, reply.body().strip().lines().count());
    }

    @Test
    void stopsAndStartsAContainerIdempotently() {
        String id = Docker.runDetached("--name", PREFIX + "-cycle", Docker.BUSYBOX, "sleep", "3600");
        try {
            assertEquals(204, agent.post("v1/container/stop?id=" + id + "&t=1").status());
            assertEquals("exited", Docker.inspect(id, "{{.State.Status}}"));
            assertEquals(204, agent.post("v1/container/stop?id=" + id).status(), "stopping a stopped container");

            assertEquals(204, agent.postForm("v1/container/start", "id=" + PREFIX + "-cycle").status(), "form parameters");
            assertEquals("running", Docker.inspect(id, "{{.State.Status}}"));
            assertEquals(204, agent.post("v1/container/start?id=" + id).status(), "starting a running container");

            JsonObject listed = agent.get("v1/container/?id=" + id).json().getJsonObject(id);
            assertEquals(Docker.startedAt(id).getEpochSecond(), listed.getJsonNumber("started_at").longValue(),
                    "started_at follows the new run");
        } finally {
            Docker.remove(id);
        }
    }

    @Test
    void restartStartsANewRun() {
        String id = Docker.runDetached(Docker.BUSYBOX, "sleep", "3600");
        try {
            var before = Docker.startedAt(id);
            pause(1100);
            assertEquals(204, agent.post("v1/container/restart?id=" + id + "&t=0").status());
            assertEquals("running", Docker.inspect(id, "{{.State.Status}}"));
            assertNotEquals(before, Docker.startedAt(id));
        } finally {
            Docker.remove(id);
        }
    }

    @Test
    void theListFollowsChangesMadeOutsideTheAgent() {
        String id = Docker.runDetached("--name", PREFIX + "-outside", Docker.BUSYBOX, "sleep", "3600");
        try {
            awaitListed(id, c -> c.getString("state").equals("running"));
            Docker.cli("rename", PREFIX + "-outside", PREFIX + "-renamed");
            awaitListed(id, c -> c.getString("name").equals(PREFIX + "-renamed"));
            long before = Docker.startedAt(id).getEpochSecond();
            pause(1100);
            Docker.cli("restart", "-t", "0", id);
            long after = Docker.startedAt(id).getEpochSecond();
            assertNotEquals(before, after);
            awaitListed(id, c -> c.getJsonNumber("started_at").longValue() == after);
            Docker.cli("stop", "-t", "0", id);
            awaitListed(id, c -> c.getString("state").equals("exited") && c.containsKey("exit_code") && !c.containsKey("started_at"));
        } finally {
            Docker.remove(id);
        }
        awaitListed(id, null);
    }

    /**
     * A container the agent never saw start, paused and unpaused from outside. The engine's listing still
     * shows the old state for a moment after each event; the agent must follow the events, not keep that.
     * The stream costs at most one log line (Payara's Weld warns about the thread that opened it).
     */
    @Test
    void pauseAndUnpauseOfAContainerStartedBeforeTheAgentAreFollowedAndSamplingResumes() {
        String label = "hebergos-pause-" + UUID.randomUUID().toString().substring(0, 8);
        String id = Docker.runDetached("--label", label, Docker.BUSYBOX, "sleep", "3600");
        Duration wait = Duration.ofSeconds(30);
        try (MicroServer server = MicroServer.start("pause", AgentEnv.of("pause").with("managed_label", label)); EventStream events = EventStream.open(server.agent().base(), "", null)) {
            Agent later = server.agent();
            assertEquals(200, events.status(), events::body);
            LifecycleIT.samplesUntil(later, id, 0, s -> !s.isEmpty(), wait);

            Docker.cli("pause", id);
            assertEquals("paused", events.next(e -> e.type().equals("container"), wait).json().getString("state"));
            pause(2000);
            Docker.cli("unpause", id);
            long unpaused = Instant.now().getEpochSecond();
            JsonObject running = events.next(e -> e.type().equals("container"), wait).json();
            assertEquals(id, running.getString("id"));
            assertEquals("running", running.getString("state"), running::toString);
            assertEquals(Docker.startedAt(id).getEpochSecond(), running.getJsonNumber("started_at").longValue(), running::toString);

            assertEquals("running", later.get("v1/container/?id=" + id).json().getJsonObject(id).getString("state"), "the list follows");
            LifecycleIT.samplesUntil(later, id, unpaused + 1, s -> s.size() >= 2, wait);
            assertEquals("running", later.get("v1/container/?id=" + id).json().getJsonObject(id).getString("state"), "and stays so");
            // the request thread that opened the stream has served others since
            List<String> weld = Files.readAllLines(Path.of(System.getProperty("it.dir", "target/it"), "pause", "payara.log")).stream()
                    .filter(line -> line.contains("WELD-") && line.contains("WARN")).toList();
            assertTrue(weld.size() <= 1, "at most one log line for the stream: " + weld);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Docker.remove(id);
        }
    }

    /**
     * Engine events reach the agent a moment after the CLI returns: polls for a few seconds until the
     * container is listed as {@code expected} says, or, with null, no longer listed.
     */
    private void awaitListed(String id, java.util.function.Predicate<JsonObject> expected) {
        JsonObject listed = null;
        for (int i = 0; i < 50; i++) {
            listed = agent.get("v1/container/").json().getJsonObject(id);
            if (expected == null ? listed == null : listed != null && expected.test(listed)) {
                return;
            }
            pause(100);
        }
        throw new AssertionError("the list did not follow within 5 s: " + listed);
    }

    @Test
    void actionsOnUnknownOrMissingIdsAreRefused() {
        for (String action : new String[] {"start", "stop", "restart"}) {
            Agent.Reply unknown = agent.post("v1/container/" + action + "?id=no-such-container-" + PREFIX);
            assertEquals(404, unknown.status(), unknown::toString);
            assertTrue(unknown.isPlainText() && unknown.body().startsWith("id:"), unknown::toString);

            Agent.Reply missing = agent.post("v1/container/" + action);
            assertEquals(400, missing.status(), missing::toString);
            assertEquals("id: required", missing.body().strip());
        }
        Agent.Reply badGrace = agent.post("v1/container/stop?id=" + running + "&t=soon");
        assertEquals(400, badGrace.status());
        assertTrue(badGrace.body().startsWith("t:"), badGrace::toString);
    }

    @Test
    void refusesCallsWithoutTheRightToken() {
        for (String auth : new String[] {null, "Bearer wrong-token", "Basic " + Agent.TOKEN, "Bearer " + Agent.TOKEN + "x"}) {
            Agent.Reply reply = agent.getAs(auth, "v1/container/");
            assertEquals(401, reply.status(), () -> auth + " -> " + reply);
            assertTrue(reply.isPlainText(), reply::toString);
            assertFalse(reply.body().contains(running));
        }
        Agent.Reply post = agent.postAs("Bearer wrong-token", "v1/container/stop?id=" + running);
        assertEquals(401, post.status());
        assertEquals("running", Docker.inspect(running, "{{.State.Status}}"));
    }

    @Test
    void healthAnswersWithoutTokenAndSaysDockerIsUp() {
        Agent.Reply reply = agent.getAs(null, "health");
        assertEquals(200, reply.status(), reply::toString);
        assertEquals("up", reply.json().getString("docker"));
        assertFalse(reply.body().contains(running));
    }

    @Test
    void unknownPathsAnswerPlainTextNotHtml() {
        Agent.Reply reply = agent.get("v1/nothing-here");
        assertEquals(404, reply.status());
        assertTrue(reply.isPlainText(), reply::toString);
        assertFalse(reply.body().contains("<html"), reply::toString);
    }
}
