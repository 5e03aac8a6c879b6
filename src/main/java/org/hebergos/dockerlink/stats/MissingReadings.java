package org.hebergos.dockerlink.stats;

import java.time.Duration;
import java.util.logging.Logger;
import org.hebergos.dockerlink.logging.RepeatedFailureLog;

/**
 * The readings of one round that failed or came too late, said in one line per round however many
 * containers they are (each container's own line only at FINE).
 */
final class MissingReadings {

    private static final Logger LOG = Logger.getLogger(StatsSampler.class.getName());

    private int late;
    private int failed;
    private String firstError;

    void late(String id) {
        late++;
        LOG.fine(() -> "stats of container " + id + ": no answer before the round's deadline");
    }

    void failed(String id, Throwable cause) {
        failed++;
        if (firstError == null) {
            firstError = "container " + id + ": " + cause;
        }
        LOG.fine(() -> "stats of container " + id + " failed: " + cause);
    }

    int failures() {
        return late + failed;
    }

    /** One line in {@code log} when any reading of the {@code readings} was missing, else that all came. */
    void report(RepeatedFailureLog log, int readings, Duration allowed, Duration took) {
        if (failures() == 0) {
            log.succeeded();
            return;
        }
        StringBuilder line = new StringBuilder();
        if (late > 0) {
            line.append(late).append(" of ").append(readings).append(" readings missed the deadline of ").append(allowed.toMillis())
                    .append(" ms (80 % of stats_interval); the round took ").append(took.toMillis())
                    .append(" ms: raise stats_interval or stats_concurrency");
        }
        if (failed > 0) {
            line.append(late > 0 ? "; " : "").append(failed).append(" of ").append(readings).append(" failed, the first ").append(firstError);
        }
        log.failed(line.toString());
    }
}
