package org.hebergos.dockerlink.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each container's series number ({@code stats_series}) and whether it has history, remembered between
 * calls. All of it is void once a new database was started (the old file damaged): it is forgotten then,
 * before a series number of the old file could be used in the new one.
 */
final class SeriesIndex {

    private final HistoryDatabase database;
    private final Map<String, Integer> series = new ConcurrentHashMap<>();
    /** Containers found to have history: only a purge takes it away, and each purge forgets them all. */
    private final Set<String> withHistory = ConcurrentHashMap.newKeySet();
    /** The {@link HistoryDatabase#generation} the two are of. */
    private volatile int generation;

    SeriesIndex(HistoryDatabase database) {
        this.database = database;
    }

    /** The container's series number; null when it has none. */
    Integer find(Connection c, String containerId) throws SQLException {
        forgetIfReplaced();
        Integer known = series.get(containerId);
        if (known != null) {
            return known;
        }
        try (PreparedStatement q = c.prepareStatement("SELECT series FROM stats_series WHERE container_id = ?")) {
            q.setString(1, containerId);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    series.put(containerId, rs.getInt(1));
                    return rs.getInt(1);
                }
            }
        }
        return null;
    }

    /** The container's series number, created in {@code c}'s transaction when it has none. */
    int findOrCreate(Connection c, String containerId) throws SQLException {
        Integer known = find(c, containerId);
        if (known != null) {
            return known;
        }
        // only the sampler creates series, one round at a time, so MAX + 1 cannot race
        try (Statement max = c.createStatement(); ResultSet rs = max.executeQuery("SELECT COALESCE(MAX(series), 0) + 1 FROM stats_series");
             PreparedStatement insert = c.prepareStatement("INSERT INTO stats_series (series, container_id) VALUES (?, ?)")) {
            rs.next();
            int created = rs.getInt(1);
            insert.setInt(1, created);
            insert.setString(2, containerId);
            insert.executeUpdate();
            series.put(containerId, created);
            return created;
        }
    }

    /** After a failed write: the series it created were rolled back with it. */
    void forgetSeries() {
        series.clear();
    }

    boolean knownToHaveHistory(String containerId) {
        forgetIfReplaced();
        return withHistory.contains(containerId);
    }

    void hasHistory(String containerId) {
        withHistory.add(containerId);
    }

    /** After a purge, which may have taken a container's last history. */
    void forgetWhoHasHistory() {
        withHistory.clear();
    }

    private void forgetIfReplaced() {
        int current = database.generation();
        if (current != generation) {
            series.clear();
            withHistory.clear();
            generation = current;
        }
    }
}
