package org.hebergos.dockerlink.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonString;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code v1/git*} against a container with git: a bare "origin" at /srv/origin.git with branches main,
 * dev and feature/x, and clones of it (the default one at the working directory /srv/app). Each test
 * that changes a clone makes its own. The agent under test has git_timeout=8s.
 */
class GitIT extends AgentIT {

    private static final Duration GIT_TIMEOUT = Duration.ofSeconds(8);
    private static final String SETUP = String.join("\n",
            "set -e",
            "git config --global user.email it@example.com && git config --global user.name it",
            "git config --global init.defaultBranch main",
            "git init -q --bare /srv/origin.git",
            "git init -q /srv/seed && cd /srv/seed",
            "echo one > f && git add f && git commit -qm one",
            "git checkout -q -b dev && echo dev > d && git add d && git commit -qm dev",
            "git checkout -q -b feature/x main && echo x > x && git add x && git commit -qm x",
            "git checkout -q main && git remote add origin /srv/origin.git && git push -q origin main dev feature/x",
            "git clone -q /srv/origin.git /srv/app");

    private static String site;


    @BeforeAll
    static void repositories() {
        site = Docker.runDetached(Docker.GIT, "sleep", "3600");
        sh(SETUP);
    }

    @AfterAll
    static void removeContainers() {
        Docker.remove(site);
    }

    private static String sh(String script) {
        return Docker.cli("exec", site, "sh", "-c", script);
    }

    private static String clone(String name) {
        String path = "/srv/" + name;
        sh("git clone -q /srv/origin.git " + path);
        return path;
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String head(String path) {
        return sh("git -C " + path + " rev-parse --abbrev-ref HEAD").strip();
    }

    @Test
    void headShowsTheCurrentCommitOfTheWorkingDirectoryRepository() {
        Agent.Reply reply = agent.get("v1/git/head?id=" + site);
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.isPlainText(), reply::toString);
        String commit = sh("git -C /srv/app rev-parse HEAD").strip();
        assertTrue(reply.body().startsWith("commit " + commit), reply::toString);
        assertTrue(reply.body().contains("HEAD -> main"), reply::toString);
        assertTrue(reply.body().contains("one"), "subject: " + reply);
    }

    @Test
    void branchListHasLocalAndRemoteTrackingNamesWithoutDecoration() {
        Agent.Reply reply = agent.get("v1/git/branch?id=" + site + "&path=/srv/app");
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/json"), reply::toString);
        List<String> names = reply.jsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        assertTrue(names.containsAll(List.of("main", "origin/main", "origin/dev", "origin/feature/x")), names::toString);
        for (String name : names) {
            assertFalse(name.contains("*") || name.contains("->") || name.endsWith("HEAD") || name.contains(" "), names::toString);
        }
    }

    @Test
    void aBranchPushedAfterCloningAppearsOnlyAfterFetch() {
        String path = clone("fetching");
        sh("cd /srv/seed && git checkout -q -b late main && git push -q origin late && git checkout -q main");
        assertFalse(agent.get("v1/git/branch?id=" + site + "&path=" + path).body().contains("origin/late"));

        Agent.Reply fetch = agent.get("v1/git?id=" + site + "&path=" + path);
        assertEquals(200, fetch.status(), fetch::toString);
        assertTrue(fetch.body().contains("late"), "git's own output: " + fetch);

        assertTrue(agent.get("v1/git/branch?id=" + site + "&path=" + path).body().contains("\"origin/late\""));
    }

    @Test
    void checksOutLocalAndRemoteTrackingBranchesWithoutDetachingHead() {
        String path = clone("checkout");
        Agent.Reply dev = agent.post("v1/git/branch?id=" + site + "&path=" + path + "&branch=dev");
        assertEquals(200, dev.status(), dev::toString);
        assertEquals("dev", head(path));

        Agent.Reply feature = agent.postForm("v1/git/branch", "id=" + site + "&path=" + q(path) + "&branch=" + q("origin/feature/x"));
        assertEquals(200, feature.status(), feature::toString);
        assertEquals("feature/x", head(path), "a local branch, not a detached HEAD");
        assertEquals("origin/feature/x", sh("git -C " + path + " rev-parse --abbrev-ref feature/x@{upstream}").strip());

        assertEquals(200, agent.post("v1/git/branch?id=" + site + "&path=" + path + "&branch=origin/dev").status());
        assertEquals("dev", head(path), "the existing local branch of that name");
        assertEquals(200, agent.post("v1/git/branch?id=" + site + "&path=" + path + "&branch=main").status());
        assertEquals("main", head(path));
    }

    @Test
    void aRepositoryOwnedByAnotherUserWorks() {
        String path = clone("www");
        sh("chown -R 1000:1000 " + path);
        Docker.Result plain = Docker.exec(site, "git", "-C", path, "log", "-1");
        assertTrue(plain.code() != 0 && plain.output().contains("dubious ownership"),
                "without help, git refuses this repository: " + plain.output());

        Agent.Reply reply = agent.get("v1/git/head?id=" + site + "&path=" + path);
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(200, agent.post("v1/git/branch?id=" + site + "&path=" + path + "&branch=dev").status());
        assertEquals("dev", sh("su site -c 'git -C " + path + " rev-parse --abbrev-ref HEAD'").strip());
    }

