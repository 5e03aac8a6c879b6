package org.hebergos.dockerlink.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What the tests' server processes share: free ports, waiting for the agent, running a server's script and tools. */
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

    /**
     * Runs {@code scripts/NAME DIR} (a server's script: it returns once the agent answers) with {@code environment}
     * plus the tests' Java and WAR; when it fails, runs {@code scripts/NAME --stop DIR} so no server is left behind.
     */
    static void startWithScript(String name, Map<String, String> environment, Path dir) {
        try {
            script(name, environment, dir.toString());
        } catch (AssertionError | RuntimeException e) {
            try {
                stopWithScript(name, dir);
            } catch (AssertionError | RuntimeException stopFailed) {
                e.addSuppressed(stopFailed);
            }
            throw e;
        }
    }

    static void stopWithScript(String name, Path dir) {
        script(name, Map.of(), "--stop", dir.toString());
    }

    private static void script(String name, Map<String, String> environment, String... args) {
        Map<String, String> all = new HashMap<>(environment);
        all.put("JAVA_HOME", System.getProperty("java.home"));
        all.put("WAR", Path.of(System.getProperty("war", "target/docker-link.war")).toAbsolutePath().toString());
        List<String> argv = new ArrayList<>(List.of("bash", Path.of(System.getProperty("scripts.dir", "scripts"), name).toString()));
        argv.addAll(List.of(args));
        // generous: the first run gets the server through Maven, and CI is a loaded 2-core machine
        run(all, Duration.ofMinutes(20), argv);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
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
