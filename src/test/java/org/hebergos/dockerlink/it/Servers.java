package org.hebergos.dockerlink.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What the tests' server processes share: free ports, waiting for the agent, running a server's tools. */
final class Servers {

    private Servers() {
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the agent answers {@code GET health} with 200, failing at once if {@code process} ends. */
    static void awaitHealth(Agent agent, Process process, Path log, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("the server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (agent.getAs(null, "health").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // still starting
            }
            AgentIT.pause(500);
        }
        fail("the agent did not answer /health within " + limit.toSeconds() + " s; see " + log);
    }

    /** Ends a process and what it started (a launcher script's JVM), politely first. */
    static void stop(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            for (ProcessHandle child : children) {
                child.onExit().get(60, TimeUnit.SECONDS);
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** Runs a command to its end and returns its output; fails the test with that output if it fails. */
    static String run(Map<String, String> environment, Duration limit, List<String> argv) {
        try {
            // output to a file, not a pipe: a server a tool launches may hold on to the tool's stdout
            Path output = Files.createTempFile("command", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(output.toFile());
                builder.environment().putAll(environment);
                Process p = builder.start();
                p.getOutputStream().close();
                if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    fail(String.join(" ", argv) + " did not finish in " + limit.toSeconds() + " s: " + Files.readString(output));
                }
                String text = Files.readString(output);
                if (p.exitValue() != 0) {
                    fail(String.join(" ", argv) + " failed (" + p.exitValue() + "): " + text);
                }
                return text;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + argv.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
