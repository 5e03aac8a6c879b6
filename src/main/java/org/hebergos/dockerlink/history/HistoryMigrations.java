package org.hebergos.dockerlink.history;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.hebergos.dockerlink.stats.StatsMath;

/**
 * The upgrades of a database written in a format that was on main before, each resumable when
 * interrupted. Kept: the previous release's hours of samples rendered as JSON text ({@code stats_chunk},
 * {@link #jsonHoursToCompact}), and the days of hourly summaries main held from the merge of the compact
 * history (2026-11-27 13:27) until the half-hour form (16:35) ({@link #hourlyDaysToHalfHours}). Recent
 * samples ({@code stats_sample}) and series numbers ({@code stats_series}) kept their layout throughout.
 */
final class HistoryMigrations {

    private static final Logger LOG = Logger.getLogger(HistoryMigrations.class.getName());

    private HistoryMigrations() {
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
            HistoryKeys.rollback(c);
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
    static void hourlyDaysToHalfHours(Connection c) throws SQLException {
        Map<Long, byte[]> totals = new HashMap<>();
        inTransaction(c, () -> {
            try (Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT day_key, hours FROM history_day");
                     PreparedStatement rewrite = c.prepareStatement("UPDATE history_day SET hours = ? WHERE day_key = ?")) {
                    while (rs.next()) {
                        long dayKey = rs.getLong(1);
                        long day = HistoryKeys.second(dayKey);
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
                s.executeUpdate("DELETE FROM history_pending WHERE step = '" + HistorySchema.HALF_HOUR_DAYS + "'");
            }
        });
        LOG.info(() -> "stats store: " + totals.size() + " days of hourly summaries moved to the half-hour form");
    }

    static void jsonHoursToCompact(Connection c) throws SQLException {
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
                    HourCompaction.writeHour(c, key, points, null);
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
