package org.hebergos.dockerlink.history;

import static org.hebergos.dockerlink.history.HistoryKeys.HOUR;
import static org.hebergos.dockerlink.history.HistoryKeys.second;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.hebergos.dockerlink.stats.Sample;

/**
 * Moves ended hours of samples from rows ({@code stats_sample}) into compact hours ({@code history_chunk},
 * one container's hour in {@link SampleCodec} form): a row takes about 230 bytes, a compact sample
 * 1.8 to 13.5 (bench/RESULTS.md).
 */
final class HourCompaction {

    private final HistoryDatabase database;

    HourCompaction(HistoryDatabase database) {
        this.database = database;
    }

    /** @see HistoryStore#compactHours */
    int compactHours(long before) {
        try (Connection c = database.connection()) {
            List<Long> hourKeys = HistoryKeys.hoursInRows(c, before);
            HistoryKeys.eachHour(c, hourKeys, HourCompaction::compactHour);
            return hourKeys.size();
        } catch (SQLException | IOException e) {
            throw database.failed(e);
        }
    }

    private static void compactHour(Connection c, long hourKey) throws SQLException {
        TreeMap<Long, Point> points = new TreeMap<>();
        Baseline baseline = null;
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
                    baseline = Baseline.read(rs, 3);
                    if (baseline != null) {
                        baselineTime = rs.getLong(1);
                    }
                }
            }
        }
        try (PreparedStatement q = c.prepareStatement("SELECT " + SampleRows.COLUMNS
                + " FROM stats_sample WHERE sample_key BETWEEN ? AND ?")) {
            q.setLong(1, hourKey);
            q.setLong(2, hourKey + HOUR - 1);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Sample s = SampleRows.sample(null, rs);
                    // a second already in the chunk keeps what was stored first
                    if (points.putIfAbsent(s.time(), Point.of(s)) == null && s.time() > baselineTime) {
                        baseline = Baseline.of(s);
                        baselineTime = s.time();
                    }
                }
            }
        }
        if (baselineTime != points.lastKey()) {
            baseline = null;
        }
        writeHour(c, hourKey, new ArrayList<>(points.values()), baseline);
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM stats_sample WHERE sample_key BETWEEN ? AND ?")) {
            delete.setLong(1, hourKey);
            delete.setLong(2, hourKey + HOUR - 1);
            delete.executeUpdate();
        }
    }

    /** Writes (or replaces) a compact hour, marked for summarizing; {@code baseline} of its last sample or null. */
    static void writeHour(Connection c, long hourKey, List<Point> points, Baseline baseline) throws SQLException {
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
            Baseline.write(insert, 4, baseline);
            insert.executeUpdate();
        }
    }
}
