package org.hebergos.dockerlink.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RoundClockTest {

    private static final long INTERVAL = 10_000;
    private final RoundClock cut = new RoundClock();

    @Test
    void timeoutsThatNeverFiredAreCountedOnceTheNextOneFires() {
        assertEquals(0, cut.fired(1_000_000, INTERVAL), "the first one has nothing before it");
        assertEquals(0, cut.fired(1_010_000, INTERVAL));
        // a round of 29.5 s: the timeouts at 1_020_000 and 1_030_000 never fired, the one at 1_040_000 fired late
        assertEquals(2, cut.fired(1_041_500, INTERVAL));
        assertEquals(0, cut.fired(1_050_000, INTERVAL));
    }

    @Test
    void aTimeoutSomewhatEarlyOrLateIsNotTakenForALostOne() {
        cut.fired(1_000_000, INTERVAL);
        assertEquals(0, cut.fired(1_017_000, INTERVAL), "7 s late");
        assertEquals(0, cut.fired(1_019_999, INTERVAL), "the next one a moment early");
        assertEquals(0, cut.fired(1_030_000, INTERVAL));
        assertEquals(0, cut.fired(1_030_000, INTERVAL), "twice for the same interval");
        assertEquals(0, cut.fired(1_040_000, INTERVAL));
    }
}
