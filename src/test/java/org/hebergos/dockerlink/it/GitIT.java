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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
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

    /**
     * A clone owned by uid 1000 whose branch {@code who} has a file the repository's own smudge filter
     * handles: the filter writes {@code id} to {@code /tmp/who-<name>}, so a checkout of {@code who} shows
     * the uid, gid and groups git really ran with. Returns the clone's path.
     */
    private static String whoRepository(String name) {
        String path = "/srv/" + name;
        sh("git clone -q /srv/origin.git " + path + " && cd " + path
                + " && git checkout -q -b who && echo '*.who filter=who' > .gitattributes && echo x > a.who"
                + " && git add .gitattributes a.who && git commit -qm who && git checkout -q main"
                + " && git config filter.who.smudge \"sh -c 'id > /tmp/who-" + name + "; cat'\""
                + " && chown -R 1000:1000 " + path);
        return path;
    }

    /** The {@code id} line the smudge filter of {@link #whoRepository} wrote, or null when it never ran. */
    private static String who(String name) {
        return marker("/tmp/who-" + name);
    }

    private static final String SITE_IDENTITY = "uid=1000(site) gid=1000(site) groups=1000(site)";

    private static void assertRefusedOnOwnership(Agent.Reply reply, String expected) {
        assertEquals(422, reply.status(), reply::toString);
        assertTrue(reply.isPlainText() && reply.body().startsWith("git not run: ") && reply.body().contains(expected)
                && reply.body().strip().lines().count() == 1, reply::toString);
    }

    @Test
    void aRootOwnedGitSymlinkIntoAUsersRepositoryIsRefusedAndNothingRunsAsRoot() {
        whoRepository("r1");
        sh("mkdir /srv/r4 && ln -s /srv/r1/.git /srv/r4/.git");

        Agent.Reply reply = agent.post("v1/git/branch?id=" + site + "&path=/srv/r4&branch=who");
        assertNull(who("r1"), "the repository's filter must not run (it ran as root before)");
        assertRefusedOnOwnership(reply, "/srv/r4/.git belongs to uid 0");
    }

    @Test
    void aGitSymlinkOfTheOwnerRunsGitAsTheOwnerOfTheDirectoryItLeadsTo() {
        String path = whoRepository("r5");
        sh("mv " + path + "/.git /srv/r5-git && ln -s /srv/r5-git " + path + "/.git && chown -h 1000:1000 " + path + "/.git");

        Agent.Reply reply = agent.post("v1/git/branch?id=" + site + "&path=" + path + "&branch=who");
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(SITE_IDENTITY, who("r5"), "the owner's uid and primary group, no other group");
    }

    @Test
    void aGitfileRunsGitAsTheOwnerOfItsGitdirAndOneOfAnotherUserIsRefused() {
        String path = whoRepository("gf");
        sh("mv " + path + "/.git /srv/gf-git && echo 'gitdir: /srv/gf-git' > " + path + "/.git && chown 1000:1000 " + path + "/.git"
                );

        Agent.Reply reply = agent.post("v1/git/branch?id=" + site + "&path=" + path + "&branch=who");
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(SITE_IDENTITY, who("gf"));

        sh("rm /tmp/who-gf && chown 0:0 " + path + "/.git");
        Agent.Reply other = agent.post("v1/git/branch?id=" + site + "&path=" + path + "&branch=main");
        assertRefusedOnOwnership(other, path + "/.git belongs to uid 0");
        assertNull(who("gf"));
    }

    @Test
    void aGitDirectoryOfAUserInRootsGroupIsRefused() {
        String path = whoRepository("r6");
        sh("chown -R 1000:0 " + path + "/.git");

        Agent.Reply reply = agent.post("v1/git/branch?id=" + site + "&path=" + path + "&branch=who");
        assertNull(who("r6"), "git must not run with gid 0 (it did before)");
        assertRefusedOnOwnership(reply, "root's group");
    }

    @Test
    void aContainerCreatedWithRootsGroupRunsNoGitForOtherUsers() {
        String grouped = Docker.runDetached("--group-add", "0", Docker.GIT, "sleep", "3600");
        try {
            Docker.cli("exec", grouped, "sh", "-c", "git init -q /srv/mine && chown -R 1000:1000 /srv/mine");
            assertRefusedOnOwnership(agent.get("v1/git/head?id=" + grouped + "&path=/srv/mine"), "--group-add 0");
        } finally {
            Docker.remove(grouped);
        }
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
    void aTagFetchHeadOrCommitIsRefusedAndHeadStaysOnItsBranch() {
        String path = clone("tags");
        sh("git -C " + path + " tag v1.0 origin/dev && git -C " + path + " fetch -q origin dev");
        String commit = sh("git -C " + path + " rev-parse origin/dev").strip();
        for (String notABranch : List.of("v1.0", "FETCH_HEAD", commit)) {
            Agent.Reply reply = agent.post("v1/git/branch?id=" + site + "&path=" + path + "&branch=" + notABranch);
            assertEquals(400, reply.status(), () -> notABranch + " -> " + reply);
            assertTrue(reply.isPlainText() && reply.body().startsWith("branch: ") && reply.body().strip().lines().count() == 1, reply::toString);
            assertEquals("refs/heads/main", sh("git -C " + path + " symbolic-ref HEAD").strip(), "HEAD is still on its branch");
        }
        Agent.Reply remoteOnly = agent.post("v1/git/branch?id=" + site + "&path=" + path + "&branch=feature/x");
        assertEquals(200, remoteOnly.status(), remoteOnly::toString);
        assertEquals("feature/x", head(path), "a name only a remote has becomes a local branch tracking it");
        assertEquals("origin/feature/x", sh("git -C " + path + " rev-parse --abbrev-ref feature/x@{upstream}").strip());
    }

    @Test
    void aRepositorysOwnHooksNeverRun() {
        String path = clone("hooks");
        String marker = "/tmp/hook-marker";
        sh("printf '#!/bin/sh\\nid > " + marker + "\\n' > " + path + "/.git/hooks/post-checkout && chmod +x " + path + "/.git/hooks/post-checkout");

        Agent.Reply reply = agent.post("v1/git/branch?id=" + site + "&path=" + path + "&branch=dev");
        assertEquals(200, reply.status(), reply::toString);
        assertNull(marker(marker), "the post-checkout hook must not run");
    }

    /** {@code count} branches {@code <prefix>NNNNN} written straight into packed-refs (unsorted, so git sorts it on reading). */
    private static void manyBranches(String path, int count, String prefix) {
        sh("cd " + path + " && sha=$(git rev-parse HEAD) && { echo '# pack-refs with: peeled fully-peeled '; grep -v '^#' .git/packed-refs;"
                + " seq -w 1 " + count + " | sed \"s|^|$sha refs/heads/" + prefix + "|\"; } > /tmp/packed && mv /tmp/packed .git/packed-refs");
    }

    @Test
    void aBranchListPastTheOutputCapIsRefusedNeverCut() {
        String prefix = "a-rather-long-branch-name-of-a-busy-repository-";
        String many = clone("many");
        manyBranches(many, 25_001, prefix);
        Agent.Reply refused = agent.get("v1/git/branch?id=" + site + "&path=" + many);
        assertEquals(413, refused.status(), refused::toString);
        assertTrue(refused.isPlainText() && refused.body().strip().lines().count() == 1 && refused.body().contains("branch list"), refused::toString);

        String some = clone("some");
        manyBranches(some, 5_000, prefix);
        Agent.Reply listed = agent.get("v1/git/branch?id=" + site + "&path=" + some);
        assertEquals(200, listed.status(), listed::toString);
        List<String> names = listed.jsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        assertEquals(5_000, names.stream().filter(n -> n.matches(Pattern.quote(prefix) + "\\d{4}")).count(),
                "every name whole: " + names.get(names.size() - 1));
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

    /**
     * No bound here comes from a quiet machine: the fetch is abandoned after {@code git_timeout} (checked
     * against three times that); the other repository is served while the fetch holds its turn (the
     * fetch cannot end before {@code git_timeout}); the same repository's call either ran after the
     * fetch's turn ended (the fetch was answered first) or waited a whole {@code git_timeout} for it (409),
     * and both prove that it waited.
     */
    @Test
    void aSilentRemoteEndsIn504AndCallsOnTheSameRepositoryWaitTheirTurn() throws Exception {
        String path = clone("silent");
        Docker.cli("exec", "-d", site, "nc", "-ll", "-p", "9418", "-e", "sleep", "3600");
        sh("git -C " + path + " remote add silent git://127.0.0.1:9418/nothing.git");

        Instant start = Instant.now();
        CompletableFuture<Agent.Reply> fetch = CompletableFuture.supplyAsync(() -> agent.get("v1/git?id=" + site + "&path=" + path));
        waitForConnectionTo(9418);
        CompletableFuture<Boolean> fetchAnsweredFirst = CompletableFuture.supplyAsync(() -> {
            Agent.Reply reply = agent.get("v1/git/head?id=" + site + "&path=" + path);
            if (reply.status() == 409) {
                assertTrue(reply.body().contains("another git call is still running"), reply::toString);
                return true;
            }
            assertEquals(200, reply.status(), reply::toString);
            return answeredSoon(fetch);
        });
        Agent.Reply otherRepo = agent.get("v1/git/head?id=" + site + "&path=/srv/app");
        assertEquals(200, otherRepo.status());
        assertFalse(fetch.isDone(), "another repository is served while the fetch hangs");

        Agent.Reply timedOut = fetch.join();
        assertEquals(504, timedOut.status(), timedOut::toString);
        assertTrue(timedOut.isPlainText(), timedOut::toString);
        assertTrue(Duration.between(start, Instant.now()).compareTo(GIT_TIMEOUT.multipliedBy(3)) < 0,
                "the call is abandoned after git_timeout, it does not hang");
        assertTrue(fetchAnsweredFirst.get(GIT_TIMEOUT.multipliedBy(3).toSeconds(), TimeUnit.SECONDS),
                "the same repository waited for the fetch");
    }

    /**
     * Whether {@code call} is answered within a quarter of {@code git_timeout}: it was answered already, give
     * or take the scheduling of this busy machine; a call still waiting for git_timeout would not be.
     */
    private static boolean answeredSoon(CompletableFuture<?> call) {
        try {
            call.get(GIT_TIMEOUT.toMillis() / 4, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
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
