package org.hebergos.dockerlink.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.hebergos.dockerlink.error.StoreUnavailable;
import org.hebergos.dockerlink.stats.Sample;

/**
 * The stats history as numbers, in plain JDBC with SQL that runs on H2 and PostgreSQL alike; it knows
 * nothing of the wire format. Each container gets a small series number and every key is
 * {@code series << 32 | unix second}, so one container's history is one contiguous key range in each
 * table: recent samples one row each ({@code stats_sample}), past hours in {@link SampleCodec} form
 * ({@code history_chunk}), half-hour {@link Bucket}s ({@code history_day}, a container's day of them per row).
 *
 * <p>Transactions: every method takes its own connection and commits itself (auto-commit off, one
 * transaction per call or per hour of maintenance). Callers must not be in a JTA transaction when the
 * store is a server DataSource: the sampler and {@link HistoryMaintenance} run with
 * {@code NOT_SUPPORTED}, and JAX-RS requests have none.
 */
@ApplicationScoped
public class HistoryStore {

    private static final String COLUMNS = "ts, run_started, mem_used, mem_limit, cpu_percent, cpu_limit,"
            + " cpu_total, cpu_clock, net_up, net_down, delta_up, delta_down";
    private static final String POINT_COLUMNS = "ts, mem_used, mem_limit, cpu_percent, cpu_limit,"
            + " net_up, net_down, delta_up, delta_down";
    private static final long LAST_SECOND = 0xFFFF_FFFFL;
    static final long HOUR = 3600;

    @Inject
    HistoryDatabase database;

    private final StoreMemory memory = new StoreMemory();

