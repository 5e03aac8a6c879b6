package org.hebergos.dockerlink.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.hebergos.dockerlink.error.BadParameter;
import org.junit.jupiter.api.Test;

class HistoryQueryTest {

    private static final Duration TEN = Duration.ofSeconds(10);
    private static final long NOW = 1_800_000_000L;

    private static HistoryQuery parse(String since, String until, String step, String scale) {
        return HistoryQuery.parse(since, until, step, scale, TEN, NOW);
    }

    private static String refused(String since, String until, String step, String scale) {
        BadParameter e = assertThrows(BadParameter.class, () -> parse(since, until, step, scale));
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void withoutStepOrScaleEveryRawSampleSinceSince() {
        assertEquals(new HistoryQuery(100, HistoryQuery.NO_END, 0, false, false), parse("100", null, null, null));
        assertEquals(new HistoryQuery(100, 200, 0, false, false), parse("100", "200", null, null));
    }

    @Test
    void stepIsAPositiveMultipleOfTheIntervalUpToAWeek() {
        assertEquals(new HistoryQuery(0, HistoryQuery.NO_END, 10, false, false), parse("0", null, "10", null), "no peaks at the interval");
        assertEquals(new HistoryQuery(0, HistoryQuery.NO_END, 604_800, false, true), parse("0", null, "604800", null));
        for (String bad : new String[] {"0", "-10", "15", "604810", "1e3", "ten"}) {
            assertTrue(refused("0", null, bad, null).startsWith("step: "), bad);
        }
    }

    @Test
    void presetsEndNowAndTheLaterOfSinceAndTheirStartWins() {
        assertEquals(new HistoryQuery(NOW + 1 - 3600, HistoryQuery.NO_END, 0, false, false), parse("0", null, null, "hour"));
        assertEquals(new HistoryQuery(NOW + 1 - 4 * 3600, HistoryQuery.NO_END, 60, false, true), parse(null, null, null, "4hours"));
        assertEquals(new HistoryQuery(NOW + 1 - 86_400, HistoryQuery.NO_END, 300, false, true), parse("0", null, null, "day"));
        assertEquals(new HistoryQuery(NOW + 1 - 7 * 86_400, HistoryQuery.NO_END, 1800, false, true), parse("0", null, null, "week"));
        assertEquals(new HistoryQuery(NOW - 60, HistoryQuery.NO_END, 300, false, true), parse(String.valueOf(NOW - 60), null, null, "day"));
        assertEquals(new HistoryQuery(NOW - 5000 - 3600, NOW - 5000, 0, false, false), parse(null, String.valueOf(NOW - 5000), null, "hour"));
        assertTrue(parse("0", null, null, "instant").instant());
    }

    @Test
    void badParametersAreNamed() {
        assertTrue(refused(null, null, null, null).startsWith("since: "));
        assertTrue(refused("yesterday", null, null, null).startsWith("since: "));
        assertTrue(refused("0", null, null, "month").startsWith("scale: "));
        assertTrue(refused("0", null, "60", "day").startsWith("step: "));
        assertTrue(refused("100", "100", null, null).startsWith("until: "));
        assertTrue(refused("100", "50", null, null).startsWith("until: "));
        assertTrue(refused("100", "soon", null, null).startsWith("until: "));
        assertTrue(refused("0", null, null, "day\r\nX-Injected: 1").startsWith("scale: "));
    }
}
