package org.hebergos.dockerlink.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hebergos.dockerlink.docker.FileEntry.Kind;
import org.hebergos.dockerlink.docker.FileEntry;
import org.hebergos.dockerlink.docker.FileOwner;
import org.junit.jupiter.api.Test;

/** The shapes of {@code .git} met in containers, as the engine's archive shows them. */
class GitDirectoryTest {

    private static final FileOwner ROOT = new FileOwner(0, 0);
    private static final FileOwner SITE = new FileOwner(1000, 1000);

    private final Map<String, FileEntry> files = new HashMap<>();

    private void directory(String path, FileOwner owner) {
        files.put(path, new FileEntry(owner, Kind.DIRECTORY, null, null));
    }

    private void symlink(String path, FileOwner owner, String resolved) {
        files.put(path, new FileEntry(owner, Kind.SYMLINK, resolved, null));
    }

    private void file(String path, FileOwner owner, String content) {
        files.put(path, new FileEntry(owner, Kind.FILE, null, content));
    }

    private Optional<FileOwner> owner(String dir) {
        return GitDirectory.owner(dir, path -> Optional.ofNullable(files.get(path)));
    }

    @Test
    void aGitDirectoryIsItsOwnOwner() {
        directory("/srv/app/.git", SITE);
        assertEquals(Optional.of(SITE), owner("/srv/app"));
        assertEquals(Optional.of(SITE), owner("/srv/app/"));
        assertEquals(Optional.empty(), owner("/srv/none"), "no .git: no repository");
    }

    @Test
    void aRootOwnedSymlinkIntoAUsersRepositoryIsRefused() {
        directory("/srv/r1/.git", SITE);
        symlink("/srv/r4/.git", ROOT, "/srv/r1/.git");
        GitUnsafeOwner refused = assertThrows(GitUnsafeOwner.class, () -> owner("/srv/r4"));
        assertTrue(refused.getMessage().contains("/srv/r4/.git belongs to uid 0") && refused.getMessage().contains("/srv/r1/.git"),
                refused.getMessage());
    }

    @Test
    void aSymlinkOfTheRepositorysOwnerLeadsToItsGitDirectory() {
        directory("/srv/r1/.git", new FileOwner(1000, 33));
        symlink("/srv/r5/.git", new FileOwner(1000, 1000), "/srv/r1/.git");
        assertEquals(Optional.of(new FileOwner(1000, 33)), owner("/srv/r5"), "the gid of the directory git really uses");
    }

    @Test
    void aGitfileLeadsToItsGitdirAbsoluteOrRelativeToTheRepository() {
        directory("/srv/main/.git/worktrees/dev", SITE);
        file("/srv/dev/.git", SITE, "gitdir: /srv/main/.git/worktrees/dev\n");
        assertEquals(Optional.of(SITE), owner("/srv/dev"));

        file("/srv/sub/.git", SITE, "gitdir: ../main/.git/worktrees/dev\r\n");
        files.put("/srv/sub/../main/.git/worktrees/dev", files.get("/srv/main/.git/worktrees/dev"));
        assertEquals(Optional.of(SITE), owner("/srv/sub"));
    }

    @Test
    void aGitfileOfAnotherUserThanItsGitdirIsRefused() {
        directory("/srv/main/.git/worktrees/dev", SITE);
        file("/srv/dev/.git", ROOT, "gitdir: /srv/main/.git/worktrees/dev\n");
        assertThrows(GitUnsafeOwner.class, () -> owner("/srv/dev"));

        symlink("/srv/link-dir", ROOT, "/srv/main/.git/worktrees/dev");
        file("/srv/dev2/.git", ROOT, "gitdir: /srv/link-dir\n");
        assertThrows(GitUnsafeOwner.class, () -> owner("/srv/dev2"), "a root-owned link on the way changes nothing");
    }

    @Test
    void aNonRootOwnerInRootsGroupIsRefusedRootItselfIsNot() {
        directory("/srv/r6/.git", new FileOwner(1000, 0));
        GitUnsafeOwner refused = assertThrows(GitUnsafeOwner.class, () -> owner("/srv/r6"));
        assertTrue(refused.getMessage().contains("root's group"), refused.getMessage());
        directory("/srv/root/.git", ROOT);
        assertEquals(Optional.of(ROOT), owner("/srv/root"));
    }

    @Test
    void aGitThatLeadsNowhereIsNotARepository() {
        symlink("/srv/dangling/.git", SITE, "/srv/gone/.git");
        file("/srv/text/.git", SITE, "not a gitfile");
        file("/srv/big/.git", SITE, null);
        files.put("/srv/fifo/.git", new FileEntry(SITE, Kind.OTHER, null, null));
        symlink("/srv/loop/.git", SITE, "/srv/loop/.git");
        for (String dir : new String[] {"/srv/dangling", "/srv/text", "/srv/big", "/srv/fifo", "/srv/loop"}) {
            GitFailed failed = assertThrows(GitFailed.class, () -> owner(dir), dir);
            assertEquals(422, failed.status().getStatusCode());
        }
    }
}
