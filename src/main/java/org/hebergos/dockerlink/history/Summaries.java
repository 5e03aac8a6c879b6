package org.hebergos.dockerlink.history;

import static org.hebergos.dockerlink.history.HistoryKeys.HOUR;
import static org.hebergos.dockerlink.history.HistoryKeys.second;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Rolls hours of samples up into half-hour {@link Bucket}s ({@code history_day}, a container's day of
 * them per row in {@link SummaryCodec} form) and the day's total ({@code history_day_total}), which
 * outlive the samples.
 */
final class Summaries {

    private final HistoryDatabase database;

    Summaries(HistoryDatabase database) {
        this.database = database;
    }

    /** @see HistoryStore#summarize */
    int summarize(long now) {
        try (Connection c = database.connection()) {
            List<Long> hourKeys = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT chunk_key FROM history_chunk WHERE summarized = FALSE")) {
                while (rs.next()) {
                    hourKeys.add(rs.getLong(1));
                }
            }
            // hours still in rows an hour after they ended: compaction is failing, the summaries must not wait
            for (long hourKey : HistoryKeys.hoursInRows(c, now - HOUR)) {
                if (!hourKeys.contains(hourKey)) {
                    hourKeys.add(hourKey);
                }
            }
            HistoryKeys.eachHour(c, hourKeys, Summaries::summarizeHour);
            return hourKeys.size();
        } catch (SQLException | IOException e) {
            throw database.failed(e);
        }
    }

    private static void summarizeHour(Connection c, long hourKey) throws SQLException, IOException {
        List<Bucket> halves = new ArrayList<>(2);
        Buckets buckets = new Buckets(SummaryCodec.SPAN, halves::add);
        long hourStart = second(hourKey);
        new HistorySnapshot(c, HistoryKeys.series(hourKey)).points(hourStart, hourStart + HOUR, buckets::add);
        buckets.end();
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
        writeDay(c, dayKey, new ArrayList<>(day.values()));
        try (PreparedStatement mark = c.prepareStatement("UPDATE history_chunk SET summarized = TRUE WHERE chunk_key = ?")) {
            mark.setLong(1, hourKey);
            mark.executeUpdate();
        }
    }

    /** Replaces a day's summaries and its total (removes both when it has none). */
    static void writeDay(Connection c, long dayKey, List<Bucket> summaries) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM history_day WHERE day_key = ?");
             PreparedStatement deleteTotal = c.prepareStatement("DELETE FROM history_day_total WHERE day_key = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO history_day (day_key, hours) VALUES (?, ?)");
             PreparedStatement insertTotal = c.prepareStatement("INSERT INTO history_day_total (day_key, total) VALUES (?, ?)")) {
            delete.setLong(1, dayKey);
            delete.executeUpdate();
            deleteTotal.setLong(1, dayKey);
            deleteTotal.executeUpdate();
            if (!summaries.isEmpty()) {
                insert.setLong(1, dayKey);
                insert.setBytes(2, SummaryCodec.encode(second(dayKey), summaries));
                insert.executeUpdate();
                insertTotal.setLong(1, dayKey);
                insertTotal.setBytes(2, SummaryCodec.encodeTotal(second(dayKey), summaries));
                insertTotal.executeUpdate();
            }
        }
    }
}
