package org.hebergos.dockerlink.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * WildFly (unpacked from Maven by the build) serving the built WAR, set up as the README's WildFly
 * section tells operators: the server's {@code standalone} directory as its own base directory, the WAR
 * dropped into {@code deployments/} (default context root {@code /docker-link}), {@code HEBERGOS_ENV} in
 * the server's environment. HTTP and management listen on free ports of 127.0.0.1.
 */
final class WildFlyServer implements AutoCloseable {

    static final String CONTEXT_ROOT = "docker-link";

    private final Path home;
    private final Path base;
    private final Path envFile;
    private final int httpPort = Servers.freePort();
    private final int managementPort = Servers.freePort();
    private Process process;

    private WildFlyServer(Path home, Path base, Path envFile) {
        this.home = home;
        this.base = base;
        this.envFile = envFile;
    }

    /** A fresh base directory with the WAR deployed, started; returns once the agent answers. */
    static WildFlyServer start(Path envFile) {
        Path home = Path.of(System.getProperty("wildfly.home", "target/wildfly"));
        if (!Files.isExecutable(home.resolve("bin/standalone.sh"))) {
            throw new IllegalStateException(home + " holds no WildFly: run the integration tests with 'mvn verify', which unpacks it");
        }
        Path base = Path.of(System.getProperty("it.dir", "target/it"), "wildfly", "standalone");
        try {
            deleteTree(base);
            copyTree(home.resolve("standalone/configuration"), base.resolve("configuration"));
            Files.createDirectories(base.resolve("deployments"));
            Files.copy(Path.of(System.getProperty("war", "target/docker-link.war")), base.resolve("deployments/" + CONTEXT_ROOT + ".war"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        WildFlyServer server = new WildFlyServer(home, base, envFile);
        server.boot();
        return server;
    }

    Agent agent() {
        return new Agent("http://127.0.0.1:" + httpPort + "/" + CONTEXT_ROOT + "/");
    }

    /** Stops the server and starts it again on the same base directory (the deployment stays). */
    void restart() {
        close();
        boot();
    }

    private void boot() {
        Path log = base.getParent().resolve("console.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base.toAbsolutePath(),
                "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                "-Djboss.http.port=" + httpPort, "-Djboss.https.port=" + Servers.freePort(),
                "-Djboss.management.http.port=" + managementPort, "-Djboss.management.https.port=" + Servers.freePort()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("HEBERGOS_ENV", envFile.toAbsolutePath().toString());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Servers.awaitHealth(agent(), process, base.resolve("log/server.log"), Duration.ofSeconds(240));
        } catch (AssertionError e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (process != null) {
            Servers.stop(process);
            process = null;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
