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
import java.util.regex.Pattern;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The embedded database file found damaged, and what was done with it. H2 opened read-write makes an
 * empty database of a file it cannot read (an empty file, one cut before its first intact version)
 * without a word, so the file is first looked at read-only: an empty file, or one with no history in it,
 * is moved aside; one H2 can only open by writing to it (as after a crash) is copied first, and the
 * copy kept when H2 made an empty database of it. A file found corrupted in use ({@code File corrupted})
 * is moved aside before the next opening. Each kept renamed with the time, for salvage by hand (H2's
 * {@code Recover} tool), and a new database started. (A file damaged or cut at its end opens at its last
 * intact version: H2's own salvage, losing what was written after that version.)
 *
 * @param reason what was wrong with the file
 * @param keptAs where the damaged file was kept
 * @param at     when it was moved aside
 */
public record DamagedFile(String reason, Path keptAs, Instant at) {

    static final String FILE = "stats.mv.db";
    private static final int H2_FILE_CORRUPTED = 90030;
    private static final int H2_ALREADY_OPEN = 90020;
    /** The storage layer's own code for a damaged file, ending its messages: "… [2.2.224/6]". */
    private static final Pattern MVSTORE_FILE_CORRUPT = Pattern.compile("\\[\\d+\\.\\d+\\.\\d+/6]");
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
     * What looking at the file before its first opening found.
     *
     * @param movedAside the file when it could not be the agent's database at all (then moved aside)
     * @param copy       the file as it was, when H2 could not read it without writing to it (after a crash as
     *                   after damage; H2 then opens a copy): {@link #afterOpening} tells which, and keeps or
     *                   removes it
     */
    record Look(Optional<DamagedFile> movedAside, Path copy) {
    }

    /**
     * Looks at the file in {@code dataDir} read-only, before H2 opens it read-write.
     *
     * @throws SQLException when it could not be looked at (held by another agent, say): not damage
     */
    static Look beforeOpening(Path dataDir, String url) throws SQLException, IOException {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return new Look(Optional.empty(), null);
        }
        if (!Files.isReadable(file)) {
            // a question of rights, not of bytes: said as such, and the file left where it is
            throw new SQLException("permission denied: " + FILE + " is not readable by the agent's user");
        }
        if (Files.size(file) == 0) {
            return new Look(Optional.of(moveAside(dataDir, "empty file, 0 bytes")), null);
        }
        JdbcDataSource readOnly = new JdbcDataSource();
        readOnly.setURL(url + ";ACCESS_MODE_DATA=r");
        try (Connection c = readOnly.getConnection("hebergos", "")) {
            return hasHistoryTables(c) ? new Look(Optional.empty(), null)
                    : new Look(Optional.of(moveAside(dataDir, "no history tables in its " + Files.size(file) + " bytes")), null);
        } catch (SQLException e) {
            if (e.getErrorCode() == H2_ALREADY_OPEN || e.getErrorCode() == H2_NEWER_FORMAT) {
                throw e;
            }
            // H2 recovers a file left by a crash, a torn write or damage by writing to it, and may make
            // an empty database of it: the file is kept, and H2 opens a copy. (A failed read-only opening
            // may also leave the file locked in this JVM: the copy is another file.)
            Path kept = dataDir.resolve(FILE + ".damaged-" + STAMP.format(Instant.now()));
            Files.move(file, kept);
            Files.copy(kept, file);
            return new Look(Optional.empty(), kept);
        }
    }

    /**
     * After H2 opened the file read-write with a {@link Look#copy}: the copy is the damaged file when H2
     * found no history in it (it started an empty database), else it is removed.
     */
    static Optional<DamagedFile> afterOpening(Connection c, Path copy) throws SQLException, IOException {
        if (hasHistoryTables(c)) {
            Files.delete(copy);
            return Optional.empty();
        }
        return Optional.of(new DamagedFile("H2 could not read it and started an empty database", copy, Instant.now()));
    }

    /**
     * After H2 failed to open the file read-write with a {@link Look#copy} (closed again): the copy is the
     * damaged file, and what H2 left of the file is removed so that a new database starts.
     */
    static DamagedFile notOpened(Path dataDir, Path copy, String reason) throws IOException {
        Files.delete(dataDir.resolve(FILE));
        return new DamagedFile(withoutPath(dataDir, reason), copy, Instant.now());
    }

    /**
     * Moves the file in {@code dataDir}, found damaged in use, aside. The database must be closed (no
     * connection left).
     *
     * @return empty when the file is gone already (nothing to keep: a new database starts all the same)
     */
    static Optional<DamagedFile> foundInUse(Path dataDir, String reason) throws IOException {
        return Files.exists(dataDir.resolve(FILE)) ? Optional.of(moveAside(dataDir, reason)) : Optional.empty();
    }

    private static boolean hasHistoryTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) = 'stats_series'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    /** Whether {@code e} says that the file's bytes are wrong (not that it is locked, full or read-only). */
    static boolean isCorruption(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_FILE_CORRUPTED
                    || t.getMessage() != null && MVSTORE_FILE_CORRUPT.matcher(t.getMessage()).find()) {
                return true;
            }
        }
        return false;
    }

    /** A reason said to anyone in /health: no path. */
    private static String withoutPath(Path dataDir, String reason) {
        return reason.replace(dataDir.toString() + "/", "").replace(dataDir.toString(), "data_dir");
    }

    private static DamagedFile moveAside(Path dataDir, String damage) throws IOException {
        String reason = withoutPath(dataDir, damage);
        Instant at = Instant.now();
        Path kept = dataDir.resolve(FILE + ".damaged-" + STAMP.format(at));
        Files.move(dataDir.resolve(FILE), kept);
        return new DamagedFile(reason, kept, at);
    }
}
