package org.hebergos.dockerlink.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonString;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

    /**
     * A clone owned by uid 1000 ({@code site}) of a bare origin also owned by uid 1000 (git 2.39.4+
     * refuses to fetch from a local repository of another user, as it refuses to work in one). The
     * origin got a branch {@code <name>-late} after the clone was made.
     */
    private static String siteClone(String name) {
        String origin = "/srv/" + name + "-origin.git";
        String path = "/srv/" + name;
        sh("git clone -q --bare /srv/origin.git " + origin + " && git clone -q " + origin + " " + path
                + " && git -C " + origin + " branch " + name + "-late main"
                + " && chown -R 1000:1000 " + origin + " " + path);
        return path;
    }

    private static void asSite(String... argv) {
        List<String> exec = new ArrayList<>(List.of("exec", "-u", "1000:1000", site));
        exec.addAll(List.of(argv));
        Docker.cli(exec.toArray(String[]::new));
    }

    /** What {@code id} wrote into {@code marker}, or null when nothing ever wrote it. */
    private static String marker(String marker) {
        Docker.Result content = Docker.exec(site, "cat", marker);
        return content.code() == 0 ? content.output().strip() : null;
    }

    /** The command that writes {@code marker} did not run, or ran as the repository's owner (uid 1000). */
    private static void assertNeverRanAsRoot(String marker) {
        String wrote = marker(marker);
        assertTrue(wrote == null || wrote.startsWith("uid=1000("), "the command ran as: " + wrote);
    }

    /** The current branch of a repository of uid 1000, as that user sees it. */
    private static String siteHead(String path) {
        return sh("su site -c 'git -C " + path + " rev-parse --abbrev-ref HEAD'").strip();
    }

    @Test
    void aRepositoryOwnedByAnotherUserWorksAndGitRunsAsItsOwner() {
        String path = siteClone("www");
        Docker.Result plain = Docker.exec(site, "git", "-C", path, "log", "-1");
        assertTrue(plain.code() != 0 && plain.output().contains("dubious ownership"),
                "without help, git refuses this repository: " + plain.output());

        Agent.Reply head = agent.get("v1/git/head?id=" + site + "&path=" + path);
        assertEquals(200, head.status(), head::toString);
        assertTrue(head.body().startsWith("commit "), head::toString);
        Agent.Reply fetch = agent.get("v1/git?id=" + site + "&path=" + path);
        assertEquals(200, fetch.status(), fetch::toString);
        assertTrue(fetch.body().contains("www-late"), fetch::toString);
        Agent.Reply branches = agent.get("v1/git/branch?id=" + site + "&path=" + path);
        assertEquals(200, branches.status(), branches::toString);
        assertTrue(branches.body().contains("\"origin/www-late\""), branches::toString);
        Agent.Reply checkout = agent.post("v1/git/branch?id=" + site + "&path=" + path + "&branch=dev");
        assertEquals(200, checkout.status(), checkout::toString);

        assertEquals("dev", siteHead(path));
        assertEquals("1000:1000", sh("stat -c %u:%g " + path + "/d " + path + "/.git/FETCH_HEAD | sort -u").strip(),
                "what git wrote (a checked-out file, FETCH_HEAD) belongs to the repository's owner, not to root");
    }

    @Test
    void aLinkedWorktreeWhoseGitIsAFileWorks() {
        String path = clone("linked");
        sh("git -C " + path + " worktree add -q -b linked-dev /srv/linked-dev origin/dev && test -f /srv/linked-dev/.git");
        Agent.Reply head = agent.get("v1/git/head?id=" + site + "&path=/srv/linked-dev");
        assertEquals(200, head.status(), head::toString);
        assertTrue(head.body().contains("HEAD -> linked-dev"), head::toString);
    }

    @Test
    void anUploadPackCommandFromTheRepositoryConfigNeverRunsAsRoot() {
        String path = siteClone("upload");
        String marker = "/tmp/uploadpack-marker";
        asSite("git", "-C", path, "config", "remote.origin.uploadpack", "id >" + marker + "; git-upload-pack");

        Agent.Reply fetch = agent.get("v1/git?id=" + site + "&path=" + path);
        assertNeverRanAsRoot(marker);
        assertEquals(422, fetch.status(), fetch::toString);
        assertTrue(fetch.isPlainText() && fetch.body().contains("remote.origin.uploadpack"), fetch::toString);
    }

    @Test
    void anExtTransportFromTheRepositoryConfigNeverRuns() {
        String path = clone("ext");
        String marker = "/tmp/ext-marker";
        sh("git -C " + path + " config protocol.ext.allow always && git -C " + path + " remote add evil 'ext::sh -c id>" + marker + "'");

        Agent.Reply fetch = agent.get("v1/git?id=" + site + "&path=" + path);
        assertNull(marker(marker), "the ext:: command must not run");
        assertEquals(422, fetch.status(), fetch::toString);
        assertTrue(fetch.body().contains("not allowed"), fetch::toString);
    }

    @Test
    void anFsmonitorCommandFromTheRepositoryConfigNeverRunsAsRoot() {
        String path = siteClone("fsmonitor");
        String marker = "/tmp/fsmonitor-marker";
        asSite("git", "-C", path, "config", "core.fsmonitor", "id >" + marker + "; true");

        Agent.Reply checkout = agent.post("v1/git/branch?id=" + site + "&path=" + path + "&branch=dev");
        assertNeverRanAsRoot(marker);
        assertEquals(200, checkout.status(), checkout::toString);
        assertEquals("dev", siteHead(path));
    }

    @Test
    void aRemoteBranchWhoseNameLooksLikeAnOptionIs400AndTheWorkingTreeIsUntouched() {
        String path = clone("dash");
        sh("cd " + path + " && git update-ref refs/heads/-f HEAD && git update-ref refs/remotes/origin/-f HEAD && echo local change > f");

        Agent.Reply reply = agent.post("v1/git/branch?id=" + site + "&path=" + path + "&branch=" + q("origin/-f"));
        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.isPlainText() && reply.body().startsWith("branch: ") && reply.body().strip().lines().count() == 1, reply::toString);
        assertEquals("local change", sh("cat " + path + "/f").strip(), "the local change is still there");
        assertEquals("main", head(path));
    }

    @Test
    void gitFailuresAre422WithGitsOutput() {
        for (String notRepository : List.of("/tmp", "/no/such/directory")) {
            Agent.Reply notRepo = agent.get("v1/git/head?id=" + site + "&path=" + notRepository);
            assertEquals(422, notRepo.status(), notRepo::toString);
            assertTrue(notRepo.isPlainText() && notRepo.body().contains("not a git repository"), notRepo::toString);
        }

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
        waitForConnectionTo(9418);
        pause(1500); // the second call then waits some 6.5 s of its 8 s for its turn: far from both bounds
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

    /** Until something is connected to {@code port} in the container: the fetch holds its repository's turn then. */
    private static void waitForConnectionTo(int port) {
        for (int i = 0; i < 300; i++) {
            if (sh("netstat -tn").lines().anyMatch(l -> l.contains(":" + port + " ") && l.contains("ESTABLISHED"))) {
                return;
            }
            pause(100);
        }
        throw new AssertionError("the fetch never connected to the silent remote on port " + port);
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
