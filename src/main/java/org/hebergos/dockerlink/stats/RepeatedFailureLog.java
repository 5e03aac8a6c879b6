package org.hebergos.dockerlink.stats;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs a failure that may repeat every round (Docker down, database locked) at WARNING the first time
 * and whenever its reason changes, at FINE while it repeats, and at INFO once it is over.
 */
public final class RepeatedFailureLog {

    private final Logger log;
    private final String what;
    private volatile String lastReason;

    public RepeatedFailureLog(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    /** @param reason one line; null (an exception without message) is said as such */
    public void failed(String reason) {
        Level level = java.util.Objects.equals(reason, lastReason) ? Level.FINE : Level.WARNING;
        lastReason = reason;
        log.log(level, () -> what + " failed: " + reason);
    }

    public void succeeded() {
        if (lastReason != null) {
            lastReason = null;
            log.info(() -> what + " works again");
        }
    }

    /** The reason of the failure going on, or null. */
    public String reason() {
        return lastReason;
    }
}
