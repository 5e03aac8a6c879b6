package org.hebergos.dockerlink.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A second, separately configured agent: the built WAR on its own Payara Micro process, started with the
 * run command's options (scripts/payara-micro.properties) and its configuration in a {@code .env} file
 * ({@link AgentEnv}). Used where a test needs another configuration or a restart of the agent.
 */
final class MicroServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private MicroServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the agent configured by {@code env} (written to {@code target/it/NAME/agent.env}) and waits until it answers. */
    static MicroServer start(String name, AgentEnv env) {
        MicroServer server = launch(name, env);
        server.awaitHealth(Duration.ofSeconds(180));
        return server;
    }

    /** Starts the agent as {@link #start} does, without waiting for it. */
    static MicroServer launch(String name, AgentEnv env) {
        int port = Servers.freePort();
        Path dir = Path.of(System.getProperty("it.dir", "target/it"), name);
        Path log = dir.resolve("payara.log");
        try {
            Files.createDirectories(dir);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(options("payara.heapOptions"));
            command.addAll(options("payara.jvmOptions"));
            command.addAll(List.of("-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                    "--deploy", System.getProperty("war", "target/docker-link.war"), "--port", String.valueOf(port)));
            command.addAll(options("payara.microOptions"));
            // a fresh instance directory: Payara redeploys what an old one holds, twice loading the agent
            command.addAll(List.of("--rootdir", Files.createTempDirectory(dir, "payara-root").toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("HEBERGOS_ENV", env.write(name).toString());
            return new MicroServer(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Options of the run command, scripts/payara-micro.properties (system properties by pom.xml). */
    private static List<String> options(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(key + " is not set: run the integration tests with 'mvn verify'");
        }
        return List.of(value.strip().split("\\s+"));
    }

    Agent agent() {
        return new Agent("http://127.0.0.1:" + port + "/");
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** Waits until the server's console output contains {@code text}, failing after {@code limit}. */
    void awaitLog(String text, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        try {
            while (!Files.readString(log, StandardCharsets.ISO_8859_1).contains(text)) {
                if (Instant.now().isAfter(deadline) || !process.isAlive()) {
                    throw new AssertionError("'" + text + "' not logged within " + limit.toSeconds() + " s; see " + log);
                }
                AgentIT.pause(500);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's console output. */
    Path log() {
        return log;
    }

    void awaitHealth(Duration limit) {
        try {
            Servers.awaitHealth(agent(), process, log, limit);
        } catch (AssertionError e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
