package org.hebergos.dockerlink.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A second, separately configured agent: the built WAR on its own Payara Micro process, started the way
 * the README tells operators to, with configuration from environment variables. Used where a test needs
 * another configuration or a restart of the agent.
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

    /**
     * Starts the agent with these environment variables (on top of an empty .env and {@code MANAGED_LABEL} set to
     * {@link Docker#LABEL}, which they may override) and waits until it answers.
     */
    static MicroServer start(String name, Map<String, String> environment) {
        MicroServer server = launch(name, environment);
        server.awaitHealth(Duration.ofSeconds(180));
        return server;
    }

    /** Starts the agent as {@link #start} does, without waiting for it. */
    static MicroServer launch(String name, Map<String, String> environment) {
        int port = Servers.freePort();
        Path dir = Path.of(System.getProperty("it.dir", "target/it"), name);
        Path log = dir.resolve("payara.log");
        try {
            Files.createDirectories(dir);
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-Djava.net.preferIPv4Stack=true",
                    "-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                    "--deploy", System.getProperty("war", "target/docker-link.war"),
                    "--contextroot", "/", "--port", String.valueOf(port), "--nohazelcast", "--disablephonehome",
                    "--prebootcommandfile", System.getProperty("payara.preboot", "scripts/payara-preboot.asadmin"),
                    "--postdeploycommandfile", System.getProperty("payara.postdeploy", "scripts/payara-postdeploy.asadmin"),
                    // a fresh instance directory: Payara redeploys what an old one holds, twice loading the agent
                    "--rootdir", Files.createTempDirectory(dir, "payara-root").toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("HEBERGOS_ENV", dir.resolve("absent.env").toString());
            builder.environment().put("MANAGED_LABEL", Docker.LABEL);
            builder.environment().putAll(environment);
            return new MicroServer(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
