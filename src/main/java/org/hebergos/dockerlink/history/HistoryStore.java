package org.hebergos.dockerlink.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.hebergos.dockerlink.stats.Sample;

/**
 * The stats history as numbers, in plain JDBC with SQL that runs on H2 and PostgreSQL alike; it knows
 * nothing of the wire format. What the rest of the agent calls; each job is done by one part: rounds
 * written ({@link SampleWriter}), read ({@link HistoryReader}, {@link HistorySnapshot}), ended hours
 * compacted ({@link HourCompaction}) and summarized ({@link Summaries}), old data purged ({@link Retention}).
 * Keys are laid out by {@link HistoryKeys}.
 *
 * <p>Transactions: every method takes its own connection and commits itself (auto-commit off, one
 * transaction per call or per hour of maintenance). Callers must not be in a JTA transaction when the
 * store is a server DataSource: the sampler and {@link HistoryMaintenance} run with
 * {@code NOT_SUPPORTED}, and JAX-RS requests have none.
 */
@ApplicationScoped
public class HistoryStore {

    HistoryDatabase database;
    private SampleWriter writer;
    private HistoryReader reader;
    private HourCompaction hours;
    private Summaries summaries;
    private Retention retention;

    /** The store on {@code database}, as the server injects it; for those that build it themselves. */
    static HistoryStore on(HistoryDatabase database) {
        HistoryStore store = new HistoryStore();
        store.use(database);
        return store;
    }

    @Inject
    void use(HistoryDatabase database) {
        this.database = database;
        SeriesIndex series = new SeriesIndex(database);
        writer = new SampleWriter(database, series);
        reader = new HistoryReader(database, series);
        hours = new HourCompaction(database);
        summaries = new Summaries(database);
        retention = new Retention(database, series);
    }

    /**
     * Stores one or more rounds all-or-nothing in one transaction, returning once the database has them
     * durably. A sample whose container and second are already stored (a clock set back, a round
     * written twice) is skipped, never failing the rest.
     *
     * @throws StoreUnavailable when the database cannot take them; nothing of the batch is stored then
     */
    public void insert(List<Sample> samples) {
        writer.insert(samples);
    }

    /**
     * The newest stored sample of a container with its baselines, the sampler's starting point after a
     * restart; empty when none is stored or the newest is from before the baselines were kept.
     */
    public Optional<Sample> last(String containerId) {
        return reader.last(containerId);
    }

    /** Whether any history, raw or summarized, is stored for the container. */
    public boolean known(String containerId) {
        return reader.known(containerId);
    }

    /** Fails with {@link StoreUnavailable} now rather than in the middle of an answer. */
    public void check() {
        database.check();
    }

    /**
     * Runs {@code reading} on one consistent snapshot of a container's history.
     *
     * @return false when no history is stored for the container
     */
    public boolean read(String containerId, Reading reading) throws IOException {
        return reader.read(containerId, reading);
    }

    /** What an answer does with a snapshot. */
    public interface Reading {
        void read(HistorySnapshot snapshot) throws SQLException, IOException;
    }

    /**
     * Moves the samples of every hour that ended by {@code before} from rows into the hour's compact
     * form, one container and hour per transaction (merging with one already written for it).
     *
     * @return how many container-hours it wrote
     */
    public int compactHours(long before) {
        return hours.compactHours(before);
    }

    /**
     * Writes the summaries (its two half hours) of every compacted hour not summarized yet, and of hours
     * that ended more than an hour before {@code now} but are still in rows (compaction failing), one
     * hour per transaction.
     *
     * @return how many hours it summarized
     */
    public int summarize(long now) {
        return summaries.summarize(now);
    }

    /**
     * Drops raw samples older than {@code before} (unix s) by whole hours: rows and compact hours of
     * the hours that ended before it.
     */
    public int purgeRaw(long before) {
        return retention.purgeRaw(before);
    }

    /** Drops the summaries of days that ended before {@code before}, one series' key range at a time. */
    public int purgeSummaries(long before) {
        return retention.purgeSummaries(before);
    }

    /**
     * Gives the file back the space of deleted and rewritten data (embedded H2; see
     * {@link HistoryDatabase#reclaimSpace}).
     *
     * @return 1 when the file was rewritten whole, else 0
     */
    public int reclaimFileSpace() {
        return database.reclaimSpace() ? 1 : 0;
    }
}
