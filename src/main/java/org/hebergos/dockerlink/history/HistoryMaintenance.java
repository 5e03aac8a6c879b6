package org.hebergos.dockerlink.history;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hebergos.dockerlink.config.Settings;
import org.hebergos.dockerlink.logging.RepeatedFailureLog;

/**
 * Every 15 minutes: moves ended hours of samples into their compact form, summarizes them by the half hour,
 * purges samples past {@code stats_retention} and summaries past {@code history_retention}, and
 * gives the file back the space of what it rewrote. Each step
 * runs whatever happened to the others (a failing compaction never keeps old samples from being
 * purged) and no failure escapes the timer, so it fires again. At deployment it opens the store once,
 * so a database that cannot be opened is reported (one WARNING line) before the first request.
 *
 * <p>{@code NOT_SUPPORTED}: the store commits its own transactions, which a server DataSource allows
 * only outside a container transaction.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HistoryMaintenance {

    private static final Logger LOG = Logger.getLogger(HistoryMaintenance.class.getName());

    @Inject
    Settings settings;
    @Inject
    HistoryStore store;

    /** Each step's failures, so a step failing the same way every time is said once. */
    private final Map<String, RepeatedFailureLog> failures = new ConcurrentHashMap<>();

    @PostConstruct
    void openStore() {
        try {
            store.check();
        } catch (StoreUnavailable e) {
            // the store logged it; it tries again on every use
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "stats store: " + e, e);
        }
    }

    @Schedule(minute = "*/15", hour = "*", persistent = false)
    void maintain() {
        maintain(Instant.now().getEpochSecond());
    }

    void maintain(long now) {
        step("compaction", () -> store.compactHours(now));
        step("summaries", () -> store.summarize(now));
        step("purge of samples", () -> store.purgeRaw(now - settings.statsRetention().toSeconds()));
        step("purge of summaries", () -> store.purgeSummaries(now - settings.historyRetention().toSeconds()));
        step("file compaction", store::reclaimFileSpace);
    }

    private void step(String name, IntSupplier step) {
        RepeatedFailureLog log = failures.computeIfAbsent(name, n -> new RepeatedFailureLog(LOG, "stats maintenance, " + n));
        try {
            int done = step.getAsInt();
            log.succeeded();
            LOG.fine(() -> "stats maintenance, " + name + ": " + done);
        } catch (RuntimeException e) {
            // the store said why it is unavailable; anything else is unforeseen and needs its trace
            log.failed(e.getMessage(), e instanceof StoreUnavailable ? null : e);
        }
    }
}
