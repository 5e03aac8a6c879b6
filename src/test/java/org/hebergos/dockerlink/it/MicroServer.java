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

/**
 * A second, separately configured agent: the built WAR on its own Payara Micro process, started the way
 * the README tells operators to, with configuration from environment variables. Used where a test needs
 * another configuration or a restart of the agent.
 */
final class MicroServer implements AutoCloseable {

    private final Process process;
    private final String base;
    private final Path log;

    private MicroServer(Process process, String base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /** Starts the agent with these environment variables (on top of an empty .env) and waits until it answers. */
    static MicroServer start(String name, Map<String, String> environment) {
        int port = freePort();
        Path dir = Path.of(System.getProperty("it.dir", "target/it"), name);
        Path log = dir.resolve("payara.log");
        try {
            Files.createDirectories(dir);
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-Djava.net.preferIPv4Stack=true",
                    "-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                    "--deploy", System.getProperty("war", "target/docker-link.war"),
                    "--contextroot", "/", "--port", String.valueOf(port), "--nocluster", "--nohazelcast",
                    "--prebootcommandfile", System.getProperty("payara.preboot", "scripts/payara-preboot.asadmin"),
                    // a fresh instance directory: Payara redeploys what an old one holds, twice loading the agent
                    "--rootdir", Files.createTempDirectory(dir, "payara-root").toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("HEBERGOS_ENV", dir.resolve("absent.env").toString());
            builder.environment().putAll(environment);
            MicroServer server = new MicroServer(builder.start(), "http://127.0.0.1:" + port + "/", log);
            server.awaitHealth(Duration.ofSeconds(180));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Agent agent() {
        return new Agent(base);
    }

    private void awaitHealth(Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("Payara Micro exited with " + process.exitValue() + "; see " + log);
            }
            try {
                // Payara answers with an HTML 503 until the application is fully deployed
                if (!agent().get("v1/container/?id=none").contentType().startsWith("text/html")
                        && agent().getAs(null, "health").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // still starting
            }
            AgentIT.pause(500);
        }
        close();
        fail("the agent did not answer /health within " + limit.toSeconds() + " s; see " + log);
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

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
