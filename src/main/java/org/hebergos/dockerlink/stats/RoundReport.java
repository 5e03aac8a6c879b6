package org.hebergos.dockerlink.stats;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * What the last sampling round did, for {@code GET /health} and the logs.
 *
 * @param time          unix second the round started
 * @param containers    running containers found
 * @param sampled       samples stored
 * @param failures      containers whose reading failed or came too late
 * @param durationMillis wall time of the whole round
 * @param skippedRounds rounds skipped since startup because the previous one was still running
 */
public record RoundReport(long time,
                          int containers,
                          int sampled,
                          int failures,
                          @JsonbProperty("duration_ms") long durationMillis,
                          @JsonbProperty("skipped_rounds") long skippedRounds) {
}
