package org.hebergos.dockerlink.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hebergos.dockerlink.history.RoundStorage;
import org.hebergos.dockerlink.history.RoundStorage.StoredRound;
import org.hebergos.dockerlink.stats.SamplingRound;
import org.junit.jupiter.api.Test;

/** When {@code /health} says sampling is not keeping up, and why. */
class SamplingLagTest {

    private static final Duration INTERVAL = Duration.ofSeconds(2);

    /** A store whose last round and problem are given. */
    private static RoundStorage storage(boolean roundFailed, String problem) {
        return new RoundStorage() {
            @Override
            public Optional<StoredRound> last() {
                return Optional.of(new StoredRound(new SamplingRound(1, 1000, 0, List.of(), 0, roundFailed ? "engine down" : null, 3, 0, null, 0),
                        0, 0, 0, 3));
            }

            @Override
            public Optional<String> problem() {
                return Optional.ofNullable(problem);
            }
        };
    }

    @Test
    void degradedOnlyAfterThreeIntervalsWithoutAStoredRound() {
        RoundStorage storage = storage(true, null);
        Instant stored = storage.lastStored();
        assertFalse(SamplingLag.at(stored.plusSeconds(6), INTERVAL, storage, Optional.empty()).isPresent());
        Optional<String> lag = SamplingLag.at(stored.plusSeconds(7), INTERVAL, storage, Optional.empty());
        assertTrue(lag.orElseThrow().startsWith("no stats round stored for 7 s"), lag.get());
        assertTrue(lag.get().endsWith("sampling rounds fail"), lag.get());
        assertTrue(SamplingLag.at(stored.plusSeconds(7), INTERVAL, storage(false, null), Optional.empty()).orElseThrow()
                .endsWith("sampling rounds do not complete"));
    }

    @Test
    void theStoreBeingDownIsTheReasonGivenWhenItIs() {
        RoundStorage storage = storage(true, "held by another agent");
        Optional<String> lag = SamplingLag.at(storage.lastStored().plusSeconds(7), INTERVAL, storage, Optional.empty());
        assertEquals("the stats store is unavailable", lag.orElseThrow().replaceAll(".*: ", ""));
    }

    @Test
    void roundsLostLatelyAreSaidWhileRoundsAreStored() {
        RoundStorage storage = storage(false, null);
        Optional<String> loss = Optional.of("2 stats rounds lost since startup");
        assertEquals(loss, SamplingLag.at(storage.lastStored(), INTERVAL, storage, loss));
    }
}
