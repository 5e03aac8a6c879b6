package org.hebergos.dockerlink.logging;

import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs a failure that may repeat every round or every run (Docker down, database locked) at WARNING the
 * first time and whenever its reason changes, at FINE while it repeats, and at INFO once it is over: a
 * log that says each distinct reason once instead of flooding with the same line.
 */
public final class RepeatedFailureLog {

    private final Logger log;
    private final String what;
    private String lastReason;

    /** @param what what failed, the start of each line ("stats store", "stats maintenance, purge") */
    public RepeatedFailureLog(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    /** @param reason one line; null (an exception without message) is said as such */
    public void failed(String reason) {
        failed(reason, null);
    }

    /**
     * @param unexpected logged with its stack trace the first time, for a failure nobody foresaw; null for
     *                   a known one, whose reason says it all
     */
    public synchronized void failed(String reason, Throwable unexpected) {
        boolean repeated = Objects.equals(reason, lastReason);
        lastReason = reason;
        log.log(repeated ? Level.FINE : Level.WARNING, what + " failed: " + reason, repeated ? null : unexpected);
    }

    public synchronized void succeeded() {
        if (lastReason != null) {
            lastReason = null;
            log.info(() -> what + " works again");
        }
    }

    /** The reason of the failure going on, or null. */
    public synchronized String reason() {
        return lastReason;
    }
}
