package org.hebergos.dockerlink.git;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.hebergos.dockerlink.config.Settings;
import org.hebergos.dockerlink.docker.ContainerExec;
import org.hebergos.dockerlink.docker.ExecResult;
import org.hebergos.dockerlink.docker.ExecSession;

/**
 * Runs one git command inside a container with {@code docker exec}: as the repository's owner, from an
 * argument vector (no shell), in an environment that forbids every interactive prompt and every command
 * git would otherwise take from the repository's config where git lets the caller override it, output
 * read on the managed executor while git runs, and {@code git_timeout} as the bound.
 */
@ApplicationScoped
public class GitRunner {

    private static final Logger LOG = Logger.getLogger(GitRunner.class.getName());
    static final int OUTPUT_CAP = 1 << 20;
    /**
     * No prompt: no terminal, no askpass program ({@code GIT_ASKPASS} set, even empty, wins over
     * {@code core.askPass}), ssh in batch mode. The variables also win over the repository's config:
     * {@code GIT_SSH_COMMAND} over {@code core.sshCommand}, an empty {@code GIT_PROXY_COMMAND} over
     * {@code core.gitProxy}, and {@code GIT_ALLOW_PROTOCOL} over every {@code protocol.*.allow}, so that
     * no {@code ext::} URL (a command line) or exotic remote helper runs.
     */
    static final List<String> ENVIRONMENT = List.of(
            "GIT_TERMINAL_PROMPT=0",
            "GIT_ASKPASS=",
            "SSH_ASKPASS=",
            "GCM_INTERACTIVE=never",
            "GIT_SSH_COMMAND=ssh -o BatchMode=yes -o ConnectTimeout=15",
            "GIT_PROXY_COMMAND=",
            "GIT_ALLOW_PROTOCOL=file:git:http:https:ssh");

    @Inject
    Settings settings;
    @Inject
    ContainerExec docker;
    @Resource
    ManagedExecutorService executor;

    /** Runs git; a non-zero exit is a {@link GitFailed} carrying git's output. */
    public ExecResult succeed(Repository repo, List<String> args) {
        return succeeded(run(repo, args));
    }

    /** {@code result} when git succeeded; else a {@link GitFailed} carrying git's output. */
    static ExecResult succeeded(ExecResult result) {
        if (result.exitCode() != 0) {
            throw new GitFailed(result.exitCode(), result.output());
        }
        return result;
    }

    /**
     * The names of the config keys (all scopes, includes followed) matching {@code regexp}, as git reads
     * them for this repository. {@code --null} rather than {@code --name-only} (git 2.6+): each entry
     * ends with a NUL and its key ends at the first newline, whatever the value holds.
     */
    public List<String> configNames(Repository repo, String regexp) {
        ExecResult result = run(repo, List.of("config", "--null", "--get-regexp", regexp));
        if (result.exitCode() == 1) {
            return List.of();
        }
        if (result.exitCode() != 0) {
            throw new GitFailed(result.exitCode(), result.output());
        }
        return configKeys(result.stdout());
    }

    static List<String> configKeys(String nullTerminated) {
        return Arrays.stream(nullTerminated.split("\0")).filter(entry -> !entry.isEmpty())
                .map(entry -> entry.lines().findFirst().orElse(entry)).distinct().toList();
    }

    /** Runs git and returns its result whatever the exit code; only a missing git or a timeout throw. */
    public ExecResult run(Repository repo, List<String> args) {
        long timeout = settings.gitTimeout().toSeconds();
        String containerId = repo.containerId();
        try (ExecSession session = docker.exec(containerId, repo.user(), argv(repo.path(), timeout, args), ENVIRONMENT)) {
            Future<ExecResult> output = executor.submit(() -> session.collect(OUTPUT_CAP));
            try {
                ExecResult result = output.get(timeout, TimeUnit.SECONDS);
                if ((result.exitCode() == 126 || result.exitCode() == 127) && result.output().contains("executable file not found")) {
                    throw new GitMissing(containerId);
                }
                return result;
            } catch (TimeoutException e) {
                output.cancel(true);
                LOG.warning(() -> "git " + args + " in container " + containerId + " timed out after " + timeout + " s");
                throw new GitTimeout(containerId, timeout);
            } catch (ExecutionException e) {
                throw new IllegalStateException("reading git output in container " + containerId + " failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GitTimeout(containerId, timeout);
            }
        }
    }

    /**
     * Command-line config wins over the repository's for single-valued keys: no hooks, no fsmonitor
     * command and no signature check ({@code gpg.program}) run, whatever the repository says (a git that
     * does not know a key ignores it); stalled HTTP transfers end on their own. No
     * {@code safe.directory}: git runs as the owner, and its ownership check stays on.
     */
    static List<String> argv(String repo, long timeoutSeconds, List<String> args) {
        List<String> argv = new ArrayList<>(List.of("git",
                "-c", "core.hooksPath=/dev/null",
                "-c", "core.fsmonitor=false",
                "-c", "log.showSignature=false",
                "-c", "http.lowSpeedLimit=1",
                "-c", "http.lowSpeedTime=" + timeoutSeconds,
                "--no-pager",
                "-C", repo));
        argv.addAll(args);
        return argv;
    }
}
