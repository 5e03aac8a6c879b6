package org.hebergos.dockerlink.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * A full Payara Server (unpacked from Maven by the build) with the built WAR, set up with the asadmin
 * commands of the README's Payara Server section: its own domain under target/ on free ports, the
 * PostgreSQL driver added as a library, a JDBC pool and resource, the WAR deployed at
 * {@code /docker-link}, {@code HEBERGOS_ENV} in the environment of {@code start-domain}.
 */
final class PayaraServer implements AutoCloseable {

    static final String CONTEXT_ROOT = "docker-link";
    static final String JNDI_NAME = "jdbc/hebergos";
    /** The ports of a domain, relative to its port base (create-domain --portbase). */
    private static final int[] PORT_OFFSETS = {9, 37, 38, 39, 48, 49, 59, 66, 76, 80, 81, 86};

    private final Path asadmin;
    private final Path domains;
    private final int portBase;
    private final Map<String, String> environment;
    private boolean running;

    private PayaraServer(Path asadmin, Path domains, int portBase, Path envFile) {
        this.asadmin = asadmin;
        this.domains = domains;
        this.portBase = portBase;
        this.environment = Map.of("HEBERGOS_ENV", envFile.toString(), "JAVA_HOME", System.getProperty("java.home"),
                "AS_JAVA", System.getProperty("java.home"));
    }

    /** A new domain, started, with the pool on {@code postgres} and the WAR deployed; returns once the agent answers. */
    static PayaraServer start(Path envFile, Postgres postgres) {
        Path home = Path.of(System.getProperty("payara.home", "target/payara6"));
        Path asadmin = home.resolve("bin/asadmin");
        if (!Files.isExecutable(asadmin)) {
            throw new IllegalStateException(home + " holds no Payara Server: run the integration tests with 'mvn verify', which unpacks it");
        }
        Path dir = Path.of(System.getProperty("it.dir", "target/it"), "payara-server").toAbsolutePath();
        Path domains = dir.resolve("domains");
        try {
            WildFlyServer.deleteTree(domains);
            Files.createDirectories(domains);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PayaraServer server = new PayaraServer(asadmin, domains, freePortBase(), envFile);
        server.asadmin(Duration.ofMinutes(3), "create-domain", "--domaindir", domains.toString(), "--portbase", String.valueOf(server.portBase),
                "--nopassword", "hebergos");
        server.asadmin(Duration.ofMinutes(5), "start-domain", "--domaindir", domains.toString(), "hebergos");
        server.running = true;
        try {
            Path commands = dir.resolve("setup.asadmin");
            Files.write(commands, List.of(
                    "add-library " + System.getProperty("postgresql.jdbc", "target/postgresql.jar"),
                    "create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource"
                            + " --property user=" + Postgres.USER + ":password=" + postgres.password() + ":serverName=127.0.0.1:portNumber="
                            + postgres.port() + ":databaseName=" + Postgres.DATABASE + " hebergos-pool",
                    "create-jdbc-resource --connectionpoolid hebergos-pool " + JNDI_NAME,
                    "deploy --contextroot " + CONTEXT_ROOT + " --name docker-link " + war()));
            server.admin(Duration.ofMinutes(5), "multimode", "--file", commands.toString());
            server.awaitAgent();
        } catch (IOException e) {
            server.close();
            throw new UncheckedIOException(e);
        } catch (AssertionError | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    Agent agent() {
        return new Agent("http://127.0.0.1:" + (portBase + 80) + "/" + CONTEXT_ROOT + "/");
    }

    /** Redeploys the same WAR, as an operator installing a new release does; returns once the agent answers. */
    void redeploy() {
        admin(Duration.ofMinutes(5), "redeploy", "--name", "docker-link", war());
        awaitAgent();
    }

    private void awaitAgent() {
        Samples.of(() -> {
            try {
                return agent().getAs(null, "health").status();
            } catch (UncheckedIOException notYet) {
                return 0;
            }
        }, status -> status == 200, Duration.ofSeconds(120));
    }

    private static String war() {
        return Path.of(System.getProperty("war", "target/docker-link.war")).toAbsolutePath().toString();
    }

    /** asadmin against this domain's admin port. */
    private String admin(Duration limit, String... command) {
        List<String> args = new ArrayList<>(List.of("--port", String.valueOf(portBase + 48)));
        args.addAll(List.of(command));
        return asadmin(limit, args.toArray(String[]::new));
    }

    private String asadmin(Duration limit, String... args) {
        List<String> argv = new ArrayList<>(List.of(asadmin.toString(), "--interactive=false"));
        argv.addAll(List.of(args));
        return Servers.run(environment, limit, argv);
    }

    @Override
    public void close() {
        if (running) {
            running = false;
            asadmin(Duration.ofMinutes(2), "stop-domain", "--domaindir", domains.toString(), "hebergos");
        }
    }

    /** A port base whose twelve domain ports are all free (another build may hold a domain's default ones). */
    private static int freePortBase() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(200, 600) * 100;
            if (IntStream.of(PORT_OFFSETS).allMatch(offset -> isFree(base + offset))) {
                return base;
            }
        }
        throw new IllegalStateException("no free port base for a Payara domain");
    }

    private static boolean isFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
