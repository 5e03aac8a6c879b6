package org.hebergos.dockerlink.git;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.hebergos.dockerlink.config.Settings;
import org.hebergos.dockerlink.container.ContainerRef;
import org.hebergos.dockerlink.docker.ContainerDetails;
import org.hebergos.dockerlink.docker.DockerGateway;
import org.hebergos.dockerlink.error.ContainerNotRunning;
import org.hebergos.dockerlink.error.GitBusy;

/**
 * The panel's git operations on a repository inside a container. Calls on the same container and path
 * take turns (a second one waits up to {@code git_timeout}, then gets 409); other repositories run in
 * parallel.
 */
@ApplicationScoped
public class GitService {

    private static final String HEADS = "refs/heads/";
    private static final String REMOTES = "refs/remotes/";

    @Inject
    GitRunner git;
    @Inject
    DockerGateway docker;
    @Inject
    Settings settings;

    private final Map<String, Semaphore> repositoryLocks = new ConcurrentHashMap<>();

    /** {@code git fetch --all}; git's output (its progress goes to stderr, so both streams). */
    public String fetch(ContainerRef id, RepoPath path) {
        return inRepository(id, path, (c, repo) -> git.succeed(c, repo, List.of("fetch", "--all")).output());
    }

    /** The current commit: id, branches pointing at it, author, date and subject. */
    public String head(ContainerRef id, RepoPath path) {
        return inRepository(id, path, (c, repo) ->
                git.succeed(c, repo, List.of("log", "-1", "--decorate=short", "--no-color")).stdout());
    }

    /** Local and remote-tracking branches by short name ({@code main}, {@code origin/dev}), no symbolic refs. */
    public List<String> branches(ContainerRef id, RepoPath path) {
        return inRepository(id, path, (c, repo) -> branchNames(
                git.succeed(c, repo, List.of("for-each-ref", "--format=%(refname) %(symref)", "refs/heads", "refs/remotes")).stdout()));
    }

    /**
     * Checks out {@code branch}. A remote-tracking name ({@code origin/dev}) switches to the local branch
     * of that name, created to track it when missing, so HEAD is never left detached.
     */
    public String checkout(ContainerRef id, RepoPath path, BranchName branch) {
        return inRepository(id, path, (c, repo) -> {
            String remoteLocal = branch.value().contains("/") ? branch.value().substring(branch.value().indexOf('/') + 1) : null;
            List<String> lookup = new ArrayList<>(List.of("for-each-ref", "--format=%(refname)", HEADS + branch, REMOTES + branch));
            if (remoteLocal != null) {
                lookup.add(HEADS + remoteLocal);
            }
            Set<String> refs = git.succeed(c, repo, lookup).stdout().lines().collect(Collectors.toSet());
            List<String> command;
            if (refs.contains(HEADS + branch) || !refs.contains(REMOTES + branch)) {
                command = List.of("checkout", branch.value(), "--");
            } else if (refs.contains(HEADS + remoteLocal)) {
                command = List.of("checkout", remoteLocal, "--");
            } else {
                command = List.of("checkout", "--track", branch.value(), "--");
            }
            return git.succeed(c, repo, command).output();
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

    private interface RepositoryCall<T> {
        T run(String containerId, String repo);
    }

    private <T> T inRepository(ContainerRef id, RepoPath path, RepositoryCall<T> call) {
        ContainerDetails container = docker.inspect(id.value());
        if (!container.running()) {
            throw new ContainerNotRunning(id.value());
        }
        String repo = path != null ? path.value() : container.workingDir();
        Semaphore lock = repositoryLocks.computeIfAbsent(container.id() + ":" + repo, k -> new Semaphore(1));
        acquire(lock, repo);
        try {
            return call.run(container.id(), repo);
        } finally {
            lock.release();
        }
    }

    private void acquire(Semaphore lock, String repo) {
        try {
            if (!lock.tryAcquire(settings.gitTimeout().toSeconds(), TimeUnit.SECONDS)) {
                throw new GitBusy(repo);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitBusy(repo);
        }
    }
}
