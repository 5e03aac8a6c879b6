package org.hebergos.dockerlink.history;

import java.sql.SQLException;
import java.util.Locale;

/** Why the database failed, in one line a person understands: the well-known causes by name, else the database's first line. */
final class FailureReason {

    /** H2: "Database may be already in use": another process holds the file lock. */
    private static final int H2_ALREADY_OPEN = 90020;
    private static final int H2_FILE_CORRUPTED = 90030;
    private static final int H2_READ_ONLY = 90097;
    private static final int H2_NO_DISK_SPACE = 90100;
    private static final String HELD = "held by another agent (the database file is locked by another process)";

    private FailureReason() {
    }

    static String of(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
            if (t instanceof SQLException sql) {
                switch (sql.getErrorCode()) {
                    case H2_ALREADY_OPEN:
                        return HELD;
                    case H2_NO_DISK_SPACE:
                        return "disk full";
                    case H2_READ_ONLY:
                        return "read-only";
                    case H2_FILE_CORRUPTED:
                        return "corrupt database file: " + firstLine(sql.getMessage());
                    default:
                        break;
                }
            }
        }
        String text = all.toString().toLowerCase(Locale.ROOT);
        if (text.contains("no space left") || text.contains("disk full")) {
            return "disk full";
        }
        if (text.contains("read-only") || text.contains("read only") || text.contains("accessdenied")
                || text.contains("permission denied")) {
            return "read-only or not writable";
        }
        if (text.contains("already in use") || text.contains("locked by another")) {
            return HELD;
        }
        return firstLine(e.getMessage() != null ? e.getMessage() : e.toString());
    }

    /** A data error (SQL state class 22 or 23): the statement was wrong, not the database. */
    static boolean isDataError(Exception e) {
        return e instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"));
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        return line.strip();
    }
}
