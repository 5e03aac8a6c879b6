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
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads of one container's history inside one transaction: compaction moves samples between tables, and
 * every read of one answer must see the same moment.
 */
public final class HistorySnapshot {

    private final Connection c;
    private final int series;

    HistorySnapshot(Connection c, int series) {
        this.c = c;
        this.series = series;
    }

    /** Receives raw samples in time order. */
    public interface PointSink {
        void point(Point point) throws IOException;
    }

    /** Receives summaries in time order. */
    public interface BucketSink {
        void bucket(Bucket bucket) throws IOException;
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
            HistoryKeys.range(q, series, from - Math.floorMod(from, HOUR), until - 1);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    hours.add(second(rs.getLong(1)));
                    bodies.add(rs.getBytes(2));
                }
            }
        }
        try (PreparedStatement q = c.prepareStatement("SELECT " + SampleRows.POINT_COLUMNS
                + " FROM stats_sample WHERE sample_key BETWEEN ? AND ? ORDER BY sample_key")) {
            q.setFetchSize(1000);
            HistoryKeys.range(q, series, from, until - 1);
            try (ResultSet rs = q.executeQuery()) {
                Long firstAfterChunks = hours.isEmpty() ? null : hours.get(hours.size() - 1) + HOUR;
                while (rs.next()) {
                    Point p = SampleRows.point(rs);
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
                HistoryKeys.range(q, series, firstDay, endOfDays - 1);
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
            HistoryKeys.range(q, series, from - Math.floorMod(from, SummaryCodec.DAY), until - 1);
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
        return Math.min(oldest("history_chunk", "chunk_key", ""), oldest("stats_sample", "sample_key", ""));
    }

    /** Hours before this are all summarized: the oldest hour still raw and not summarized, or MAX_VALUE. */
    public long summarizedUntil() throws SQLException {
        long row = oldest("stats_sample", "sample_key", "");
        long chunk = oldest("history_chunk", "chunk_key", " AND summarized = FALSE");
        long oldest = Math.min(row, chunk);
        return oldest == Long.MAX_VALUE ? oldest : oldest - Math.floorMod(oldest, HOUR);
    }

    /** The newest raw sample, if any. */
    public Optional<Point> newest() throws SQLException, IOException {
        Point[] newest = {null};
        long rows = HistoryKeys.edge(c, "stats_sample", "sample_key", series, "", false);
        long chunks = HistoryKeys.edge(c, "history_chunk", "chunk_key", series, "", false);
        long from = Math.max(rows, chunks);
        if (from == Long.MIN_VALUE) {
            return Optional.empty();
        }
        points(from, HistoryKeys.LAST_SECOND + 1, p -> newest[0] = p);
        return Optional.ofNullable(newest[0]);
    }

    private long oldest(String table, String keyColumn, String condition) throws SQLException {
        return HistoryKeys.edge(c, table, keyColumn, series, condition, true);
    }
}
