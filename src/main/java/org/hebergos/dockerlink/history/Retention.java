package org.hebergos.dockerlink.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Drops what is past its retention: raw samples ({@code stats_retention}) and summaries ({@code history_retention}). */
final class Retention {

    private final HistoryDatabase database;
    private final SeriesIndex series;

    Retention(HistoryDatabase database, SeriesIndex series) {
        this.database = database;
        this.series = series;
    }

    /** @see HistoryStore#purgeRaw */
    int purgeRaw(long before) {
        try (Connection c = database.connection();
             PreparedStatement rows = c.prepareStatement("DELETE FROM stats_sample WHERE ts < ?");
             PreparedStatement chunks = c.prepareStatement("DELETE FROM history_chunk WHERE last_ts < ?")) {
            // raw samples then always start at an hour, where the summaries of a stepped answer end
            long hour = before - Math.floorMod(before, HistoryKeys.HOUR);
            rows.setLong(1, hour);
            chunks.setLong(1, hour);
            int purged = rows.executeUpdate() + chunks.executeUpdate();
            series.forgetWhoHasHistory();
            return purged;
        } catch (SQLException e) {
            throw database.failed(e);
        }
    }

    /** @see HistoryStore#purgeSummaries */
    int purgeSummaries(long before) {
        try (Connection c = database.connection();
             Statement s = c.createStatement();
             ResultSet numbers = s.executeQuery("SELECT series FROM stats_series");
             PreparedStatement delete = c.prepareStatement("DELETE FROM history_day WHERE day_key BETWEEN ? AND ?");
             PreparedStatement deleteTotals = c.prepareStatement("DELETE FROM history_day_total WHERE day_key BETWEEN ? AND ?")) {
            int purged = 0;
            while (numbers.next()) {
                HistoryKeys.range(delete, numbers.getInt(1), 0, before - SummaryCodec.DAY);
                purged += delete.executeUpdate();
                HistoryKeys.range(deleteTotals, numbers.getInt(1), 0, before - SummaryCodec.DAY);
                deleteTotals.executeUpdate();
            }
            series.forgetWhoHasHistory();
            return purged;
        } catch (SQLException e) {
            throw database.failed(e);
        }
    }
}
