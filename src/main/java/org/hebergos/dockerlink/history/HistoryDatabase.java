package org.hebergos.dockerlink.history;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.hebergos.dockerlink.config.Settings;
import org.hebergos.dockerlink.logging.RepeatedFailureLog;

/**
 * Where the history lives and whether it can be reached: the embedded H2 file under {@code data_dir},
 * or the server's DataSource named by {@code stats_datasource}. Opening never fails a deployment: a
 * database that cannot be opened (another agent holds it, disk full, read-only) is one
 * WARNING line and a {@link StoreUnavailable} for each use, and every use tries again, so the agent
 * recovers by itself when the cause goes away. After a failure an embedded database is closed and
 * reopened on the next use, never reused half broken; an embedded file found damaged is kept aside
 * and a new one started ({@link DamagedFile}).
 */
@ApplicationScoped
public class HistoryDatabase {

    private static final Logger LOG = Logger.getLogger(HistoryDatabase.class.getName());
    private static final int H2_CLOSED = 90098;
    private static final int H2_CLOSED_AT_SHUTDOWN = 90121;
    private static final long IDLE_WAIT_MILLIS = 10_000;
    /** Connections of the embedded database's pool. */
    static final int POOL_SIZE = 16;

    @Inject
    Settings settings;

    private DataSource dataSource;
    private JdbcConnectionPool embedded;
    /** The last pool disposed: its connections still out keep the database open. */
    private JdbcConnectionPool disposed;
    private final RepeatedFailureLog failures = new RepeatedFailureLog(LOG, "stats store");
    private DatabaseFile file;
    /** Whether the embedded file was looked at read-only before its first opening. */
    private boolean fileChecked;
    /** Why the embedded file was found damaged in use, to be moved aside before it is opened again; else null. */
    private volatile String damagedInUse;
    private volatile DamagedFile damage;
    private volatile int generation;

    /** A connection to a prepared (created, migrated) store. */
    Connection connection() {
        for (int attempt = 0; ; attempt++) {
            Connection c = null;
            try {
                synchronized (this) {
                    // on the lock a file compaction holds: a checkout never meets a pool being disposed
                    // or a file being rewritten
                    c = open().getConnection();
                }
                // a pooled connection comes back as the last user left it: a transaction left open
                // there would pin an old snapshot (a series number read as free that is taken)
                c.setAutoCommit(true);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                return c;
            } catch (SQLException e) {
                close(c);
                // the database closed under the pool (H2 does when its writer thread fails, e.g. on a
                // class it could not load while the server reloaded the application): open it again, once
                if (attempt > 0 || (e.getErrorCode() != H2_CLOSED && e.getErrorCode() != H2_CLOSED_AT_SHUTDOWN)) {
                    throw failed(e);
                }
                LOG.warning(() -> "stats store: the database had closed (" + FailureReason.of(e) + "), opening it again");
                dispose();
            }
        }
    }

