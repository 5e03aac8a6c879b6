package org.hebergos.dockerlink.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The embedded database file found damaged, and what was done with it. H2 opened read-write silently
 * starts an empty database in a file it cannot read (an empty file, a file cut short before its
 * first intact version), so the file is first looked at read-only; a file that is unreadable there or
 * later, in use ({@code File corrupted}), is moved aside, renamed with the time, for salvage by hand
 * (H2's {@code Recover} tool), and a new database started. (A file damaged or cut at its end opens at
 * its last intact version: H2 itself salvages it, losing what was written after that version.)
 *
 * @param reason what was wrong with the file
 * @param keptAs where the damaged file was kept
 * @param at     when it was moved aside
 */
public record DamagedFile(String reason, Path keptAs, Instant at) {

    static final String FILE = "stats.mv.db";
    private static final int H2_FILE_CORRUPTED = 90030;
    private static final int H2_ALREADY_OPEN = 90020;
    /** "Unsupported database file version or invalid file header": another H2 version's file. */
    private static final int H2_NEWER_FORMAT = 90048;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** For anyone: no path. */
    public String summary() {
        return "the history database file was unreadable (" + reason + "): kept aside, a new one started at " + at;
    }

    /** For a caller with the token, and the log. */
    public String details() {
        return "the history database file was unreadable (" + reason + "): kept as " + keptAs + ", a new one started at " + at;
    }

    /**
     * Moves the file in {@code dataDir} aside when it is unreadable or was found damaged in use, so that
     * opening it starts a new database. The database must be closed (no connection to it left).
     *
     * @param damagedInUse why it was found damaged in use, or null to look at it (read-only)
     * @return what was moved aside; empty when the file is readable or does not exist yet
     * @throws SQLException when it could not be looked at (held by another agent, say): not damage
     */
    static Optional<DamagedFile> setAside(Path dataDir, String url, String damagedInUse) throws SQLException, IOException {
        if (damagedInUse == null) {
            Optional<String> unreadable = unreadable(dataDir, url);
            return unreadable.isPresent() ? Optional.of(moveAside(dataDir, unreadable.get())) : Optional.empty();
        }
        return Optional.of(moveAside(dataDir, damagedInUse));
    }

    /**
     * Why the file in {@code dataDir} cannot be opened as the agent's database, read without writing to
     * it; empty when it can or does not exist yet.
     *
     * @throws SQLException when it could not be looked at (held by another agent, say): not damage
     */
    private static Optional<String> unreadable(Path dataDir, String url) throws SQLException {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (size(file) == 0) {
            return Optional.of("empty file, 0 bytes");
        }
        JdbcDataSource readOnly = new JdbcDataSource();
        readOnly.setURL(url + ";ACCESS_MODE_DATA=r");
        try (Connection c = readOnly.getConnection("hebergos", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) = 'stats_series'")) {
            rs.next();
            return rs.getInt(1) == 0 ? Optional.of("no history tables readable in its " + size(file) + " bytes") : Optional.empty();
        } catch (SQLException e) {
            // H2 reading a damaged file read-only fails in many ways (corrupted chunk, reading past the end,
            // trying to repair it in place): any but the two that say nothing of the file's bytes
            if (e.getErrorCode() == H2_ALREADY_OPEN || e.getErrorCode() == H2_NEWER_FORMAT) {
                throw e;
            }
            return Optional.of("H2 cannot read it: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** Whether {@code e} says that the file's bytes are wrong (not that it is locked, full or read-only). */
    static boolean isCorruption(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_FILE_CORRUPTED
                    || t.getMessage() != null && t.getMessage().contains("File corrupted")) {
                return true;
            }
        }
        return false;
    }

    private static DamagedFile moveAside(Path dataDir, String damage) throws IOException {
        // said to anyone in /health: no path
        String reason = damage.replace(dataDir.toString() + "/", "").replace(dataDir.toString(), "data_dir");
        Instant at = Instant.now();
        Path kept = dataDir.resolve(FILE + ".damaged-" + STAMP.format(at));
        Files.move(dataDir.resolve(FILE), kept);
        return new DamagedFile(reason, kept, at);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
