package org.hebergos.dockerlink.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent's behaviour that must not depend on the server it is deployed in, run against the unchanged
 * WAR in another Jakarta EE server (one subclass per server, each starting its server once). The
 * deployment is configured as src/test/it-env/agent.env says (token, samples every 2 s) and lives under
 * a context root that is not {@code /}, as operators of a shared server deploy it.
 */
abstract class ServerSuite {

    private static final String PREFIX = "it-srv-" + UUID.randomUUID().toString().substring(0, 8);
    private static final List<String> containers = new ArrayList<>();

    /** A client for the deployed agent, at its context root. */
    abstract Agent agent();

    /** Brings the agent down and up again the way operators of this server do; returns once it answers. */
    abstract void restartAgent();

    @BeforeAll
    static void engine() {
        Docker.requireEngineAndImages();
    }

    @AfterAll
    static void removeContainers() {
        Docker.remove(containers.toArray(String[]::new));
    }

    static String run(String... args) {
        String id = Docker.runDetached(args);
        containers.add(id);
        return id;
    }

    @Test
    void everythingButHealthNeedsTheTokenWhateverThePathShape() {
        String running = run("--name", PREFIX + "-auth", Docker.BUSYBOX, "sleep", "3600");
        for (String[] call : new String[][] {{"GET", "v1/container/"}, {"GET", "v1;x/container/"}, {"GET", "v1/container;x/"},
                {"GET", "%76%31/container/"}, {"GET", "v1//container/"}, {"GET", "health/../v1/container/"},
                {"GET", "health/..;/v1/container/"}, {"GET", "v1/git/head?id=" + running}, {"GET", "v1/nothing"}, {"GET", ""},
                {"POST", "health"}, {"OPTIONS", "v1/container/"}, {"DELETE", "v1/container/"},
                {"POST", "v1;x/container/stop?id=" + running + "&t=0"}}) {
            Agent.Reply reply = agent().raw(call[0], call[1], null);
            assertEquals(401, reply.status(), () -> String.join(" ", call) + " -> " + reply);
            assertTrue(reply.isPlainText(), () -> String.join(" ", call) + " -> " + reply);
            assertFalse(reply.body().contains(running), reply::toString);
        }
        assertEquals(401, agent().getAs("Bearer wrong-token", "v1/container/").status());
        assertEquals("running", Docker.inspect(running, "{{.State.Status}}"));

        Agent.Reply health = agent().getAs(null, "health");
        assertEquals(200, health.status(), health::toString);
        assertEquals("up", health.json().getString("docker"), health::toString);
        assertFalse(health.json().containsKey("docker_reason"), "reasons only with the token: " + health);
        assertFalse(health.body().contains("/var/run"), health::toString);

        Agent.Reply wadl = agent().get("application.wadl");
        assertEquals(404, wadl.status(), wadl::toString);
        assertFalse(wadl.body().contains("container"), wadl::toString);
    }

    @Test
    void listsContainersByFullIdWithOnlyTheFieldsThatApply() {
        String running = run("--name", PREFIX + "-running", Docker.BUSYBOX, "sleep", "3600");
        String exited = run("--name", PREFIX + "-exited", Docker.BUSYBOX, "sh", "-c", "exit 3");
        Docker.cli("wait", exited);

        Agent.Reply reply = agent().get("v1/container/?id=" + PREFIX + "-running&id=" + exited.substring(0, 12) + "&id=absent-" + PREFIX);
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/json"), reply::toString);
        JsonObject list = reply.json();
        assertEquals(2, list.size(), reply::toString);
        JsonObject run = list.getJsonObject(running);
        assertEquals(PREFIX + "-running", run.getString("name"));
        assertEquals("running", run.getString("state"));
        assertEquals(Docker.startedAt(running).getEpochSecond(), run.getJsonNumber("started_at").longValue());
        assertEquals(3, run.size(), "name, state, started_at and nothing else: " + run);
        JsonObject done = list.getJsonObject(exited);
        assertEquals("exited", done.getString("state"));
        assertEquals(3, done.getInt("exit_code"));
        assertEquals(3, done.size(), "name, state, exit_code and nothing else: " + done);

        JsonObject runningOnly = agent().get("v1/container/?running=true").json();
        assertTrue(runningOnly.containsKey(running) && !runningOnly.containsKey(exited), runningOnly::toString);
    }