    /** Gives a connection back to its pool, or closes it, whatever state it is in. */
    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the failure that brought us here is the one reported
            }
        }
    }

    /**
     * The reason, logged once per distinct cause, and the exception every caller answers with. After
     * anything but a data error an embedded database is disposed, so the next use reopens the file.
     */
    StoreUnavailable failed(Exception e) {
        String reason = where() + ": " + FailureReason.of(e);
        if (settings.statsDataSource().isEmpty() && DamagedFile.isCorruption(e)) {
            damagedInUse = FailureReason.of(e);
        }
        if (!FailureReason.isDataError(e)) {
            dispose();
        }
        failures.failed(reason);
        return new StoreUnavailable(reason, e);
    }

    /**
     * Makes what {@code c} committed durable before returning. H2 writes commits to the file from a
     * background thread a moment later, so a full disk would lose a round already reported stored; a
     * CHECKPOINT writes them now and fails if it cannot. (WRITE_DELAY=0 would too, but it also stops
     * the background thread that compacts the file, which then grows with every rewrite.) A server's
     * DataSource is durable at commit.
     */
    void durable(Connection c) throws SQLException {
        if (embedded != null) {
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("CHECKPOINT");
            }
        }
    }

    /**
     * Gives an embedded database back the space of what was rewritten or deleted. H2 reclaims the space
     * of old versions when it closes (for at most 200 ms, H2's default, so a round waits no longer), so
     * maintenance closes the pool, the database compacts as it closes, and the next use reopens it; when
     * the file has grown since its last rewrite (or none ran since the agent started), it is rewritten
     * with only its live data instead ({@link #rewriteFile}, {@link DatabaseFile}). Either waits for the
     * connections in use to come back (and is put off when they do not within {@code IDLE_WAIT_MILLIS});
     * nothing fails. A server DataSource does its own.
     *
     * @return whether the file was rewritten
     */
    synchronized boolean reclaimSpace() {
        // closed with a connection still out, the database would close when that one comes back, in
        // another thread, while a new use may be opening it again
        if (embedded == null || !awaitIdle(embedded, "file compaction")) {
            return false;
        }
        if (grownSinceRewrite() && rewriteFile()) {
            return true;
        }
        dispose();
        return false;
    }

    /**
     * Waits up to {@code IDLE_WAIT_MILLIS} for the connections in use to come back,
     * holding the lock: nobody takes a new connection meanwhile.
     *
     * @return false when they did not (logged, with what is put off)
     */
    private boolean awaitIdle(JdbcConnectionPool pool, String what) {
        long deadline = System.currentTimeMillis() + IDLE_WAIT_MILLIS;
        while (pool.getActiveConnections() > 0) {
            if (System.currentTimeMillis() > deadline) {
                LOG.info(() -> "stats store: " + what + " put off, the database stayed in use");
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Whether the embedded file has grown enough since its last rewrite (or none ran) to be rewritten. */
    synchronized boolean grownSinceRewrite() {
        return embedded != null && file().grownSinceRewrite();
    }

    /**
     * Rewrites an embedded database's file with only its live data ({@link DatabaseFile#rewrite}). It waits
     * up to {@code IDLE_WAIT_MILLIS} for the connections in use to come back, and every use waits while
     * it runs (seconds for hundreds of MiB).
     *
     * @return whether it ran
     */
    synchronized boolean rewriteFile() {
        if (settings.statsDataSource().isPresent() || embedded == null || !awaitIdle(embedded, "file rewrite")
                || !file().roomToRewrite()) {
            return false;
        }
        dispose();
        try {
            file().rewrite();
        } catch (SQLException e) {
            throw failed(e);
        }
        return true;
    }

    private synchronized DatabaseFile file() {
        if (file == null) {
            file = new DatabaseFile(settings.dataDir());
        }
        return file;
    }

    /** Whether the store opened (used by the tests and for a quick check before streaming an answer). */
    void check() {
        open();
    }

    private synchronized DataSource open() {
        if (dataSource != null) {
            return dataSource;
        }
        DataSource ds;
        try {
            ds = settings.statsDataSource().isPresent() ? lookup(settings.statsDataSource().get()) : openEmbedded();
            try (Connection c = ds.getConnection()) {
                HistorySchema.prepare(c);
            }
        } catch (SQLException | NamingException | IOException | RuntimeException e) {
            throw failed(e);
        }
        dataSource = ds;
        return ds;
    }

    /**
     * After a successful write: says once that the store works again after a failure. Not on the
     * database's lock: a writer still holds its connection here, which a full compaction waits for.
     */
    void recovered() {
        failures.succeeded();
    }

    @PreDestroy
    synchronized void dispose() {
        if (embedded != null) {
            embedded.dispose();
            disposed = embedded;
            embedded = null;
            dataSource = null;
        }
    }

    private String where() {
        return settings.statsDataSource().map(name -> "stats_datasource " + name)
                .orElseGet(() -> "data_dir " + settings.dataDir());
    }

    private static DataSource lookup(String jndiName) throws NamingException {
        return (DataSource) new InitialContext().lookup(jndiName);
    }

    /** The damaged database file this agent moved aside (the last one), if it did. */
    public Optional<DamagedFile> damage() {
        return Optional.ofNullable(damage);
    }

    private DataSource openEmbedded() throws IOException, SQLException {
        Files.createDirectories(settings.dataDir());
        String inUse = damagedInUse;
        Path copy = null;
        if (inUse != null) {
            if (disposed != null && !awaitIdle(disposed, "moving the damaged file aside")) {
                throw new SQLException("the damaged database file is still in use");
            }
            DamagedFile.foundInUse(settings.dataDir(), inUse).ifPresent(this::found);
            damagedInUse = null;
        } else if (!fileChecked) {
            DamagedFile.Look look = DamagedFile.beforeOpening(settings.dataDir(), file().url());
            look.movedAside().ifPresent(this::found);
            copy = look.copy();
        }
        embedded = JdbcConnectionPool.create(file().url(), "hebergos", "");
        embedded.setMaxConnections(POOL_SIZE);
        if (copy != null) {
            try (Connection c = embedded.getConnection()) {
                DamagedFile.afterOpening(c, copy).ifPresent(this::found);
            } catch (SQLException e) {
                embedded.dispose();
                found(DamagedFile.notOpened(settings.dataDir(), copy, FailureReason.of(e)));
                embedded = JdbcConnectionPool.create(file().url(), "hebergos", "");
                embedded.setMaxConnections(POOL_SIZE);
            }
        }
        fileChecked = true;
        return embedded;
    }

    private void found(DamagedFile moved) {
        damage = moved;
        generation++;
        LOG.severe(() -> "stats store: " + moved.details());
    }

    /** Counts the databases started afresh: what a user of the store remembers of an older one is void. */
    int generation() {
        return generation;
    }
}
