package org.hebergos.dockerlink.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hebergos.dockerlink.stats.SamplingRound;
import org.junit.jupiter.api.Test;

/** What the sampler's round leaves for the next scrapes. */
class RoundMetricsTest {

    private final RoundMetrics cut = new RoundMetrics();
    private final ExpositionFormatWriter text = MetricsService.formats().getPrometheusTextFormatWriter();
    private final ExpositionFormatWriter open = MetricsService.formats().getOpenMetricsTextFormatWriter();

    private static SamplingRound failed(long time, int failures) {
        return new SamplingRound(time, time * 1000, 0, List.of(), failures, "engine does not answer", 3, 0, null, 0);
    }

    @Test
    void countsTheReadingsThatFailedOrCameTooLateSinceStartup() {
        SamplingRound round = FakeRound.of(100, 2);
        cut.observe(new SamplingRound(100, 100_000, 4, round.readings(), 2, null, 3, 0, null, 0));
        assertEquals(2, cut.failedReadings());
        cut.observe(new SamplingRound(110, 110_000, 1, List.of(), 1, null, 3, 0, null, 0));
        assertEquals(3, cut.failedReadings(), "counted since startup");
    }

    @Test
    void nothingBeforeTheFirstRound() {
        assertEquals(0, cut.containerExposition(text).length);
    }

    @Test
    void aFailedRoundLeavesTheSeriesOfTheLastRoundThatReadTheEngine() {
        cut.observe(FakeRound.of(100, 5));
        String before = new String(cut.containerExposition(text), StandardCharsets.UTF_8);
        cut.observe(failed(110, 0));
        assertEquals(before, new String(cut.containerExposition(text), StandardCharsets.UTF_8));
        assertTrue(before.contains(" 100000\n"), "stamped with round 100");
    }

    @Test
    void aRoundIsRenderedOnceAndReplacesThePreviousOne() {
        cut.observe(FakeRound.of(100, 5));
        byte[] first = cut.containerExposition(text);
        assertSame(first, cut.containerExposition(text), "rendered once per round");
        assertTrue(new String(first, StandardCharsets.UTF_8).contains(" 100000\n"), "stamped with round 100");

        cut.observe(FakeRound.of(110, 5));
        byte[] second = cut.containerExposition(text);
        assertSame(second, cut.containerExposition(text));
        String secondText = new String(second, StandardCharsets.UTF_8);
        assertTrue(secondText.contains(" 110000\n") && !secondText.contains(" 100000\n"), secondText);
    }

    @Test
    void theRenderedPartIsAFreshRenderOfTheRoundWithoutOpenMetricsEof() {
        cut.containerExposition(text);
        cut.containerExposition(open);
        cut.observe(FakeRound.of(100, 20));
        RoundMetrics fresh = new RoundMetrics();
        fresh.observe(FakeRound.of(100, 20));
        assertArrayEquals(fresh.containerExposition(text), cut.containerExposition(text));
        String openMetrics = new String(cut.containerExposition(open), StandardCharsets.UTF_8);
        assertEquals(new String(fresh.containerExposition(open), StandardCharsets.UTF_8), openMetrics);
        assertFalse(openMetrics.contains("# EOF"), "the rest of the scrape ends it");
        assertEquals(20, openMetrics.split("\ncontainer_last_seen\\{").length - 1, "every container of the round");
    }
}
