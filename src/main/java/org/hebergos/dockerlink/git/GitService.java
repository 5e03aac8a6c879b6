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
import org.hebergos.dockerlink.docker.ContainerCatalogue;
import org.hebergos.dockerlink.docker.ContainerDetails;
import org.hebergos.dockerlink.docker.ContainerExec;
import org.hebergos.dockerlink.docker.ContainerNotRunning;
import org.hebergos.dockerlink.docker.ExecResult;
import org.hebergos.dockerlink.docker.FileOwner;
import org.hebergos.dockerlink.error.BadParameter;

/**
 * The panel's git operations on a repository inside a container, run as the owner of the git directory
 * the repository's {@code .git} leads to. Calls on the same container and path take turns (a second one waits up to
 * {@code git_timeout}, then gets 409); other repositories run in parallel.
 */
@ApplicationScoped
public class GitService {

    private static final String HEADS = "refs/heads/";
    private static final String REMOTES = "refs/remotes/";
    private static final String NOBODY = "65534:65534";
    /** How {@code --group-add} names root's group. */
    private static final Set<String> ROOT_GROUP = Set.of("0", "root");
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
    ContainerCatalogue catalogue;
    @Inject
    ContainerExec exec;
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

    /**
     * Local and remote-tracking branches by short name ({@code main}, {@code origin/dev}), no symbolic refs.
     * A list longer than the output cap is refused ({@link GitOutputTooLarge}): a JSON array has no room
     * to say it was cut, and a cut one would end in half a name.
     */
    public List<String> branches(ContainerRef id, RepoPath path) {
        return inRepository(id, path, repo -> {
            ExecResult listed = git.succeed(repo, List.of("for-each-ref", "--format=%(refname) %(symref)", "--", "refs/heads", "refs/remotes"));
            if (listed.truncated()) {
                throw new GitOutputTooLarge("the branch list of " + repo.path(), GitRunner.OUTPUT_CAP);
            }
            return branchNames(listed.stdout());
        });
    }

    /**
     * Checks out {@code branch}, which must be a local or a remote-tracking branch: anything else git can
     * resolve (a tag, {@code FETCH_HEAD}, a commit) is refused, so HEAD is never left detached; a name that
     * resolves to nothing is git's own failure (422, as for any unknown branch). A local branch is switched
     * to with {@code git switch}, which refuses anything but a branch; a remote-tracking name
     * ({@code origin/dev}), or a name that only exists in one remote, switches to the local branch of that
     * name, created to track it when missing ({@code checkout --track} always makes a branch). The branch
     * comes before {@code --} (this git's commands take no {@code --end-of-options}): {@link BranchName}
     * guarantees that no part of it starts with {@code -}.
     */
    public String checkout(ContainerRef id, RepoPath path, BranchName branch) {
        return inRepository(id, path, repo -> {
            String value = branch.value();
            BranchName remoteLocal = branch.localOfRemote();
            List<String> lookup = new ArrayList<>(List.of("for-each-ref", "--format=%(refname)", "--",
                    branch.localRef(), branch.remoteTrackingRef(), branch.anyRemotePattern()));
            if (remoteLocal != null) {
                lookup.add(remoteLocal.localRef());
            }
            Set<String> refs = git.succeed(repo, lookup).stdout().lines().collect(Collectors.toSet());
            if (refs.contains(branch.localRef())) {
                return switchTo(repo, value);
            }
            if (refs.contains(branch.remoteTrackingRef())) {
                return refs.contains(remoteLocal.localRef()) ? switchTo(repo, remoteLocal.value()) : track(repo, value);
            }
            List<String> remotes = refs.stream().filter(ref -> ref.startsWith(REMOTES) && ref.endsWith("/" + value)
                    && ref.indexOf('/', REMOTES.length()) == ref.length() - value.length() - 1).sorted().toList();
            if (remotes.size() == 1) {
                return track(repo, remotes.get(0).substring(REMOTES.length()));
            }
            if (remotes.size() > 1) {
                throw new BadParameter("branch", "no local branch " + value + ", and several remotes have one ("
                        + remotes.stream().map(r -> r.substring(REMOTES.length())).collect(Collectors.joining(", ")) + "): name one");
            }
            if (git.run(repo, List.of("rev-parse", "--quiet", "--verify", value)).exitCode() == 0) {
                throw new BadParameter("branch", value + " is not a local or remote-tracking branch of " + repo.path()
                        + " (tags, commits and other refs are not checked out: HEAD would be detached)");
            }
            return switchTo(repo, value); // names nothing: git says so (422, "invalid reference")
        });
    }

    /** {@code git switch} (2.23+) takes a branch only; an older git that lacks it gets {@code checkout}, after the lookup above. */
    private String switchTo(Repository repo, String localBranch) {
        ExecResult switched = git.run(repo, List.of("switch", "--no-guess", localBranch, "--"));
        if (switched.exitCode() != 0 && switched.output().contains("'switch' is not a git command")) {
            return git.succeed(repo, List.of("checkout", localBranch, "--")).output();
        }
        return GitRunner.succeeded(switched).output();
    }

    private String track(Repository repo, String remoteTrackingBranch) {
        return git.succeed(repo, List.of("checkout", "--track", remoteTrackingBranch, "--")).output();
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
        ContainerDetails container = catalogue.inspect(id.value());
        if (!container.running()) {
            throw new ContainerNotRunning(id.value());
        }
        String dir = path != null ? path.value() : container.workingDir();
        return locks.inTurn(container.id() + ":" + dir, dir, settings.gitTimeout(), () -> call.apply(repository(container, dir)));
    }

    /**
     * Whose rights git runs with: the owner of the git directory {@code <dir>/.git} leads to
     * ({@link GitDirectory}), read inside the repository's turn so it is as fresh as can be. git itself
     * then refuses ("dubious ownership") when the working tree belongs to someone else. The exec gets
     * that owner's uid and gid and, measured with runc, no supplementary group but the gid: neither root's
     * nor the owner's {@code /etc/group} memberships. Only groups the container was created with
     * ({@code --group-add}) are added to every process; one of them being root's refuses git for a
     * non-root owner.
     */
    private Repository repository(ContainerDetails container, String dir) {
        String containerId = container.id();
        FileOwner owner = GitDirectory.owner(dir, path -> exec.file(containerId, path)).orElse(null);
        if (owner == null) {
            // a container without git must say so rather than "not a repository": ask git its version,
            // as nobody, in /, which reads no repository
            git.succeed(new Repository(containerId, "/", NOBODY), List.of("--version"));
            throw new GitFailed(128, "fatal: not a git repository: " + dir + " (no .git)\n");
        }
        if (owner.uid() != 0 && container.extraGroups().stream().anyMatch(ROOT_GROUP::contains)) {
            throw new GitUnsafeOwner("the container was created with root's group added (--group-add "
                    + String.join(",", container.extraGroups()) + "), which every git run in it would get");
        }
        return new Repository(containerId, dir, owner.user());
    }
}
