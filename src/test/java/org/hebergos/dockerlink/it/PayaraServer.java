package org.hebergos.dockerlink.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * A full Payara Server with the built WAR, set up and started with {@code scripts/payara-server.sh}, the
 * commands of the README's Payara Server section: a new domain on free ports, the PostgreSQL driver added
 * as a library, a JDBC pool and resource on the given cluster, the WAR deployed at {@code /docker-link},
 * {@code HEBERGOS_ENV} in the environment of {@code start-domain}.
 */
final class PayaraServer implements AutoCloseable {

    /** The JDBC resource scripts/payara-server.sh creates. */
    static final String JNDI_NAME = "jdbc/hebergos";
    /** The ports of a domain, relative to its port base (create-domain --portbase). */
    private static final int[] PORT_OFFSETS = {9, 37, 38, 39, 48, 49, 59, 66, 76, 80, 81, 86};

    private final Path dir = Path.of(System.getProperty("it.dir", "target/it"), "payara-server").toAbsolutePath();
    private final int portBase = freePortBase();
    private final Map<String, String> environment;
    private boolean running;

    private PayaraServer(Path envFile, Postgres postgres) {
        environment = Map.of("HEBERGOS_ENV", envFile.toString(), "PORTBASE", String.valueOf(portBase),
                "PG_PORT", String.valueOf(postgres.port()), "PG_PASSWORD", postgres.password(),
                "PG_USER", Postgres.USER, "PG_DATABASE", Postgres.DATABASE);
    }

    /** A new domain, started, with the pool on {@code postgres} and the WAR deployed; returns once the agent answers. */
    static PayaraServer start(Path envFile, Postgres postgres) {
        PayaraServer server = new PayaraServer(envFile, postgres);
        try {
            Servers.deleteTree(server.dir.resolve("domains"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.redeploy();
        return server;
    }

    Agent agent() {
        return new Agent("http://127.0.0.1:" + (portBase + 80) + "/docker-link/");
    }

    /** Deploys the WAR again, as an operator installing a new release does; returns once the agent answers. */
    void redeploy() {
        Servers.startWithScript("payara-server.sh", environment, dir);
        running = true;
    }

    @Override
    public void close() {
        if (running) {
            running = false;
            Servers.stopWithScript("payara-server.sh", dir);
        }
    }

    /** A port base whose domain ports are all free (another build may hold a domain's default ones). */
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