    /**
     * Stores one or more rounds all-or-nothing in one transaction, returning once the database has them
     * durably. A sample whose container and second are already stored (a clock set back, a round
     * written twice) is skipped, never failing the rest.
     *
     * @throws StoreUnavailable when the database cannot take them; nothing of the batch is stored then
     */
    public void insert(List<Sample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        try (Connection c = database.connection()) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO stats_sample (sample_key, " + COLUMNS + ")"
                    + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
                    + " (SELECT 1 FROM stats_sample WHERE sample_key = ?)")) {
                c.setAutoCommit(false);
                Set<Long> keys = new HashSet<>();
                for (Sample s : samples) {
                    long key = key(series(c, s.containerId(), true), s.time());
                    if (!keys.add(key)) {
                        continue;
                    }
                    insert.setLong(1, key);
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
                    insert.setLong(14, key);
                    insert.addBatch();
                }
                insert.executeBatch();
                c.commit();
                database.durable(c);
                database.recovered();
            } catch (SQLException | RuntimeException e) {
                // series created in the failed transaction were rolled back with it
                memory.series.clear();
                rollback(c);
                throw e;
            }
        } catch (SQLException e) {
            throw database.failed(e);
        }
    }

    /**
     * The newest stored sample of a container with its baselines, the sampler's starting point after a
     * restart; empty when none is stored or the newest is from before the baselines were kept.
     */
    public Optional<Sample> last(String containerId) {
        try (Connection c = database.connection()) {
            Integer series = series(c, containerId, false);
            if (series == null) {
                return Optional.empty();
            }
            Sample row = null;
            try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM stats_sample WHERE sample_key BETWEEN ? AND ? ORDER BY sample_key DESC FETCH FIRST 1 ROWS ONLY")) {
                range(q, series, 0, LAST_SECOND);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        row = sample(containerId, rs);
                    }
                }
            }
            try (PreparedStatement q = c.prepareStatement("SELECT chunk_key, body, run_started, cpu_total, cpu_clock"
                    + " FROM history_chunk WHERE chunk_key BETWEEN ? AND ? ORDER BY chunk_key DESC FETCH FIRST 1 ROWS ONLY")) {
                range(q, series, row == null ? 0 : row.time() + 1, LAST_SECOND);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next() && rs.getObject(3) != null) {
                        SampleCodec.Reader points = new SampleCodec.Reader(second(rs.getLong(1)), rs.getBytes(2));
                        Point p = points.next();
                        while (points.hasNext()) {
                            p = points.next();
                        }
                        if (row == null || p.time() > row.time()) {
                            return Optional.of(new Sample(containerId, p.time(), rs.getLong(3), p.memoryUsed(), p.memoryLimit(),
                                    p.cpuPercent(), p.cpuLimitPercent(), rs.getLong(4), rs.getLong(5),
                                    p.netUp(), p.netDown(), p.deltaUp(), p.deltaDown()));
                        }
                    }
                }
            }
            return Optional.ofNullable(row);
        } catch (SQLException e) {
            throw database.failed(e);
        }
    }

    /** Whether any history, raw or summarized, is stored for the container. */
    public boolean known(String containerId) {
        memory.forgetIfReplaced(database);
        if (memory.withHistory.contains(containerId)) {
            return true;
        }
        try (Connection c = database.connection()) {
            Integer series = series(c, containerId, false);
            boolean known = series != null && (any(c, "stats_sample", "sample_key", series) || any(c, "history_chunk", "chunk_key", series)
                    || any(c, "history_day", "day_key", series));
            if (known) {
                memory.withHistory.add(containerId);
            }
            return known;
        } catch (SQLException e) {
            throw database.failed(e);
        }
    }

    /** Fails with {@link StoreUnavailable} now rather than in the middle of an answer. */
    public void check() {
        database.check();
    }

    /**
     * Runs {@code reading} on one consistent snapshot of a container's history (compaction moves
     * samples between tables: every read of one answer must see the same moment).
     *
     * @return false when no history is stored for the container
     */
    public boolean read(String containerId, Reading reading) throws IOException {
        try (Connection c = database.connection()) {
            Integer series = series(c, containerId, false);
            if (series == null) {
                return false;
            }
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setAutoCommit(false);
            try {
                reading.read(new Snapshot(c, series));
            } finally {
                // the next checkout restores auto-commit and the isolation level
                rollback(c);
            }
            return true;
        } catch (SQLException e) {
            throw database.failed(e);
        }
    }

    /** What an answer does with a snapshot. */
    public interface Reading {
        void read(Snapshot snapshot) throws SQLException, IOException;
    }

    /** Reads of one container's history inside one transaction. */
    public static final class Snapshot {

        private final Connection c;
        private final int series;

        Snapshot(Connection c, int series) {
            this.c = c;
            this.series = series;
        }

        /** The raw samples in [from, until), oldest first. */
        public void points(long from, long until, PointSink sink) throws SQLException, IOException {
            if (from >= until) {
                return;
            }
            // the few rows of a late sample in an already compacted hour are merged in time order
            TreeMap<Long, Point> rows = new TreeMap<>();
            List<byte[]> bodies = new ArrayList<>();
            List<Long> hours = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT chunk_key, body FROM history_chunk WHERE chunk_key BETWEEN ? AND ? ORDER BY chunk_key")) {
                range(q, series, from - Math.floorMod(from, HOUR), until - 1);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        hours.add(second(rs.getLong(1)));
                        bodies.add(rs.getBytes(2));
                    }
                }
            }
            try (PreparedStatement q = c.prepareStatement("SELECT " + POINT_COLUMNS
                    + " FROM stats_sample WHERE sample_key BETWEEN ? AND ? ORDER BY sample_key")) {
                q.setFetchSize(1000);
                range(q, series, from, until - 1);
                try (ResultSet rs = q.executeQuery()) {
                    Long firstAfterChunks = hours.isEmpty() ? null : hours.get(hours.size() - 1) + HOUR;
                    while (rs.next()) {
                        Point p = point(rs);
                        if (firstAfterChunks != null && p.time() < firstAfterChunks) {
                            rows.put(p.time(), p);
                            continue;
                        }
                        flushChunks(hours, bodies, rows, from, until, sink);
                        firstAfterChunks = null;
                        sink.point(p);
                    }
                }
            }
            flushChunks(hours, bodies, rows, from, until, sink);
        }

        private static void flushChunks(List<Long> hours, List<byte[]> bodies, TreeMap<Long, Point> rows,
                                        long from, long until, PointSink sink) throws IOException {
            for (int i = 0; i < hours.size(); i++) {
                SampleCodec.Reader points = new SampleCodec.Reader(hours.get(i), bodies.get(i));
                while (points.hasNext()) {
                    Point p = points.next();
                    while (!rows.isEmpty() && rows.firstKey() <= p.time()) {
                        Point row = rows.pollFirstEntry().getValue();
                        // the same second in a chunk and a row: the chunk's was stored first
                        if (row.time() < p.time() && row.time() >= from) {
                            sink.point(row);
                        }
                    }
                    if (p.time() >= from && p.time() < until) {
                        sink.point(p);
                    }
                }
            }
            for (Point row : rows.values()) {
                if (row.time() >= from && row.time() < until) {
                    sink.point(row);
                }
            }
            hours.clear();
            bodies.clear();
            rows.clear();
        }

        /**
         * The summaries (of {@link SummaryCodec#SPAN} each) starting in [from, until), oldest first; with
         * {@code wholeDays}, each day entirely in the range as its one total instead.
         */
        public void summaries(long from, long until, boolean wholeDays, BucketSink sink) throws SQLException, IOException {
            if (!wholeDays) {
                summaries(from, until, sink);
                return;
            }
            long firstDay = from + Math.floorMod(-from, SummaryCodec.DAY);
            long endOfDays = Math.max(firstDay, until - Math.floorMod(until, SummaryCodec.DAY));
            summaries(from, Math.min(firstDay, until), sink);
            if (firstDay < endOfDays) {
                try (PreparedStatement q = c.prepareStatement(
                        "SELECT day_key, total FROM history_day_total WHERE day_key BETWEEN ? AND ? ORDER BY day_key")) {
                    range(q, series, firstDay, endOfDays - 1);
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            sink.bucket(SummaryCodec.decodeTotal(second(rs.getLong(1)), rs.getBytes(2)));
                        }
                    }
                }
            }
            summaries(endOfDays, until, sink);
        }

        private void summaries(long from, long until, BucketSink sink) throws SQLException, IOException {
            if (from >= until) {
                return;
            }
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT day_key, hours FROM history_day WHERE day_key BETWEEN ? AND ? ORDER BY day_key")) {
                range(q, series, from - Math.floorMod(from, SummaryCodec.DAY), until - 1);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        for (Bucket summary : SummaryCodec.decode(second(rs.getLong(1)), rs.getBytes(2))) {
                            if (summary.start() >= from && summary.start() < until) {
                                sink.bucket(summary);
                            }
                        }
                    }
                }
            }
        }

        /** The unix second of the oldest raw sample (the hour it is in for a compacted one), or MAX_VALUE. */
        public long rawStart() throws SQLException {
            return Math.min(min(c, "history_chunk", "chunk_key", series, ""), min(c, "stats_sample", "sample_key", series, ""));
        }

        /** Hours before this are all summarized: the oldest hour still raw and not summarized, or MAX_VALUE. */
        public long summarizedUntil() throws SQLException {
            long row = min(c, "stats_sample", "sample_key", series, "");
            long chunk = min(c, "history_chunk", "chunk_key", series, " AND summarized = FALSE");
            long oldest = Math.min(row, chunk);
            return oldest == Long.MAX_VALUE ? oldest : oldest - Math.floorMod(oldest, HOUR);
        }

        /** The newest raw sample, if any. */
        public Optional<Point> newest() throws SQLException, IOException {
            Point[] newest = {null};
            long rows = max(c, "stats_sample", "sample_key", series);
            long chunks = max(c, "history_chunk", "chunk_key", series);
            long from = Math.max(rows, chunks);
            if (from == Long.MIN_VALUE) {
                return Optional.empty();
            }
            points(from, LAST_SECOND + 1, p -> newest[0] = p);
            return Optional.ofNullable(newest[0]);
        }
    }

    /** Receives raw samples in time order. */
    public interface PointSink {
        void point(Point point) throws IOException;
    }

    /** Receives summaries in time order. */
    public interface BucketSink {
        void bucket(Bucket bucket) throws IOException;
    }

    /**
     * Moves the samples of every hour that ended by {@code before} from rows into the hour's chunk, one
     * container and hour per transaction (merging with a chunk already written for it).
     *
     * @return how many container-hours it wrote
     */
    public int compact(long before) {
        List<Long> hourKeys = new ArrayList<>();
        try (Connection c = database.connection()) {
            try (PreparedStatement q = c.prepareStatement("SELECT DISTINCT sample_key - MOD(ts, " + HOUR + ")"
                    + " FROM stats_sample WHERE ts < ?")) {
                q.setLong(1, before - Math.floorMod(before, HOUR));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        hourKeys.add(rs.getLong(1));
                    }
                }
            }
            c.setAutoCommit(false);
            for (long hourKey : hourKeys) {
                try {
                    compact(c, hourKey);
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    rollback(c);
                    throw e;
                }
            }
            return hourKeys.size();
        } catch (SQLException e) {
            throw database.failed(e);
        }
    }

    private static void compact(Connection c, long hourKey) throws SQLException {
        TreeMap<Long, Point> points = new TreeMap<>();
        long[] baseline = null;
        long baselineTime = Long.MIN_VALUE;
        try (PreparedStatement q = c.prepareStatement("SELECT last_ts, body, run_started, cpu_total, cpu_clock"
                + " FROM history_chunk WHERE chunk_key = ?")) {
            q.setLong(1, hourKey);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    SampleCodec.Reader stored = new SampleCodec.Reader(second(hourKey), rs.getBytes(2));
                    while (stored.hasNext()) {
                        Point p = stored.next();
                        points.put(p.time(), p);
                    }
                    if (rs.getObject(3) != null) {
                        baseline = new long[] {rs.getLong(3), rs.getLong(4), rs.getLong(5)};
                        baselineTime = rs.getLong(1);
                    }
                }
            }
        }
        try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM stats_sample WHERE sample_key BETWEEN ? AND ?")) {
            q.setLong(1, hourKey);
            q.setLong(2, hourKey + HOUR - 1);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Sample s = sample(null, rs);
                    // a second already in the chunk keeps what was stored first
                    if (points.putIfAbsent(s.time(), Point.of(s)) == null && s.time() > baselineTime) {
                        baseline = new long[] {s.runStartedMillis(), s.cpuTotalNanos(), s.cpuClockNanos()};
                        baselineTime = s.time();
                    }
                }
            }
        }
        if (baselineTime != points.lastKey()) {
            baseline = null;
        }
        writeChunk(c, hourKey, new ArrayList<>(points.values()), baseline);
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM stats_sample WHERE sample_key BETWEEN ? AND ?")) {
            delete.setLong(1, hourKey);
            delete.setLong(2, hourKey + HOUR - 1);
            delete.executeUpdate();
        }
    }

    /** Writes (or replaces) a chunk, marked for summarizing; {@code baseline} of its last sample or null. */
    static void writeChunk(Connection c, long hourKey, List<Point> points, long[] baseline) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM history_chunk WHERE chunk_key = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO history_chunk"
                     + " (chunk_key, last_ts, body, run_started, cpu_total, cpu_clock, summarized) VALUES (?, ?, ?, ?, ?, ?, FALSE)")) {
            delete.setLong(1, hourKey);
            delete.executeUpdate();
            if (points.isEmpty()) {
                return;
            }
            insert.setLong(1, hourKey);
            insert.setLong(2, points.get(points.size() - 1).time());
            insert.setBytes(3, SampleCodec.encode(second(hourKey), points));
            for (int i = 0; i < 3; i++) {
                if (baseline == null) {
                    insert.setNull(4 + i, java.sql.Types.BIGINT);
                } else {
                    insert.setLong(4 + i, baseline[i]);
                }
            }
            insert.executeUpdate();
        }
    }

    /**
     * Writes the summaries (its two half hours) of every compacted hour not summarized yet, and of hours
     * that ended more than an hour before {@code now} but are still in rows (compaction failing), one
     * hour per transaction.
     *
     * @return how many hours it summarized
     */
    public int summarize(long now) {
        List<Long> hourKeys = new ArrayList<>();
        try (Connection c = database.connection()) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT chunk_key FROM history_chunk WHERE summarized = FALSE")) {
                while (rs.next()) {
                    hourKeys.add(rs.getLong(1));
                }
            }
            try (PreparedStatement q = c.prepareStatement("SELECT DISTINCT sample_key - MOD(ts, " + HOUR + ")"
                    + " FROM stats_sample WHERE ts < ?")) {
                q.setLong(1, now - Math.floorMod(now, HOUR) - HOUR);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        if (!hourKeys.contains(rs.getLong(1))) {
                            hourKeys.add(rs.getLong(1));
                        }
                    }
                }
            }
            c.setAutoCommit(false);
            for (long hourKey : hourKeys) {
                try {
                    summarize(c, hourKey);
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    rollback(c);
                    throw e;
                }
            }
            return hourKeys.size();
        } catch (SQLException | IOException e) {
            throw database.failed(e);
        }
    }

    private static void summarize(Connection c, long hourKey) throws SQLException, IOException {
        List<Bucket> halves = new ArrayList<>(2);
        Buckets buckets = new Buckets(SummaryCodec.SPAN, halves::add);
        new Snapshot(c, (int) (hourKey >>> 32)).points(second(hourKey), second(hourKey) + HOUR, buckets::add);
        buckets.end();
        long hourStart = second(hourKey);
        long dayKey = hourKey - Math.floorMod(hourStart, SummaryCodec.DAY);
        TreeMap<Long, Bucket> day = new TreeMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT hours FROM history_day WHERE day_key = ?")) {
            q.setLong(1, dayKey);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    for (Bucket b : SummaryCodec.decode(second(dayKey), rs.getBytes(1))) {
                        day.put(b.start(), b);
                    }
                }
            }
        }
        day.subMap(hourStart, hourStart + HOUR).clear();
        halves.forEach(b -> day.put(b.start(), b));
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM history_day WHERE day_key = ?");
             PreparedStatement deleteTotal = c.prepareStatement("DELETE FROM history_day_total WHERE day_key = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO history_day (day_key, hours) VALUES (?, ?)");
             PreparedStatement insertTotal = c.prepareStatement("INSERT INTO history_day_total (day_key, total) VALUES (?, ?)");
             PreparedStatement mark = c.prepareStatement("UPDATE history_chunk SET summarized = TRUE WHERE chunk_key = ?")) {
            delete.setLong(1, dayKey);
            delete.executeUpdate();
            deleteTotal.setLong(1, dayKey);
            deleteTotal.executeUpdate();
            if (!day.isEmpty()) {
                List<Bucket> summaries = new ArrayList<>(day.values());
                insert.setLong(1, dayKey);
                insert.setBytes(2, SummaryCodec.encode(second(dayKey), summaries));
                insert.executeUpdate();
                insertTotal.setLong(1, dayKey);
                insertTotal.setBytes(2, SummaryCodec.encodeTotal(second(dayKey), summaries));
                insertTotal.executeUpdate();
            }
            mark.setLong(1, hourKey);
            mark.executeUpdate();
        }
    }

    /**
     * Drops raw samples older than {@code before} (unix s) by whole hours: rows and compact hours of
     * the hours that ended before it.
     */
    public int purgeRaw(long before) {
        try (Connection c = database.connection();
             PreparedStatement rows = c.prepareStatement("DELETE FROM stats_sample WHERE ts < ?");
             PreparedStatement chunks = c.prepareStatement("DELETE FROM history_chunk WHERE last_ts < ?")) {
            // raw samples then always start at an hour, where the summaries of a stepped answer end
            long hour = before - Math.floorMod(before, HOUR);
            rows.setLong(1, hour);
            chunks.setLong(1, hour);
            int purged = rows.executeUpdate() + chunks.executeUpdate();
            memory.withHistory.clear();
            return purged;
        } catch (SQLException e) {
            throw database.failed(e);
        }
    }

    /** Drops the summaries of days that ended before {@code before}, one series' key range at a time. */
    public int purgeSummaries(long before) {
        try (Connection c = database.connection();
             Statement s = c.createStatement();
             ResultSet series = s.executeQuery("SELECT series FROM stats_series");
             PreparedStatement delete = c.prepareStatement("DELETE FROM history_day WHERE day_key BETWEEN ? AND ?");
             PreparedStatement deleteTotals = c.prepareStatement("DELETE FROM history_day_total WHERE day_key BETWEEN ? AND ?")) {
            int purged = 0;
            while (series.next()) {
                range(delete, series.getInt(1), 0, before - SummaryCodec.DAY);
                purged += delete.executeUpdate();
                range(deleteTotals, series.getInt(1), 0, before - SummaryCodec.DAY);
                deleteTotals.executeUpdate();
            }
            memory.withHistory.clear();
            return purged;
        } catch (SQLException e) {
            throw database.failed(e);
        }
    }

    /**
     * Reclaims the file space of deleted and rewritten data (embedded H2; see {@link HistoryDatabase#compactFile}).
     *
     * @return 1 when the file was rewritten whole, else 0
     */
    public int compactFile() {
        return database.compactFile() ? 1 : 0;
    }

    static long key(int series, long second) {
        return ((long) series << 32) | second;
    }

    static long second(long key) {
        return key & LAST_SECOND;
    }

    private static void range(PreparedStatement q, int series, long from, long to) throws SQLException {
        q.setLong(1, key(series, Math.max(0, Math.min(from, LAST_SECOND))));
        q.setLong(2, key(series, Math.max(0, Math.min(to, LAST_SECOND))));
    }

    private static boolean any(Connection c, String table, String keyColumn, int series) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT 1 FROM " + table + " WHERE " + keyColumn + " BETWEEN ? AND ? FETCH FIRST 1 ROWS ONLY")) {
            range(q, series, 0, LAST_SECOND);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static long min(Connection c, String table, String keyColumn, int series, String condition) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + keyColumn + " FROM " + table + " WHERE " + keyColumn
                + " BETWEEN ? AND ?" + condition + " ORDER BY " + keyColumn + " FETCH FIRST 1 ROWS ONLY")) {
            range(q, series, 0, LAST_SECOND);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? second(rs.getLong(1)) : Long.MAX_VALUE;
            }
        }
    }

    private static long max(Connection c, String table, String keyColumn, int series) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + keyColumn + " FROM " + table + " WHERE " + keyColumn
                + " BETWEEN ? AND ? ORDER BY " + keyColumn + " DESC FETCH FIRST 1 ROWS ONLY")) {
            range(q, series, 0, LAST_SECOND);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? second(rs.getLong(1)) : Long.MIN_VALUE;
            }
        }
    }

    static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // the connection is broken anyway: the failure that brought us here is what gets reported
        }
    }

    /** The container's series number, created on first use when {@code create}; null when it has none. */
    private Integer series(Connection c, String containerId, boolean create) throws SQLException {
        memory.forgetIfReplaced(database);
        Integer known = memory.series.get(containerId);
        if (known != null) {
            return known;
        }
        try (PreparedStatement q = c.prepareStatement("SELECT series FROM stats_series WHERE container_id = ?")) {
            q.setString(1, containerId);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    memory.series.put(containerId, rs.getInt(1));
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
            memory.series.put(containerId, series);
            return series;
        }
    }

    private static Point point(ResultSet rs) throws SQLException {
        return new Point(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4), rs.getDouble(5),
                rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9));
    }


    private static Sample sample(String containerId, ResultSet rs) throws SQLException {
        return new Sample(containerId, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                rs.getDouble(5), rs.getDouble(6), rs.getLong(7), rs.getLong(8),
                rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12));
    }
}
