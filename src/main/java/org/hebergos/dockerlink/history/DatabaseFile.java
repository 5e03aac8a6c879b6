package org.hebergos.dockerlink.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The embedded H2 file under {@code data_dir}: where it is, how large, and its full rewrite. H2 appends
 * every change to its file and reclaims the space of old versions only when idle for long or when it
 * closes, and even then keeps chunks that hold a little live data (measured: 86 % of the file dead
 * versions after a week): so the file is rewritten with only its live data whenever it has grown by
 * {@link #REGROWTH} since the last rewrite.
 */
final class DatabaseFile {

    private static final Logger LOG = Logger.getLogger(DatabaseFile.class.getName());
    /** How much the file may grow past its size after a rewrite before the next one. */
    private static final double REGROWTH = 1.15;

    private final Path dataDir;
    /** The file's size after the last rewrite; -1 before the first. */
    private volatile long rewrittenSize = -1;

    DatabaseFile(Path dataDir) {
        this.dataDir = dataDir;
    }

    String url() {
        // LAZY_QUERY_EXECUTION streams a long history instead of materialising it first
        return "jdbc:h2:file:" + dataDir.resolve("stats") + ";DB_CLOSE_ON_EXIT=FALSE;LAZY_QUERY_EXECUTION=TRUE";
    }

    /** Whether the file is {@link #REGROWTH} larger than after its last rewrite (or none ran). */
    boolean grownSinceRewrite() {
        return rewrittenSize < 0 || size() > rewrittenSize * REGROWTH;
    }

    /** Whether the disk has room for the rewrite's copy; logs that it is put off when not. */
    boolean roomToRewrite() {
        long size = size();
        if (usableSpace() < size) {
            LOG.info(() -> "stats store: file rewrite put off, less free disk than the file's " + size + " bytes");
            return false;
        }
        return true;
    }

    /**
     * Rewrites the file with only its live data ({@code SHUTDOWN COMPACT}); the caller closed every
     * connection to it. Measured by bench/run.sh (bench/RESULTS.md): 13.5 bytes a busy sample and 1.8 an
     * idle one after it, at most 15.5 and 2.1 before the next. When it fails the file stays as it was and
     * H2's partial copy is removed.
     */
    void rewrite() throws SQLException {
        long before = size();
        JdbcDataSource direct = new JdbcDataSource();
        direct.setURL(url());
        try (Connection c = direct.getConnection("hebergos", "");
             java.sql.Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            // H2 leaves its half-written copy behind, which would keep a nearly full disk full
            try {
                Files.deleteIfExists(dataDir.resolve("stats.mv.db.tempFile"));
            } catch (IOException ignored) {
                // the failure thrown says what matters
            }
            throw e;
        }
        rewrittenSize = size();
        LOG.fine(() -> "stats store: file rewritten, " + before + " -> " + rewrittenSize + " bytes");
    }

    private long usableSpace() {
        try {
            return Files.getFileStore(dataDir).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    private long size() {
        try {
            return Files.size(dataDir.resolve("stats.mv.db"));
        } catch (IOException e) {
            return 0;
        }
    }
}
