package org.hebergos.dockerlink.history;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys of every history table: {@code series << 32 | unix second}, so one container's history is one
 * contiguous key range in each table; and the few SQL pieces the store's parts all use.
 */
final class HistoryKeys {

    static final long LAST_SECOND = 0xFFFF_FFFFL;
    static final long HOUR = 3600;

    private HistoryKeys() {
    }

    static long key(int series, long second) {
        return ((long) series << 32) | second;
    }

    static long second(long key) {
        return key & LAST_SECOND;
    }

    static int series(long key) {
        return (int) (key >>> 32);
    }

    /** Binds parameters 1 and 2 to the keys of {@code series} from {@code from} to {@code to}, both included. */
    static void range(PreparedStatement q, int series, long from, long to) throws SQLException {
        q.setLong(1, key(series, Math.max(0, Math.min(from, LAST_SECOND))));
        q.setLong(2, key(series, Math.max(0, Math.min(to, LAST_SECOND))));
    }

    /** The keys of the container-hours that ended by {@code before} and still have samples in rows. */
    static List<Long> hoursInRows(Connection c, long before) throws SQLException {
        List<Long> hourKeys = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT DISTINCT sample_key - MOD(ts, " + HOUR + ")"
                + " FROM stats_sample WHERE ts < ?")) {
            q.setLong(1, before - Math.floorMod(before, HOUR));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    hourKeys.add(rs.getLong(1));
                }
            }
        }
        return hourKeys;
    }

    /** The unix second of the first ({@code ascending}) or last key of a series in a table; else MAX/MIN_VALUE. */
    static long edge(Connection c, String table, String keyColumn, int series, String condition, boolean ascending)
            throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + keyColumn + " FROM " + table + " WHERE " + keyColumn
                + " BETWEEN ? AND ?" + condition + " ORDER BY " + keyColumn + (ascending ? "" : " DESC") + " FETCH FIRST 1 ROWS ONLY")) {
            range(q, series, 0, LAST_SECOND);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? second(rs.getLong(1)) : ascending ? Long.MAX_VALUE : Long.MIN_VALUE;
            }
        }
    }

    /** One container-hour's work of the maintenance. */
    interface HourWork {
        void run(Connection c, long hourKey) throws SQLException, IOException;
    }

    /**
     * Runs {@code work} for each hour, one transaction each: what was done before a failure stays done,
     * and the next run resumes with the rest.
     */
    static void eachHour(Connection c, List<Long> hourKeys, HourWork work) throws SQLException, IOException {
        c.setAutoCommit(false);
        for (long hourKey : hourKeys) {
            try {
                work.run(c, hourKey);
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                rollback(c);
                throw e;
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
}
