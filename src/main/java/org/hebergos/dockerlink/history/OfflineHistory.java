package org.hebergos.dockerlink.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.hebergos.dockerlink.config.Settings;

/**
 * The embedded store of a data dir opened outside the server, to write a long history before an agent
 * opens it: the bench seeds a year and the integration tests days, through the agent's own store,
 * schema, codecs and maintenance, in a minute instead of the time it covers. Not used by the agent.
 */
public final class OfflineHistory implements AutoCloseable {

    private final HistoryDatabase database;
    private final HistoryStore store;

    private OfflineHistory(HistoryDatabase database) {
        this.database = database;
        this.store = HistoryStore.on(database);
    }

    /** The store of {@code dataDir}'s {@code stats.mv.db}, created when missing. */
    public static OfflineHistory open(Path dataDir) {
        HistoryDatabase database = new HistoryDatabase();
        database.settings = Settings.from(Map.of("data_dir", dataDir.toString()), name -> null);
        return new OfflineHistory(database);
    }

    /** The store as the agent uses it: rounds inserted, then the maintenance steps. */
    public HistoryStore store() {
        return store;
    }

    /**
     * Writes a container's hour straight in its compact form, as compaction would have made it of rows,
     * but without the baseline only the newest hour needs: hours a year back seed 60 times faster so.
     */
    public void writeHour(String containerId, long hourStart, List<Point> points) {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            int series = new SeriesIndex(database).findOrCreate(c, containerId);
            HourCompaction.writeHour(c, HistoryKeys.key(series, hourStart), points, null);
            c.commit();
        } catch (SQLException e) {
            throw database.failed(e);
        }
    }

    /** The maintenance's full rewrite, when the file has grown enough since the last one. */
    public void rewriteFileIfGrown() {
        if (database.grownSinceRewrite()) {
            database.rewriteFile();
        }
    }

    /** The file rewritten with only its live data now: the smallest it gets. */
    public void rewriteFile() {
        database.rewriteFile();
    }

    /**
     * H2 keeps what it rewrote for 45 s before reusing the space; the agent writes a round every 10 s, so
     * by the time of a round most of what earlier rounds rewrote is reusable. Seeding a week in a minute
     * would keep all of it: the seed lets H2 reuse the space at once instead, standing for the time that
     * passes between rounds. Lasts until the database is closed.
     */
    public void reuseSpaceAtOnce() {
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            s.execute("SET RETENTION_TIME 0");
        } catch (SQLException e) {
            throw database.failed(e);
        }
    }

    /** Closes the database, so that an agent can open the file. */
    @Override
    public void close() {
        database.dispose();
    }
}
