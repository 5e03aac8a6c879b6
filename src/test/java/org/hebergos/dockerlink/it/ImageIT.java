package org.hebergos.dockerlink.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The agent as operators ship it: the image scripts/image.sh builds from the WAR Maven just packaged,
 * run with the README's {@code docker run} options (socket and data volume mounted, configuration in an
 * env file, the socket's group added) against the real engine, and called only through its published
 * port; it reads the containers' counters from their cgroup files through the README's read-only mounts,
 * and through the Engine without them. Last, the same image as a Swarm global service on a one-node swarm the test creates and leaves.
 * The image gets a name of its own, so runs in other worktrees cannot swap it under this one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImageIT {

    private static final String PREFIX = "hebergos-it-image-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String IMAGE = PREFIX + "/docker-link";
    private static final String VOLUME = PREFIX + "-data";
    private static final String SOCKET = "/var/run/docker.sock";
    private static final double GIB = 1024d * 1024 * 1024;
    private static final Duration START_LIMIT = Duration.ofSeconds(300);
    private static final Path IT_DIR = Path.of(System.getProperty("it.dir", "target/it"));

    private static Path envFile;
    private static String socketGroup;
    private static String agentContainer;
    private static Agent agent;
    private static String sleeper;
    private static String gitSite;

    @BeforeAll
    static void buildImageAndRunAgent() throws IOException {
        Docker.requireEngineAndImages();
        socketGroup = Files.getAttribute(Path.of(SOCKET), "unix:gid").toString();
        buildImage();
        Files.createDirectories(IT_DIR);
        envFile = IT_DIR.resolve(PREFIX + ".env");
        Files.writeString(envFile, "API_TOKEN=" + Agent.TOKEN + "\nSTATS_INTERVAL=2s\n");
        sleeper = Docker.runDetached("--name", PREFIX + "-sleeper", Docker.BUSYBOX, "sleep", "3600");
        gitSite = Docker.runDetached("--name", PREFIX + "-git", Docker.GIT, "sleep", "3600");
        Docker.cli("exec", gitSite, "sh", "-c", String.join(" && ",
                "git config --global user.email it@example.com", "git config --global user.name it",
                "git init -q /srv/app", "cd /srv/app", "echo one > f", "git add f", "git commit -qm first"));
        agentContainer = runAgent();
        agent = awaitAgent(agentContainer);
    }

    @AfterAll
    static void removeEverything() {
        Docker.remove(agentContainer, sleeper, gitSite);
        Docker.attempt("volume", "rm", VOLUME);
        Docker.cli("images", "--format", "{{.Repository}}:{{.Tag}}", IMAGE).lines().forEach(tag -> Docker.attempt("rmi", tag));
    }

    /** scripts/image.sh --prebuilt: the WAR and Payara Micro of this build, no nested Maven. */
    private static void buildImage() throws IOException {
        Path log = IT_DIR.resolve(PREFIX + "-image.log");
        Files.createDirectories(IT_DIR);
        ProcessBuilder script = new ProcessBuilder("bash", "scripts/image.sh", "--prebuilt")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        script.environment().put("IMAGE", IMAGE);
        try {
            Process p = script.start();
            if (!p.waitFor(15, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                fail("scripts/image.sh did not finish in 15 minutes; see " + log);
            }
            if (p.exitValue() != 0) {
                fail("scripts/image.sh failed (" + p.exitValue() + "): " + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The README's docker run line, with a unique name, this test's volume and a free host port. */
    private static String runAgent() {
        return Docker.runDetached("--name", PREFIX + "-agent", "-p", "127.0.0.1::8080",
                "--group-add", socketGroup, "-v", SOCKET + ":" + SOCKET, "-v", VOLUME + ":/data",
                "-v", "/sys/fs/cgroup:/sys/fs/cgroup:ro", "-v", "/proc:/host/proc:ro", "--cgroupns", "host",
                "--env-file", envFile.toString(), IMAGE);
    }

    private static int publishedPort(String container) {
        String binding = Docker.cli("port", container, "8080/tcp").strip().lines().findFirst().orElseThrow();
        return Integer.parseInt(binding.substring(binding.lastIndexOf(':') + 1));
    }

    @Test
    @Order(1)
    void runsAsANonRootUserThatHasTheSocketsGroup() {
        String user = Docker.inspect(agentContainer, "{{.Config.User}}");
        assertTrue(user.matches("[1-9][0-9]*:[1-9][0-9]*"), "a numeric non-root uid:gid, got " + user);
        assertEquals("[" + socketGroup + "]", Docker.inspect(agentContainer, "{{.HostConfig.GroupAdd}}"));
    }

    @Test
    @Order(2)
    void theApiNeedsTheToken() {
        Agent.Reply none = agent.getAs(null, "v1/container/");
        assertEquals(401, none.status(), none::toString);
        assertTrue(none.isPlainText(), none::toString);
        assertEquals(401, agent.getAs("Bearer wrong-token", "v1/container/").status());
        Agent.Reply ok = agent.get("v1/container/");
        assertEquals(200, ok.status(), ok::toString);
        assertTrue(ok.contentType().startsWith("application/json"), ok::toString);
    }

    @Test
    @Order(3)
    void listsTheHostsContainersNotOnlyItself() {
        JsonObject all = agent.get("v1/container/").json();
        JsonObject container = all.getJsonObject(sleeper);
        assertTrue(container != null, () -> sleeper + " missing from " + all);
        assertEquals(PREFIX + "-sleeper", container.getString("name"));
        assertEquals("running", container.getString("state"));
        assertEquals(Docker.startedAt(sleeper).getEpochSecond(), container.getJsonNumber("started_at").longValue());
        assertTrue(all.containsKey(agentContainer), "and the agent's own container");
    }

    @Test
    @Order(4)
    void samplesStatsWithTheHostsMemoryAsTheLimitOfAnUnlimitedContainer() {
        List<JsonObject> samples = samples(agent, sleeper, 2);
        double hostMemory = Long.parseLong(Docker.cli("info", "--format", "{{.MemTotal}}").strip()) / GIB;
        JsonObject memory = samples.get(samples.size() - 1).getJsonObject("memory");
        assertEquals(hostMemory, memory.getJsonNumber("limit").doubleValue(), 1e-9);
        assertTrue(memory.getJsonNumber("used").doubleValue() > 0, memory::toString);
    }

    @Test
    @Order(5)
    void readsTheCountersFromTheCgroupFilesWithTheReadmesMounts() {
        samples(agent, sleeper, 2);
        JsonObject round = agent.get("health").json().getJsonObject("stats_round");
        // other containers of this engine may need the Engine (another cgroup namespace...): the sleeper may not
        assertTrue(Set.of("cgroup", "mixed").contains(round.getString("source")), round::toString);
        String log = Docker.attempt("logs", agentContainer).output();
        assertTrue(log.contains("stats_source=auto: containers' cgroup files under /sys/fs/cgroup, their processes in /host/proc"), log);
        assertFalse(log.contains("(" + sleeper.substring(0, 12) + "): cgroup files not read"), log);
    }

    @Test
    @Order(6)
    void withoutTheMountsReadsThroughTheEngineAndSaysWhy() {
        String plain = Docker.runDetached("--name", PREFIX + "-plain", "-p", "127.0.0.1::8080",
                "--group-add", socketGroup, "-v", SOCKET + ":" + SOCKET, "--env-file", envFile.toString(), IMAGE);
        try {
            Agent withoutMounts = awaitAgent(plain);
            samples(withoutMounts, sleeper, 2);
            JsonObject round = Samples.of(() -> withoutMounts.get("health").json().getJsonObject("stats_round"),
                    r -> r != null && r.getInt("sampled") > 0, Duration.ofSeconds(30));
            assertEquals("engine", round.getString("source"), round::toString);
            assertEquals(round.getInt("sampled"), round.getInt("engine_fallbacks"), round::toString);
            String log = Docker.attempt("logs", plain).output();
            String line = log.lines().filter(l -> l.contains("(" + sleeper.substring(0, 12) + "): cgroup files not read"))
                    .findFirst().orElseThrow(() -> new AssertionError("no line says why the sleeper is read through the Engine: " + log));
            assertTrue(line.contains("read through the Engine"), line);
            assertEquals(1, log.lines().filter(l -> l.contains("(" + sleeper.substring(0, 12) + "): cgroup files not read")).count(),
                    "said once, not every round: " + log);
        } finally {
            Docker.remove(plain);
        }
    }

    @Test
    @Order(7)
    void showsGitHeadInsideAnotherContainer() {
        Agent.Reply head = agent.get("v1/git/head?id=" + gitSite + "&path=/srv/app");
        assertEquals(200, head.status(), head::toString);
        String commit = Docker.cli("exec", gitSite, "git", "-C", "/srv/app", "rev-parse", "HEAD").strip();
        assertTrue(head.body().startsWith("commit " + commit), head::toString);
        assertTrue(head.body().contains("first"), head::toString);
    }

    @Test
    @Order(8)
    void keepsHistoryWhenTheAgentContainerIsRemovedAndRunAgainWithTheSameVolume() {
        samples(agent, sleeper, 1);
        Set<String> before = agent.get("v1/container/stats?id=" + sleeper + "&since=0").json().keySet();
        Docker.remove(agentContainer);
        agentContainer = runAgent();
        agent = awaitAgent(agentContainer);
        Set<String> after = agent.get("v1/container/stats?id=" + sleeper + "&since=0").json().keySet();
        assertTrue(after.containsAll(before), "kept " + before + ", now " + after);
    }

    @Test
    @Order(9)
    void aSwarmGlobalServiceAnswersOnItsHostModePort() throws IOException {
        String service = PREFIX + "-svc";
        String serviceVolume = PREFIX + "-svc-data";
        int port = Servers.freePort();
        try (OneNodeSwarm swarm = OneNodeSwarm.create()) {
            try {
                Docker.cli("service", "create", "--detach", "--no-resolve-image", "--name", service, "--mode", "global",
                        "--mount", "type=bind,src=" + SOCKET + ",dst=" + SOCKET,
                        "--mount", "type=volume,src=" + serviceVolume + ",dst=/data",
                        "--mount", "type=bind,src=/sys/fs/cgroup,dst=/sys/fs/cgroup,readonly",
                        "--mount", "type=bind,src=/proc,dst=/host/proc,readonly",
                        "--publish", "mode=host,target=8080,published=" + port,
                        "--group", socketGroup, "--env-file", envFile.toString(), IMAGE);
                Agent onNode = awaitAnswer(port, () -> true,
                        () -> Docker.attempt("service", "ps", "--no-trunc", service).output());
                JsonObject all = onNode.get("v1/container/").json();
                assertTrue(all.containsKey(sleeper), "the node's containers: " + all.keySet());
                assertEquals(401, onNode.getAs(null, "v1/container/").status());
            } finally {
                Docker.attempt("service", "rm", service);
                awaitGone("label=com.docker.swarm.service.name=" + service);
                Docker.attempt("volume", "rm", serviceVolume);
            }
        }
    }

    /** Waits for the agent container on its published port; fails with its log if it stops. */
    private static Agent awaitAgent(String container) {
        return awaitAnswer(publishedPort(container), () -> Docker.inspect(container, "{{.State.Running}}").equals("true"),
                () -> Docker.attempt("logs", "--tail", "60", container).output());
    }

    /** Waits until an agent answers /health on the port and its application is deployed. */
    private static Agent awaitAnswer(int port, BooleanSupplier alive, Supplier<String> diagnosis) {
        Agent candidate = new Agent("http://127.0.0.1:" + port + "/");
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!alive.getAsBoolean()) {
                fail("the agent stopped: " + diagnosis.get());
            }
            try {
                // Payara answers with an HTML error until the application is fully deployed
                if (!candidate.get("v1/container/?id=none").contentType().startsWith("text/html")
                        && candidate.getAs(null, "health").status() == 200) {
                    return candidate;
                }
            } catch (UncheckedIOException notYet) {
                // still starting
            }
            AgentIT.pause(500);
        }
        fail("no answer on port " + port + " within " + START_LIMIT.toSeconds() + " s: " + diagnosis.get());
        return null;
    }

    private static List<JsonObject> samples(Agent agent, String id, int atLeast) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            Agent.Reply reply = agent.get("v1/container/stats?id=" + id + "&since=0");
            assertEquals(200, reply.status(), reply::toString);
            List<JsonObject> samples = reply.json().values().stream().map(v -> v.asJsonObject()).toList();
            if (samples.size() >= atLeast) {
                return samples;
            }
            if (Instant.now().isAfter(deadline)) {
                fail("fewer than " + atLeast + " samples of " + id + " after 60 s: " + reply);
            }
            AgentIT.pause(1000);
        }
    }

    private static void awaitGone(String filter) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!Docker.cli("ps", "-aq", "--filter", filter).isBlank() && Instant.now().isBefore(deadline)) {
            AgentIT.pause(500);
        }
    }
}
