package org.hebergos.dockerlink.history;

import static org.hebergos.dockerlink.history.HistoryKeys.LAST_SECOND;
import static org.hebergos.dockerlink.history.HistoryKeys.second;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.hebergos.dockerlink.stats.Sample;

/** Reads a container's history: its newest sample for the sampler, whether it has any, and snapshots for answers. */
final class HistoryReader {

    private final HistoryDatabase database;
    private final SeriesIndex series;

    HistoryReader(HistoryDatabase database, SeriesIndex series) {
        this.database = database;
        this.series = series;
    }

    /** @see HistoryStore#last */
    Optional<Sample> last(String containerId) {
        try (Connection c = database.connection()) {
            Integer number = series.find(c, containerId);
            if (number == null) {
                return Optional.empty();
            }
            Sample row = null;
            try (PreparedStatement q = c.prepareStatement("SELECT " + SampleRows.COLUMNS
                    + " FROM stats_sample WHERE sample_key BETWEEN ? AND ? ORDER BY sample_key DESC FETCH FIRST 1 ROWS ONLY")) {
                HistoryKeys.range(q, number, 0, LAST_SECOND);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        row = SampleRows.sample(containerId, rs);
                    }
                }
            }
            try (PreparedStatement q = c.prepareStatement("SELECT chunk_key, body, run_started, cpu_total, cpu_clock"
                    + " FROM history_chunk WHERE chunk_key BETWEEN ? AND ? ORDER BY chunk_key DESC FETCH FIRST 1 ROWS ONLY")) {
                HistoryKeys.range(q, number, row == null ? 0 : row.time() + 1, LAST_SECOND);
                try (ResultSet rs = q.executeQuery()) {
                    Baseline baseline = rs.next() ? Baseline.read(rs, 3) : null;
                    if (baseline != null) {
                        SampleCodec.Reader points = new SampleCodec.Reader(second(rs.getLong(1)), rs.getBytes(2));
                        Point p = points.next();
                        while (points.hasNext()) {
                            p = points.next();
                        }
                        if (row == null || p.time() > row.time()) {
                            return Optional.of(baseline.sample(containerId, p));
                        }
                    }
                }
            }
            return Optional.ofNullable(row);
        } catch (SQLException e) {
            throw database.failed(e);
        }
    }

    /** @see HistoryStore#known */
    boolean known(String containerId) {
        if (series.knownToHaveHistory(containerId)) {
            return true;
        }
        try (Connection c = database.connection()) {
            Integer number = series.find(c, containerId);
            boolean known = number != null && (any(c, "stats_sample", "sample_key", number)
                    || any(c, "history_chunk", "chunk_key", number) || any(c, "history_day", "day_key", number));
            if (known) {
                series.hasHistory(containerId);
            }
            return known;
        } catch (SQLException e) {
            throw database.failed(e);
        }
    }

    /** @see HistoryStore#read */
    boolean read(String containerId, HistoryStore.Reading reading) throws IOException {
        try (Connection c = database.connection()) {
            Integer number = series.find(c, containerId);
            if (number == null) {
                return false;
            }
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setAutoCommit(false);
            try {
                reading.read(new HistorySnapshot(c, number));
            } finally {
                // the next checkout restores auto-commit and the isolation level
                HistoryKeys.rollback(c);
            }
            return true;
        } catch (SQLException e) {
            throw database.failed(e);
        }
    }

    private static boolean any(Connection c, String table, String keyColumn, int series) throws SQLException {
        return HistoryKeys.edge(c, table, keyColumn, series, "", true) != Long.MAX_VALUE;
    }
}
