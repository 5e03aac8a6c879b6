package org.hebergos.dockerlink.history;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The tables, in SQL that H2 and PostgreSQL both run, created when missing; and which of the upgrades in
 * {@link HistoryMigrations} a database needs.
 */
final class HistorySchema {

    /** The days of hourly summaries moved to the half-hour form with their totals ({@link HistoryMigrations#hourlyDaysToHalfHours}). */
    static final String HALF_HOUR_DAYS = "half_hour_days";

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
                    HistoryMigrations.hourlyDaysToHalfHours(c);
                }
            }
        }
        if (tableExists(c, "stats_chunk")) {
            HistoryMigrations.jsonHoursToCompact(c);
        }
    }

    static boolean tableExists(Connection c, String table) throws SQLException {
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
}
