package org.hebergos.dockerlink.git;

import java.util.Optional;
import java.util.function.Function;
import org.hebergos.dockerlink.docker.FileEntry;
import org.hebergos.dockerlink.docker.FileOwner;

/**
 * Whose rights git runs with in a repository: the owner of the git directory git will really use, found
 * by following {@code <path>/.git} as git does: a directory, a symlink (resolved by the engine), or a
 * gitfile ({@code gitdir: <path>}, relative to the repository's top directory; linked worktrees,
 * submodules). Every entry on the way must belong to the same user: a root-owned {@code .git} symlink
 * into a user's repository would otherwise make git run that user's config (filters, …) as root, since
 * git's own ownership check looks at the link, not at its target. Git never runs with root's group
 * unless root owns the repository.
 */
final class GitDirectory {

    /** A symlink, a gitfile, a symlink again, then the directory: more is no repository git makes. */
    private static final int MAX_STEPS = 4;
    private static final String GITFILE = "gitdir: ";

    private GitDirectory() {
    }

    /**
     * @param dir   the repository's top directory
     * @param files what a path in the container is, empty when there is none
     * @return the owner git runs as; empty when {@code dir} has no {@code .git}
     * @throws GitUnsafeOwner when the entries on the way belong to different users, or the git directory
     *                        to a user other than root in root's group
     * @throws GitFailed      when {@code .git} leads to no git directory
     */
    static Optional<FileOwner> owner(String dir, Function<String, Optional<FileEntry>> files) {
        String gitEntry = dir.endsWith("/") ? dir + ".git" : dir + "/.git";
        Optional<FileEntry> first = files.apply(gitEntry);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        FileEntry entry = first.get();
        String path = gitEntry;
        for (int step = 0; step < MAX_STEPS; step++) {
            FileOwner owner = entry.owner();
            if (owner.uid() != first.get().owner().uid()) {
                throw new GitUnsafeOwner(gitEntry + " belongs to uid " + first.get().owner().uid() + " but leads to " + path
                        + ", which belongs to uid " + owner.uid());
            }
            if (entry.kind() == FileEntry.Kind.DIRECTORY) {
                if (owner.gid() == 0 && owner.uid() != 0) {
                    throw new GitUnsafeOwner("the git directory " + path + " belongs to uid " + owner.uid()
                            + " in root's group (gid 0); git would run with root's group");
                }
                return Optional.of(owner);
            }
            String next = entry.kind() == FileEntry.Kind.SYMLINK ? entry.target()
                    : entry.kind() == FileEntry.Kind.FILE ? gitdir(dir, entry.content()) : null;
            if (next == null) {
                throw notRepository(dir, gitEntry + " is neither a directory, a symlink to one nor a gitdir file");
            }
            path = next;
            entry = files.apply(path).orElseThrow(() -> notRepository(dir, gitEntry + " leads to " + next + ", which does not exist"));
        }
        throw notRepository(dir, gitEntry + " leads through more than " + MAX_STEPS + " links");
    }

    /** The git directory a gitfile names, as git reads it (only line ends trimmed), or null when it is none. */
    private static String gitdir(String dir, String content) {
        if (content == null || !content.startsWith(GITFILE)) {
            return null;
        }
        String target = content.substring(GITFILE.length()).replaceAll("[\r\n]+$", "");
        if (target.isEmpty()) {
            return null;
        }
        return target.startsWith("/") ? target : (dir.endsWith("/") ? dir : dir + "/") + target;
    }

    private static GitFailed notRepository(String dir, String reason) {
        return new GitFailed(128, "fatal: not a git repository: " + dir + " (" + reason + ")\n");
    }
}
