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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.hebergos.dockerlink.config.Settings;

/**
 * The sample history, in plain JDBC with SQL that runs on H2 and PostgreSQL alike. By default an
 * embedded H2 file under {@code data_dir}; with {@code stats_datasource} a DataSource the server
 * provides. Each container gets a small series number, and a sample's primary key is
 * {@code series << 32 | unix second}, so one container's history is one contiguous key range.
 * Samples are rows while recent; past hours are compacted into one row per container and hour that
 * holds them already rendered for the wire, so a 24 h history is some 24 rows to read, not 8,640.
 */
@ApplicationScoped
public class StatsStore {

    private static final Logger LOG = Logger.getLogger(StatsStore.class.getName());
    private static final String COLUMNS = "ts, run_started, mem_used, mem_limit, cpu_percent, cpu_limit,"
            + " cpu_total, cpu_clock, net_up, net_down, delta_up, delta_down";
    private static final String POINT_COLUMNS = "ts, mem_used, mem_limit, cpu_percent, cpu_limit,"
            + " net_up, net_down, delta_up, delta_down";
    private static final long LAST_SECOND = 0xFFFF_FFFFL;
    private static final long SERIES_UNIT = 1L << 32;
    static final long CHUNK_SECONDS = 3600;

    @Inject
    Settings settings;

    private DataSource dataSource;
    private JdbcConnectionPool embedded;
    private final Map<String, Integer> seriesByContainer = new ConcurrentHashMap<>();

