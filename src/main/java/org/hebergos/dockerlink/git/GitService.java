package org.hebergos.dockerlink.git;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hebergos.dockerlink.config.Settings;
import org.hebergos.dockerlink.container.ContainerRef;
import org.hebergos.dockerlink.docker.ContainerDetails;
import org.hebergos.dockerlink.docker.DockerGateway;
import org.hebergos.dockerlink.docker.FileOwner;
import org.hebergos.dockerlink.error.ContainerNotRunning;
import org.hebergos.dockerlink.error.GitFailed;
import org.hebergos.dockerlink.error.GitRefused;

/**
 * The panel's git operations on a repository inside a container, run as the owner of the repository's
 * {@code .git}. Calls on the same container and path take turns (a second one waits up to
 * {@code git_timeout}, then gets 409); other repositories run in parallel.
 */
@ApplicationScoped
public class GitService {

    private static final String HEADS = "refs/heads/";
    private static final String REMOTES = "refs/remotes/";
    private static final String NOBODY = "65534:65534";
    /**
     * Config keys whose command fetch runs and that no {@code -c} can override: git keeps the first
     * {@code remote.<name>.uploadpack} it reads (the repository's) and names the remote in the key; for
     * a local or {@code file://} remote it is a shell command run right here.
     * {@code core.alternateRefsCommand} runs during fetch in a repository with alternates.
     */
    static final String FETCH_COMMANDS = "^remote\\..*\\.uploadpack$|^core\\.alternaterefscommand$";

    @Inject
    GitRunner git;
    @Inject
    DockerGateway docker;
    @Inject
    Settings settings;

    private final RepositoryLocks locks = new RepositoryLocks();

    /**
     * {@code git fetch --all}; git's output (its progress goes to stderr, so both streams). Submodules are
     * not fetched: their config was not checked.
     */
    public String fetch(ContainerRef id, RepoPath path) {
        return inRepository(id, path, repo -> {
            List<String> commands = git.configNames(repo, FETCH_COMMANDS);
            if (!commands.isEmpty()) {
                throw new GitRefused(repo.path(), commands);
            }
            return git.succeed(repo, List.of("fetch", "--all", "--no-recurse-submodules")).output();
        });
    }

    /** The current commit: id, branches pointing at it, author, date and subject. */
    public String head(ContainerRef id, RepoPath path) {
        return inRepository(id, path, repo ->
                git.succeed(repo, List.of("log", "-1", "--decorate=short", "--no-color", "--")).stdout());
    }

    /** Local and remote-tracking branches by short name ({@code main}, {@code origin/dev}), no symbolic refs. */
    public List<String> branches(ContainerRef id, RepoPath path) {
        return inRepository(id, path, repo -> branchNames(
                git.succeed(repo, List.of("for-each-ref", "--format=%(refname) %(symref)", "--", "refs/heads", "refs/remotes")).stdout()));
    }

    /**
     * Checks out {@code branch}. A remote-tracking name ({@code origin/dev}) switches to the local branch
     * of that name, created to track it when missing, so HEAD is never left detached. The branch comes
     * before {@code --} (git's grammar has no other place for it; this git's checkout takes no
     * {@code --end-of-options}): {@link BranchName} guarantees that no part of it starts with {@code -}.
     */
    public String checkout(ContainerRef id, RepoPath path, BranchName branch) {
        return inRepository(id, path, repo -> {
            String remoteLocal = branch.value().contains("/") ? branch.value().substring(branch.value().indexOf('/') + 1) : null;
            List<String> lookup = new ArrayList<>(List.of("for-each-ref", "--format=%(refname)", "--", HEADS + branch, REMOTES + branch));
            if (remoteLocal != null) {
                lookup.add(HEADS + remoteLocal);
            }
            Set<String> refs = git.succeed(repo, lookup).stdout().lines().collect(Collectors.toSet());
            List<String> command;
            if (refs.contains(HEADS + branch) || !refs.contains(REMOTES + branch)) {
                command = List.of("checkout", branch.value(), "--");
            } else if (refs.contains(HEADS + remoteLocal)) {
                command = List.of("checkout", remoteLocal, "--");
            } else {
                command = List.of("checkout", "--track", branch.value(), "--");
            }
            return git.succeed(repo, command).output();
        });
    }

    static List<String> branchNames(String forEachRef) {
        List<String> names = new ArrayList<>();
        for (String line : forEachRef.lines().toList()) {
            int space = line.indexOf(' ');
            String ref = space < 0 ? line : line.substring(0, space);
            boolean symbolic = space >= 0 && !line.substring(space + 1).isBlank();
            if (!symbolic && ref.startsWith(HEADS)) {
                names.add(ref.substring(HEADS.length()));
            } else if (!symbolic && ref.startsWith(REMOTES)) {
                names.add(ref.substring(REMOTES.length()));
            }
        }
        return names;
    }

    private <T> T inRepository(ContainerRef id, RepoPath path, Function<Repository, T> call) {
        ContainerDetails container = docker.inspect(id.value());
        if (!container.running()) {
            throw new ContainerNotRunning(id.value());
        }
        String dir = path != null ? path.value() : container.workingDir();
        return locks.inTurn(container.id() + ":" + dir, dir, settings.gitTimeout(), () -> call.apply(repository(container.id(), dir)));
    }

    /**
     * Whose rights git runs with: the owner of {@code <dir>/.git} (a directory, or the file of a linked
     * worktree), read inside the repository's turn so it is as fresh as can be. git itself then refuses
     * ("dubious ownership") when the working tree or the git directory belongs to someone else.
     */
    private Repository repository(String containerId, String dir) {
        String gitEntry = dir.endsWith("/") ? dir + ".git" : dir + "/.git";
        FileOwner owner = docker.owner(containerId, gitEntry).orElse(null);
        if (owner == null) {
            // a container without git must say so rather than "not a repository": ask git its version,
            // as nobody, in /, which reads no repository
            git.succeed(new Repository(containerId, "/", NOBODY), List.of("--version"));
            throw new GitFailed(128, "fatal: not a git repository: " + dir + " (no " + gitEntry + ")\n");
        }
        return new Repository(containerId, dir, owner.user());
    }
}