    @Test
    void gitFailuresAre422WithGitsOutput() {
        Agent.Reply notRepo = agent.get("v1/git/head?id=" + site + "&path=/tmp");
        assertEquals(422, notRepo.status(), notRepo::toString);
        assertTrue(notRepo.isPlainText() && notRepo.body().contains("not a git repository"), notRepo::toString);

        Agent.Reply unknown = agent.post("v1/git/branch?id=" + site + "&path=/srv/app&branch=no-such-branch");
        assertEquals(422, unknown.status(), unknown::toString);
        assertTrue(unknown.body().contains("no-such-branch"), unknown::toString);
        assertEquals("main", head("/srv/app"));
    }

    @Test
    void aContainerWithoutGitIs422SayingSo() {
        String plain = Docker.runDetached(Docker.BUSYBOX, "sleep", "3600");
        try {
            Agent.Reply reply = agent.get("v1/git/head?id=" + plain + "&path=/");
            assertEquals(422, reply.status(), reply::toString);
            assertTrue(reply.body().contains("git is not installed"), reply::toString);
        } finally {
            Docker.remove(plain);
        }
    }

    @Test
    void stoppedUnknownAndMissingContainers() {
        String stopped = Docker.create(Docker.GIT, "sleep", "3600");
        try {
            Agent.Reply reply = agent.get("v1/git/branch?id=" + stopped);
            assertEquals(409, reply.status(), reply::toString);
            assertTrue(reply.body().startsWith("id:"), reply::toString);
        } finally {
            Docker.remove(stopped);
        }
        assertEquals(404, agent.get("v1/git/head?id=no-such-container-at-all").status());
        Agent.Reply missing = agent.get("v1/git/head");
        assertEquals(400, missing.status());
        assertEquals("id: required", missing.body().strip());
        Agent.Reply relative = agent.get("v1/git/head?id=" + site + "&path=srv/app");
        assertEquals(400, relative.status());
        assertTrue(relative.body().startsWith("path:"), relative::toString);
    }

    @Test
    void aSilentRemoteEndsIn504AndCallsOnTheSameRepositoryWaitTheirTurn() {
        String path = clone("silent");
        Docker.cli("exec", "-d", site, "nc", "-ll", "-p", "9418", "-e", "sleep", "3600");
        sh("git -C " + path + " remote add silent git://127.0.0.1:9418/nothing.git");

        Instant start = Instant.now();
        CompletableFuture<Agent.Reply> fetch = CompletableFuture.supplyAsync(() -> agent.get("v1/git?id=" + site + "&path=" + path));
        pause(1500);
        CompletableFuture<Instant> sameRepo = CompletableFuture.supplyAsync(() -> {
            assertEquals(200, agent.get("v1/git/head?id=" + site + "&path=" + path).status());
            return Instant.now();
        });
        Agent.Reply otherRepo = agent.get("v1/git/head?id=" + site + "&path=/srv/app");
        assertEquals(200, otherRepo.status());
        assertFalse(fetch.isDone(), "another repository is served while the fetch hangs");

        Agent.Reply timedOut = fetch.join();
        Instant fetchEnded = Instant.now();
        assertEquals(504, timedOut.status(), timedOut::toString);
        assertTrue(timedOut.isPlainText(), timedOut::toString);
        assertTrue(Duration.between(start, fetchEnded).compareTo(GIT_TIMEOUT.multipliedBy(3)) < 0,
                "the call is abandoned after git_timeout, it does not hang");
        assertFalse(sameRepo.join().isBefore(fetchEnded.minusMillis(500)), "the same repository waited for the fetch");
    }

    @Test
    void hostileInputIs400AndRunsNothing() {
        String marker = "/tmp/pwned";
        List<String> paths = List.of("/srv/app;touch " + marker, "/srv/app$(touch " + marker + ")", "/srv/app`touch " + marker + "`",
                "/srv/../tmp", "/srv/app\ntouch");
        for (String path : paths) {
            Agent.Reply reply = agent.get("v1/git/head?id=" + site + "&path=" + q(path));
            assertEquals(400, reply.status(), () -> path + " -> " + reply);
            assertTrue(reply.body().startsWith("path:"), reply::toString);
        }
        List<String> branches = List.of("--upload-pack=touch " + marker, "-f", "--orphan=x", "main; touch " + marker,
                "../x", "a".repeat(300), "dev..x", "x.lock", "@{-1}");
        for (String branch : branches) {
            Agent.Reply reply = agent.postForm("v1/git/branch", "id=" + site + "&path=/srv/app&branch=" + q(branch));
            assertEquals(400, reply.status(), () -> branch + " -> " + reply);
            assertTrue(reply.body().startsWith("branch:"), reply::toString);
        }
        assertTrue(Docker.exec(site, "test", "-e", marker).code() != 0, "the marker file must not exist");
        assertEquals("main", head("/srv/app"));
    }
}
