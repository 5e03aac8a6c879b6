package org.hebergos.dockerlink.stats;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.hebergos.dockerlink.config.Settings;

/**
 * The sample history, in plain JDBC with SQL that runs on H2 and PostgreSQL alike. By default an
 * embedded H2 file under {@code data_dir}; with {@code stats_datasource} a DataSource the server
 * provides. The primary key (container, time) is the index every range query uses.
 */
@ApplicationScoped
public class StatsStore {

    private static final Logger LOG = Logger.getLogger(StatsStore.class.getName());
    private static final String COLUMNS = "container_id, ts, run_started, mem_used, mem_limit, cpu_percent, cpu_limit,"
            + " cpu_total, cpu_clock, net_up, net_down, delta_up, delta_down";

    @Inject
    Settings settings;

    private DataSource dataSource;
    private JdbcConnectionPool embedded;

    @PostConstruct
    void open() {
        dataSource = settings.statsDataSource().map(StatsStore::lookup).orElseGet(this::openEmbedded);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS stats_sample ("
                    + "container_id VARCHAR(64) NOT NULL, ts BIGINT NOT NULL, run_started BIGINT NOT NULL,"
                    + " mem_used BIGINT NOT NULL, mem_limit BIGINT NOT NULL,"
                    + " cpu_percent DOUBLE PRECISION NOT NULL, cpu_limit DOUBLE PRECISION NOT NULL,"
                    + " cpu_total BIGINT NOT NULL, cpu_clock BIGINT NOT NULL,"
                    + " net_up BIGINT NOT NULL, net_down BIGINT NOT NULL, delta_up BIGINT NOT NULL, delta_down BIGINT NOT NULL,"
                    + " PRIMARY KEY (container_id, ts))");
            s.execute("CREATE INDEX IF NOT EXISTS stats_sample_ts ON stats_sample (ts)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the stats store: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void close() {
        if (embedded != null) {
            embedded.dispose();
        }
    }

    /** All samples of one round in one batch and one transaction. */
    public void insert(List<Sample> samples) throws SQLException {
        if (samples.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO stats_sample (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (Sample s : samples) {
                insert.setString(1, s.containerId());
                insert.setLong(2, s.time());
                insert.setLong(3, s.runStartedMillis());
                insert.setLong(4, s.memoryUsed());
                insert.setLong(5, s.memoryLimit());
                insert.setDouble(6, s.cpuPercent());
                insert.setDouble(7, s.cpuLimitPercent());
                insert.setLong(8, s.cpuTotalNanos());
                insert.setLong(9, s.cpuClockNanos());
                insert.setLong(10, s.netUp());
                insert.setLong(11, s.netDown());
                insert.setLong(12, s.deltaUp());
                insert.setLong(13, s.deltaDown());
                insert.addBatch();
            }
            insert.executeBatch();
            c.commit();
        }
    }

    /** The newest sample of a container, the baseline when the agent meets it again. */
    public Optional<Sample> last(String containerId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS
                     + " FROM stats_sample WHERE container_id = ? ORDER BY ts DESC FETCH FIRST 1 ROWS ONLY")) {
            q.setString(1, containerId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(sample(rs)) : Optional.empty();
            }
        }
    }

    /** Whether any history is stored for the container. */
    public boolean known(String containerId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT 1 FROM stats_sample WHERE container_id = ? FETCH FIRST 1 ROWS ONLY")) {
            q.setString(1, containerId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Hands the container's samples from {@code since} on, oldest first, one at a time (never all in memory). */
    public void since(String containerId, long since, SampleConsumer consumer) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS
                     + " FROM stats_sample WHERE container_id = ? AND ts >= ? ORDER BY ts")) {
            q.setFetchSize(1000);
            q.setString(1, containerId);
            q.setLong(2, since);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(sample(rs));
                }
            }
        }
    }

    /** Drops samples older than {@code before} (unix seconds); returns how many. */
    public int purgeBefore(long before) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM stats_sample WHERE ts < ?")) {
            delete.setLong(1, before);
            return delete.executeUpdate();
        }
    }

    /** Receives samples while the result set is open. */
    @FunctionalInterface
    public interface SampleConsumer {
        void accept(Sample sample) throws IOException;
    }

    private static Sample sample(ResultSet rs) throws SQLException {
        return new Sample(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                rs.getDouble(6), rs.getDouble(7), rs.getLong(8), rs.getLong(9),
                rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13));
    }

    private static DataSource lookup(String jndiName) {
        try {
            return (DataSource) new InitialContext().lookup(jndiName);
        } catch (NamingException e) {
            throw new IllegalStateException("stats_datasource: no DataSource at " + jndiName, e);
        }
    }

    private DataSource openEmbedded() {
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("data_dir: cannot create " + settings.dataDir(), e);
        }
        String url = "jdbc:h2:file:" + settings.dataDir().resolve("stats") + ";DB_CLOSE_ON_EXIT=FALSE";
        LOG.info(() -> "stats stored in " + url);
        embedded = JdbcConnectionPool.create(url, "hebergos", "");
        embedded.setMaxConnections(16);
        return embedded;
    }
}
