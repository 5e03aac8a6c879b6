package org.hebergos.dockerlink.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The unchanged WAR on a full Payara Server with its history in PostgreSQL through a JDBC resource of
 * the server ({@code stats_datasource}), surviving a redeploy.
 */
class PayaraServerIT extends ServerSuite {

    private static Postgres postgres;
    private static PayaraServer server;

    @BeforeAll
    static void startServer() {
        Path dir = Path.of(System.getProperty("it.dir", "target/it"), "payara-server").toAbsolutePath();
        postgres = Postgres.start(dir);
        server = PayaraServer.start(AgentEnv.of("payara-server").with("stats_datasource", PayaraServer.JNDI_NAME).write("payara-server"), postgres);
    }

    @AfterAll
    static void stopServer() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Override
    Agent agent() {
        return server.agent();
    }

    @Override
    void restartAgent() {
        server.redeploy();
    }

    @Test
    void theHistoryIsStoredInPostgres() {
        String id = run(Docker.BUSYBOX, "sleep", "3600");
        List<Long> served = Samples.times(Samples.until(agent(), id, 0, s -> s.size() >= 2, Duration.ofSeconds(60)));
        List<Long> stored = postgres.query("SELECT s.ts FROM stats_sample s JOIN stats_series r ON s.sample_key >> 32 = r.series"
                + " WHERE r.container_id = '" + id + "' ORDER BY s.ts").stream().map(Long::valueOf).toList();
        assertTrue(stored.containsAll(served), "samples " + served + " served by the agent are rows in PostgreSQL: " + stored);
    }
}
