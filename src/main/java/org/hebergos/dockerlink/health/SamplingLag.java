package org.hebergos.dockerlink.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.hebergos.dockerlink.history.RoundStorage;

/**
 * Why sampling is not keeping up, in words that name no path: no round stored for
 * {@link #DEGRADED_AFTER_ROUNDS} intervals, or rounds lost lately (as the sampler reports them).
 */
final class SamplingLag {

    /** Rounds without a stored result after which {@code /health} says the agent is degraded. */
    static final int DEGRADED_AFTER_ROUNDS = 3;

    private SamplingLag() {
    }

    /** @return empty while sampling keeps up */
    static Optional<String> at(Instant now, Duration interval, RoundStorage storage, Optional<String> recentLoss) {
        Duration since = Duration.between(storage.lastStored(), now);
        if (since.compareTo(interval.multipliedBy(DEGRADED_AFTER_ROUNDS)) <= 0) {
            return recentLoss;
        }
        boolean roundsFail = storage.last().map(last -> last.round().failed()).orElse(false);
        String cause = storage.problem().isPresent() ? "the stats store is unavailable"
                : roundsFail ? "sampling rounds fail" : "sampling rounds do not complete";
        return Optional.of("no stats round stored for " + since.toSeconds() + " s: " + cause);
    }
}
