package org.hebergos.dockerlink.history;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.hebergos.dockerlink.stats.StatsMath;

/**
 * The tables, in SQL that H2 and PostgreSQL both run, and the upgrade of a database written by the
 * release before compact history: its hours of samples rendered as JSON text ({@code stats_chunk}) are
 * read back into numbers, stored in the compact form and dropped, one hour per transaction, so an
 * interrupted upgrade resumes at the next start. Recent samples ({@code stats_sample}) and series
 * numbers ({@code stats_series}) keep the layout they had.
 */
final class HistorySchema {

    private static final Logger LOG = Logger.getLogger(HistorySchema.class.getName());
    /** The days of hourly summaries moved to the half-hour form with their totals ({@link #migrateHourlyDays}). */
    private static final String HALF_HOUR_DAYS = "half_hour_days";

    private HistorySchema() {
    }

    static void prepare(Connection c) throws SQLException {
        // days of hourly summaries, written before summaries were per half hour and days had totals
        boolean hourlyDays = tableExists(c, "history_day") && !tableExists(c, "history_day_total");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS stats_series ("
                    + "series INTEGER NOT NULL PRIMARY KEY, container_id VARCHAR(64) NOT NULL UNIQUE)");
            // the newest samples, one row each, until compaction moves their hour into history_chunk
            s.execute("CREATE TABLE IF NOT EXISTS stats_sample ("
                    + "sample_key BIGINT NOT NULL PRIMARY KEY, ts BIGINT NOT NULL, run_started BIGINT NOT NULL,"
                    + " mem_used BIGINT NOT NULL, mem_limit BIGINT NOT NULL,"
                    + " cpu_percent DOUBLE PRECISION NOT NULL, cpu_limit DOUBLE PRECISION NOT NULL,"
                    + " cpu_total BIGINT NOT NULL, cpu_clock BIGINT NOT NULL,"
                    + " net_up BIGINT NOT NULL, net_down BIGINT NOT NULL, delta_up BIGINT NOT NULL, delta_down BIGINT NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS stats_sample_ts ON stats_sample (ts)");
            // one container's hour of samples in SampleCodec form; the baseline of its last sample
            // (absent for hours migrated from JSON, which did not keep it); summarized: history_day holds its hour as it is
            s.execute("CREATE TABLE IF NOT EXISTS history_chunk ("
                    + "chunk_key BIGINT NOT NULL PRIMARY KEY, last_ts BIGINT NOT NULL, body BYTEA NOT NULL,"
                    + " run_started BIGINT, cpu_total BIGINT, cpu_clock BIGINT, summarized BOOLEAN NOT NULL)");
            // the hours not yet summarized are the newest few: found without reading every hour's body
            s.execute("CREATE INDEX IF NOT EXISTS history_chunk_unsummarized ON history_chunk (summarized, chunk_key)");
            // one container's day of half-hour Buckets in SummaryCodec form, kept history_retention
            s.execute("CREATE TABLE IF NOT EXISTS history_day ("
                    + "day_key BIGINT NOT NULL PRIMARY KEY, hours BYTEA NOT NULL)");
            // upgrades begun and not yet committed: H2 commits at each CREATE TABLE, so a table's
            // existence cannot say that the rows it came with were written
            s.execute("CREATE TABLE IF NOT EXISTS history_pending (step VARCHAR(64) NOT NULL PRIMARY KEY)");
            if (hourlyDays) {
                s.execute("INSERT INTO history_pending (step) SELECT '" + HALF_HOUR_DAYS + "' WHERE NOT EXISTS"
                        + " (SELECT 1 FROM history_pending WHERE step = '" + HALF_HOUR_DAYS + "')");
            }
            // the day's total, apart: a year by day reads 400 of these small rows instead of the days
            s.execute("CREATE TABLE IF NOT EXISTS history_day_total (day_key BIGINT NOT NULL PRIMARY KEY, total BYTEA NOT NULL)");
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM history_pending WHERE step = '" + HALF_HOUR_DAYS + "'")) {
                if (rs.next()) {
                    migrateHourlyDays(c);
                }
            }
        }
        if (tableExists(c, "stats_chunk")) {
            migrateJsonChunks(c);
        }
    }

    private interface Work {
        void run() throws SQLException;
    }

    /** Runs {@code work} and commits it (it may commit parts itself); rolls back what is left on failure. */
    private static void inTransaction(Connection c, Work work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            work.run();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            HistoryStore.rollback(c);
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * Rewrites each day of hourly summaries in the half-hour form, an hour standing as one summary at
     * its start (it counts whole in the bucket its start falls in, as before), fills the totals and
     * clears the pending step, all in one transaction: a failure leaves the step pending for the next start.
     */
    private static void migrateHourlyDays(Connection c) throws SQLException {
        Map<Long, byte[]> totals = new HashMap<>();
        inTransaction(c, () -> {
            try (Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT day_key, hours FROM history_day");
                     PreparedStatement rewrite = c.prepareStatement("UPDATE history_day SET hours = ? WHERE day_key = ?")) {
                    while (rs.next()) {
                        long dayKey = rs.getLong(1);
                        long day = HistoryStore.second(dayKey);
                        List<Bucket> hours = SummaryCodec.decodeHourly(day, rs.getBytes(2));
                        rewrite.setBytes(1, SummaryCodec.encode(day, hours));
                        rewrite.setLong(2, dayKey);
                        rewrite.executeUpdate();
                        if (!hours.isEmpty()) {
                            totals.put(dayKey, SummaryCodec.encodeTotal(day, hours));
                        }
                    }
                }
                try (PreparedStatement total = c.prepareStatement("INSERT INTO history_day_total (day_key, total) VALUES (?, ?)")) {
                    for (Map.Entry<Long, byte[]> t : totals.entrySet()) {
                        total.setLong(1, t.getKey());
                        total.setBytes(2, t.getValue());
                        total.executeUpdate();
                    }
                }
                s.executeUpdate("DELETE FROM history_pending WHERE step = '" + HALF_HOUR_DAYS + "'");
            }
        });
        LOG.info(() -> "stats store: " + totals.size() + " days of hourly summaries moved to the half-hour form");
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet rs = meta.getTables(null, null, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void migrateJsonChunks(Connection c) throws SQLException {
        List<Long> keys = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT chunk_key FROM stats_chunk ORDER BY chunk_key")) {
            while (rs.next()) {
                keys.add(rs.getLong(1));
            }
        }
        LOG.info(() -> "stats store: moving " + keys.size() + " container-hours of history to the compact form");
        inTransaction(c, () -> {
            try (PreparedStatement read = c.prepareStatement("SELECT body FROM stats_chunk WHERE chunk_key = ?");
                 PreparedStatement drop = c.prepareStatement("DELETE FROM stats_chunk WHERE chunk_key = ?")) {
                for (long key : keys) {
                    read.setLong(1, key);
                    List<Point> points = new ArrayList<>();
                    try (ResultSet rs = read.executeQuery()) {
                        if (rs.next()) {
                            for (String member : rs.getString(1).split("\n")) {
                                points.add(fromJson(member));
                            }
                        }
                    }
                    HistoryStore.writeChunk(c, key, points, null);
                    drop.setLong(1, key);
                    drop.executeUpdate();
                    // one hour per transaction: an interrupted upgrade resumes at the next start
                    c.commit();
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE stats_chunk");
            }
        });
        LOG.info("stats store: history moved to the compact form");
    }

    /**
     * A member {@code "time":{"memory":{"used":…,"limit":…},"cpu":{…},"net":{…}}} as the release before
     * wrote it, back in raw units. Exact: GiB were bytes over 2^30 and KiB were written exactly, so the
     * numbers written again are the same text.
     */
    static Point fromJson(String member) {
        long[] at = {0};
        long time = Long.parseLong(member, 1, member.indexOf('"', 1), 10);
        at[0] = member.indexOf('{');
        long used = Math.round(Double.parseDouble(next(member, at)) * StatsMath.BYTES_PER_GIB);
        long limit = Math.round(Double.parseDouble(next(member, at)) * StatsMath.BYTES_PER_GIB);
        double cpu = Double.parseDouble(next(member, at));
        double cpuLimit = Double.parseDouble(next(member, at));
        long up = bytes(next(member, at));
        long down = bytes(next(member, at));
        long deltaUp = bytes(next(member, at));
        long deltaDown = bytes(next(member, at));
        return new Point(time, used, limit, cpu, cpuLimit, up, down, deltaUp, deltaDown);
    }

    /** The next number after a {@code ":"} from {@code at[0]} on. */
    private static String next(String text, long[] at) {
        int i = (int) at[0];
        while (true) {
            i = text.indexOf("\":", i) + 2;
            char first = text.charAt(i);
            if (first != '{') {
                int end = i;
                while (end < text.length() && text.charAt(end) != ',' && text.charAt(end) != '}') {
                    end++;
                }
                at[0] = end;
                return text.substring(i, end);
            }
        }
    }

    private static long bytes(String kib) {
        return new BigDecimal(kib).multiply(BigDecimal.valueOf(1024)).longValueExact();
    }
}
