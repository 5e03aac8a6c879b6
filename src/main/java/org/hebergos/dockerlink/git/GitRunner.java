package org.hebergos.dockerlink.git;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.hebergos.dockerlink.config.Settings;
import org.hebergos.dockerlink.docker.DockerGateway;
import org.hebergos.dockerlink.docker.ExecResult;
import org.hebergos.dockerlink.docker.ExecSession;
import org.hebergos.dockerlink.error.GitFailed;
import org.hebergos.dockerlink.error.GitMissing;
import org.hebergos.dockerlink.error.GitTimeout;

/**
 * Runs one git command inside a container with {@code docker exec}: an argument vector (no shell), an
 * environment that forbids every interactive prompt, the repository trusted for this call only, hooks
 * off, output read on the managed executor while git runs, and {@code git_timeout} as the bound.
 */
@ApplicationScoped
public class GitRunner {

    private static final Logger LOG = Logger.getLogger(GitRunner.class.getName());
    static final int OUTPUT_CAP = 1 << 20;
    static final List<String> ENVIRONMENT = List.of(
            "GIT_TERMINAL_PROMPT=0",
            "GIT_ASKPASS=",
            "SSH_ASKPASS=",
            "GCM_INTERACTIVE=never",
            "GIT_SSH_COMMAND=ssh -o BatchMode=yes -o ConnectTimeout=15");

    @Inject
    Settings settings;
    @Inject
    DockerGateway docker;
    @Resource
    ManagedExecutorService executor;

    /** Runs git; a non-zero exit is a {@link GitFailed} carrying git's output. */
    public ExecResult succeed(String containerId, String repo, List<String> args) {
        ExecResult result = run(containerId, repo, args);
        if (result.exitCode() != 0) {
            throw new GitFailed(result.exitCode(), result.output());
        }
        return result;
    }

    /** Runs git and returns its result whatever the exit code; only a missing git or a timeout throw. */
    private ExecResult run(String containerId, String repo, List<String> args) {
        long timeout = settings.gitTimeout().toSeconds();
        try (ExecSession session = docker.exec(containerId, argv(repo, timeout, args), ENVIRONMENT)) {
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
     * {@code safe.directory} lets git work in a repository owned by another user than the exec user, for
     * this call only; hooks are off so that no repository content runs as that user; stalled HTTP
     * transfers end on their own.
     */
    static List<String> argv(String repo, long timeoutSeconds, List<String> args) {
        List<String> argv = new ArrayList<>(List.of("git",
                "-c", "safe.directory=" + repo,
                "-c", "core.hooksPath=/dev/null",
                "-c", "http.lowSpeedLimit=1",
                "-c", "http.lowSpeedTime=" + timeoutSeconds,
                "--no-pager",
                "-C", repo));
        argv.addAll(args);
        return argv;
    }
}