    @Test
    void stopsAndStartsAContainer() {
        String id = run("--name", PREFIX + "-cycle", Docker.BUSYBOX, "sleep", "3600");
        assertEquals(204, agent().post("v1/container/stop?id=" + id + "&t=1").status());
        assertEquals("exited", Docker.inspect(id, "{{.State.Status}}"));
        assertEquals(204, agent().post("v1/container/stop?id=" + id).status(), "stopping a stopped container");
        assertEquals(204, agent().postForm("v1/container/start", "id=" + PREFIX + "-cycle").status(), "form parameters");
        assertEquals("running", Docker.inspect(id, "{{.State.Status}}"));
    }

    @Test
    void samplesStatsAndKeepsTheHistoryAcrossARestart() {
        String id = run("-m", "256m", Docker.BUSYBOX, "sleep", "3600");
        long since = Instant.now().getEpochSecond();
        List<JsonObject> before = Samples.until(agent(), id, since, s -> s.size() >= 2, Duration.ofSeconds(60));
        JsonObject sample = before.get(before.size() - 1);
        assertEquals(0.25, sample.getJsonObject("memory").getJsonNumber("limit").doubleValue(), 1e-12, sample::toString);
        assertTrue(sample.getJsonObject("memory").getJsonNumber("used").doubleValue() > 0, sample::toString);
        assertTrue(sample.getJsonObject("cpu").containsKey("usage_percent") && sample.getJsonObject("cpu").containsKey("limit"),
                sample::toString);
        for (String key : List.of("up", "down", "delta_up", "delta_down")) {
            assertTrue(sample.getJsonObject("net").containsKey(key), () -> key + " in " + sample);
        }
        Agent.Reply round = agent().getAs(null, "health");
        assertTrue(round.json().getJsonObject("stats_round").getInt("sampled") >= 1, round::toString);

        List<Long> times = Samples.times(before);
        restartAgent();
        List<Long> after = Samples.times(Samples.until(agent(), id, since, s -> s.size() > times.size(), Duration.ofSeconds(60)));
        assertTrue(after.containsAll(times), "samples " + times + " written before the restart are served after it: " + after);
    }

    @Test
    void runsGitInsideTheContainer() {
        String site = run(Docker.GIT, "sleep", "3600");
        Docker.cli("exec", site, "sh", "-c", "set -e; git config --global user.email it@example.com; git config --global user.name it;"
                + " git init -q -b main /srv/app; cd /srv/app; echo one > f; git add f; git commit -qm first-commit");
        String commit = Docker.cli("exec", site, "git", "-C", "/srv/app", "rev-parse", "HEAD").strip();
        Agent.Reply head = agent().get("v1/git/head?id=" + site);
        assertEquals(200, head.status(), head::toString);
        assertTrue(head.isPlainText(), head::toString);
        assertTrue(head.body().startsWith("commit " + commit) && head.body().contains("first-commit"), head::toString);

        Agent.Reply notARepository = agent().get("v1/git/head?id=" + site + "&path=/srv");
        assertEquals(422, notARepository.status(), notARepository::toString);
        assertTrue(notARepository.isPlainText(), notARepository::toString);
    }

    @Test
    void errorsUnderTheContextRootArePlainTextNeverHtml() {
        String[][] calls = {{"GET", "v1/nothing-here", "404"}, {"GET", "", "404"}, {"GET", "v1/container/?id=..%2Fetc", "400"},
                {"GET", "v1/container/?running=maybe", "400"}, {"POST", "v1/container/stop", "400"},
                {"POST", "v1/container/start?id=absent-" + PREFIX, "404"}, {"GET", "v1/container/stats?id=" + "f".repeat(64) + "&since=0", "404"},
                {"GET", "v1/container/stats?id=x", "400"}, {"DELETE", "v1/container/", "405"}, {"GET", "v1/container/start", "405"}};
        for (String[] call : calls) {
            Agent.Reply reply = agent().raw(call[0], call[1], "Bearer " + Agent.TOKEN);
            String what = String.join(" ", call) + " -> " + reply;
            assertEquals(Integer.parseInt(call[2]), reply.status(), what);
            assertTrue(reply.isPlainText(), what);
            assertFalse(reply.body().toLowerCase(Locale.ROOT).contains("<html"), what);
            assertFalse(reply.body().isBlank(), what);
        }
    }
}
