package org.hebergos.dockerlink.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hebergos.dockerlink.stats.Sample;

/** Stores the sampler's rounds as rows of {@code stats_sample}. */
final class SampleWriter {

    private final HistoryDatabase database;
    private final SeriesIndex series;

    SampleWriter(HistoryDatabase database, SeriesIndex series) {
        this.database = database;
        this.series = series;
    }

    /** @see HistoryStore#insert */
    void insert(List<Sample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        try (Connection c = database.connection()) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO stats_sample (sample_key, " + SampleRows.COLUMNS + ")"
                    + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
                    + " (SELECT 1 FROM stats_sample WHERE sample_key = ?)")) {
                c.setAutoCommit(false);
                Set<Long> keys = new HashSet<>();
                for (Sample s : samples) {
                    long key = HistoryKeys.key(series.findOrCreate(c, s.containerId()), s.time());
                    if (keys.add(key)) {
                        bind(insert, key, s);
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
                c.commit();
                database.durable(c);
                database.recovered();
            } catch (SQLException | RuntimeException e) {
                series.forgetSeries();
                HistoryKeys.rollback(c);
                throw e;
            }
        } catch (SQLException e) {
            throw database.failed(e);
        }
    }

    private static void bind(PreparedStatement insert, long key, Sample s) throws SQLException {
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
        // NOT EXISTS: a second already stored (a clock set back, a round written twice) is skipped
        insert.setLong(14, key);
    }
}