    @PostConstruct
    void open() {
        dataSource = settings.statsDataSource().map(StatsStore::lookup).orElseGet(this::openEmbedded);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS stats_series ("
                    + "series INTEGER NOT NULL PRIMARY KEY, container_id VARCHAR(64) NOT NULL UNIQUE)");
            s.execute("CREATE TABLE IF NOT EXISTS stats_sample ("
                    + "sample_key BIGINT NOT NULL PRIMARY KEY, ts BIGINT NOT NULL, run_started BIGINT NOT NULL,"
                    + " mem_used BIGINT NOT NULL, mem_limit BIGINT NOT NULL,"
                    + " cpu_percent DOUBLE PRECISION NOT NULL, cpu_limit DOUBLE PRECISION NOT NULL,"
                    + " cpu_total BIGINT NOT NULL, cpu_clock BIGINT NOT NULL,"
                    + " net_up BIGINT NOT NULL, net_down BIGINT NOT NULL, delta_up BIGINT NOT NULL, delta_down BIGINT NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS stats_sample_ts ON stats_sample (ts)");
            s.execute("CREATE TABLE IF NOT EXISTS stats_chunk ("
                    + "chunk_key BIGINT NOT NULL PRIMARY KEY, last_ts BIGINT NOT NULL, body VARCHAR(262144) NOT NULL)");
        } catch (SQLException e) {
            close();
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
                     "INSERT INTO stats_sample (sample_key, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (Sample s : samples) {
                insert.setLong(1, key(series(c, s.containerId(), true), s.time()));
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
        } catch (SQLException e) {
            // series created in the failed transaction were rolled back with it
            seriesByContainer.clear();
            throw e;
        }
    }

    /** The newest sample of a container, the baseline when the agent meets it again. */
    public Optional<Sample> last(String containerId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Integer series = series(c, containerId, false);
            if (series == null) {
                return Optional.empty();
            }
            try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM stats_sample WHERE sample_key BETWEEN ? AND ? ORDER BY sample_key DESC FETCH FIRST 1 ROWS ONLY")) {
                q.setLong(1, key(series, 0));
                q.setLong(2, key(series, LAST_SECOND));
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? Optional.of(sample(containerId, rs)) : Optional.empty();
                }
            }
        }
    }

    /** Whether any history is stored for the container, in rows or compacted. */
    public boolean known(String containerId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Integer series = series(c, containerId, false);
            return series != null && (any(c, "stats_sample", "sample_key", series) || any(c, "stats_chunk", "chunk_key", series));
        }
    }

    private static boolean any(Connection c, String table, String keyColumn, int series) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT 1 FROM " + table + " WHERE " + keyColumn + " BETWEEN ? AND ? FETCH FIRST 1 ROWS ONLY")) {
            q.setLong(1, key(series, 0));
            q.setLong(2, key(series, LAST_SECOND));
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Hands the container's history from {@code since} on, oldest first: the compacted hours that reach
     * {@code since}, then the recent samples, all read in one snapshot and never all in memory.
     */
    public void since(String containerId, long since, HistoryConsumer consumer) throws SQLException, IOException {
        long from = Math.max(0, Math.min(since, LAST_SECOND));
        try (Connection c = dataSource.getConnection()) {
            Integer series = series(c, containerId, false);
            if (series == null) {
                return;
            }
            // compaction moves samples from rows to chunks: both reads must see the same moment
            int isolation = c.getTransactionIsolation();
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setAutoCommit(false);
            try {
                readChunks(c, series, from, consumer);
                readRows(c, series, from, consumer);
                c.commit();
            } finally {
                c.setAutoCommit(true);
                c.setTransactionIsolation(isolation);
            }
        }
    }

    private static void readChunks(Connection c, int series, long from, HistoryConsumer consumer) throws SQLException, IOException {
        try (PreparedStatement chunks = c.prepareStatement(
                "SELECT body FROM stats_chunk WHERE chunk_key BETWEEN ? AND ? ORDER BY chunk_key")) {
            chunks.setLong(1, key(series, from - from % CHUNK_SECONDS));
            chunks.setLong(2, key(series, LAST_SECOND));
            try (ResultSet rs = chunks.executeQuery()) {
                while (rs.next()) {
                    consumer.chunk(rs.getString(1));
                }
            }
        }
    }

    private static void readRows(Connection c, int series, long from, HistoryConsumer consumer) throws SQLException, IOException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + POINT_COLUMNS
                + " FROM stats_sample WHERE sample_key BETWEEN ? AND ? ORDER BY sample_key")) {
            q.setFetchSize(1000);
            q.setLong(1, key(series, from));
            q.setLong(2, key(series, LAST_SECOND));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    consumer.point(point(rs));
                }
            }
        }
    }

    /**
     * Moves the samples of every whole hour before {@code before} (an hour boundary) into chunks, one
     * container and hour at a time, each in its own transaction; returns how many chunks it wrote.
     */
    public int compact(long before) throws SQLException {
        List<long[]> groups = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT DISTINCT sample_key / " + SERIES_UNIT
                     + ", ts - MOD(ts, " + CHUNK_SECONDS + ") FROM stats_sample WHERE ts < ?")) {
            q.setLong(1, before);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    groups.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }
        }
        for (long[] group : groups) {
            compact((int) group[0], group[1]);
        }
        return groups.size();
    }

    private void compact(int series, long hour) throws SQLException {
        long first = key(series, hour);
        long last = key(series, hour + CHUNK_SECONDS - 1);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            TreeMap<Long, String> members = new TreeMap<>();
            try (PreparedStatement q = c.prepareStatement("SELECT " + POINT_COLUMNS
                    + " FROM stats_sample WHERE sample_key BETWEEN ? AND ?")) {
                q.setLong(1, first);
                q.setLong(2, last);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        Point point = point(rs);
                        members.put(point.time(), StatsJson.member(point));
                    }
                }
            }
            boolean exists = false;
            try (PreparedStatement q = c.prepareStatement("SELECT body FROM stats_chunk WHERE chunk_key = ?")) {
                q.setLong(1, first);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        exists = true;
                        for (String member : rs.getString(1).split("\n")) {
                            members.putIfAbsent(StatsJson.time(member), member);
                        }
                    }
                }
            }
            try (PreparedStatement write = c.prepareStatement(exists
                    ? "UPDATE stats_chunk SET last_ts = ?, body = ? WHERE chunk_key = ?"
                    : "INSERT INTO stats_chunk (last_ts, body, chunk_key) VALUES (?, ?, ?)");
                 PreparedStatement delete = c.prepareStatement("DELETE FROM stats_sample WHERE sample_key BETWEEN ? AND ?")) {
                write.setLong(1, members.lastKey());
                write.setString(2, String.join("\n", members.values()));
                write.setLong(3, first);
                write.executeUpdate();
                delete.setLong(1, first);
                delete.setLong(2, last);
                delete.executeUpdate();
            }
            c.commit();
        }
    }

    /** Drops samples older than {@code before} (unix seconds), and chunks that hold nothing newer. */
    public int purgeBefore(long before) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement rows = c.prepareStatement("DELETE FROM stats_sample WHERE ts < ?");
             PreparedStatement chunks = c.prepareStatement("DELETE FROM stats_chunk WHERE last_ts < ?")) {
            rows.setLong(1, before);
            chunks.setLong(1, before);
            return rows.executeUpdate() + chunks.executeUpdate();
        }
    }

    /** Receives a history while the store reads it. */
    public interface HistoryConsumer {

        /** A compacted hour: rendered members ({@link StatsJson#member}), one a line, ascending. */
        void chunk(String members) throws IOException;

        void point(Point point) throws IOException;
    }

    private static Point point(ResultSet rs) throws SQLException {
        return new Point(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4), rs.getDouble(5),
                rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9));
    }

    static long key(int series, long second) {
        return ((long) series << 32) | second;
    }

    /** The container's series number, created on first use when {@code create}; null when it has none. */
    private Integer series(Connection c, String containerId, boolean create) throws SQLException {
        Integer known = seriesByContainer.get(containerId);
        if (known != null) {
            return known;
        }
        try (PreparedStatement q = c.prepareStatement("SELECT series FROM stats_series WHERE container_id = ?")) {
            q.setString(1, containerId);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    seriesByContainer.put(containerId, rs.getInt(1));
                    return rs.getInt(1);
                }
            }
        }
        if (!create) {
            return null;
        }
        // only the sampler creates series, one round at a time, so MAX + 1 cannot race
        try (Statement max = c.createStatement(); ResultSet rs = max.executeQuery("SELECT COALESCE(MAX(series), 0) + 1 FROM stats_series");
             PreparedStatement insert = c.prepareStatement("INSERT INTO stats_series (series, container_id) VALUES (?, ?)")) {
            rs.next();
            int series = rs.getInt(1);
            insert.setInt(1, series);
            insert.setString(2, containerId);
            insert.executeUpdate();
            seriesByContainer.put(containerId, series);
            return series;
        }
    }

    private static Sample sample(String containerId, ResultSet rs) throws SQLException {
        return new Sample(containerId, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                rs.getDouble(5), rs.getDouble(6), rs.getLong(7), rs.getLong(8),
                rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12));
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
        // lazy execution streams a long history instead of materialising it first
        String url = "jdbc:h2:file:" + settings.dataDir().resolve("stats") + ";DB_CLOSE_ON_EXIT=FALSE;LAZY_QUERY_EXECUTION=TRUE";
        LOG.info(() -> "stats stored in " + url);
        embedded = JdbcConnectionPool.create(url, "hebergos", "");
        embedded.setMaxConnections(16);
        return embedded;
    }
}
