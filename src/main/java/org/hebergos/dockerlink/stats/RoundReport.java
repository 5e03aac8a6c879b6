package org.hebergos.dockerlink.stats;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * What the last sampling round did, for {@code GET /health} and the logs.
 *
 * @param time           unix second the round started
 * @param containers     running containers found
 * @param sampled        readings taken this round
 * @param stored         samples the store accepted this round (earlier rounds held back included)
 * @param pending        samples held in memory because the store did not accept them yet
 * @param failures       containers whose reading failed or came too late
 * @param durationMillis wall time of the whole round
 * @param skippedRounds  rounds lost since startup: skipped because the previous one was still running, or
 *                       never started by the timer while a round ran longer than the interval
 * @param droppedSamples samples given up since startup because the store stayed unavailable too long
 */
public record RoundReport(long time,
                          int containers,
                          int sampled,
                          int stored,
                          int pending,
                          int failures,
                          @JsonbProperty("duration_ms") long durationMillis,
                          @JsonbProperty("skipped_rounds") long skippedRounds,
                          @JsonbProperty("dropped_samples") long droppedSamples) {
}
