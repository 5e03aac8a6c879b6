package org.hebergos.dockerlink.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import java.nio.charset.StandardCharsets;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.hebergos.dockerlink.docker.ContainerInfo;
import org.hebergos.dockerlink.docker.EngineStats;
import org.hebergos.dockerlink.docker.RunInfo;
import org.hebergos.dockerlink.error.DockerFailed;
import org.hebergos.dockerlink.stats.Sample;
import org.junit.jupiter.api.Test;

/** What the sampler's round leaves for the next scrapes. */
class LastRoundTest {

    private final LastRound cut = new LastRound();

    private static ContainerInfo running(String id) {
        return new ContainerInfo(id, "c-" + id, "hebergos-test/busybox:1", "running", null, new RunInfo(Instant.EPOCH, 0, 0));
    }

    private static EngineStats stats(long usage) {
        return new EngineStats(null, true, 5, 10, 1, usage, Map.of(), 1 << 30, 0, 0);
    }

    private static Sample sample(String id) {
        return new Sample(id, 100, 0, 1000, 1 << 30, 0, 100, 5, 10, 0, 0, 0, 0);
    }

    @Test
    void keepsTheSampledContainersAndCountsTheReadingsThatFailedOrCameTooLate() {
        Map<ContainerInfo, Future<EngineStats>> readings = new LinkedHashMap<>();
        readings.put(running("a"), CompletableFuture.completedFuture(stats(4096)));
        readings.put(running("stopped"), CompletableFuture.completedFuture(null));
        readings.put(running("failed"), CompletableFuture.failedFuture(new DockerFailed("boom", null)));
        CompletableFuture<EngineStats> late = new CompletableFuture<>();
        late.cancel(true);
        readings.put(running("late"), late);

        cut.publish(100, readings, Map.of("a", sample("a")));

        RoundReadings round = cut.round().orElseThrow();
        assertEquals(100, round.time());
        assertEquals(1, round.readings().size(), round::toString);
        RoundReadings.Reading a = round.readings().get(0);
        assertEquals("a", a.container().id());
        assertEquals(4096, a.memoryUsage());
        assertEquals(sample("a"), a.sample());
        assertEquals(2, cut.failedReadings(), "the failed and the cancelled reading; a stopped container is no failure");

        cut.publish(110, Map.of(running("failed"), CompletableFuture.failedFuture(new DockerFailed("again", null))), Map.of());
        assertEquals(3, cut.failedReadings(), "counted since startup");
        assertTrue(cut.round().orElseThrow().readings().isEmpty(), "the new round replaces the old one");
    }

    private final ExpositionFormatWriter text = MetricsService.formats().getPrometheusTextFormatWriter();
    private final ExpositionFormatWriter open = MetricsService.formats().getOpenMetricsTextFormatWriter();

    @Test
    void nothingIsRenderedBeforeTheFirstScrape() {
        assertEquals(0, cut.containerExposition(text).length, "no round yet");
        LastRound unscraped = new LastRound();
        FakeRound.publish(unscraped, 100, 5);
        assertFalse(unscraped.exposition().orElseThrow().isRendered(text), "no work for a format nobody asked for");
        assertFalse(unscraped.exposition().orElseThrow().isRendered(open));
    }

    @Test
    void aRoundComesRenderedInTheFormatsScrapedSoFarAndReplacesThePreviousOne() {
        FakeRound.publish(cut, 100, 5);
        byte[] first = cut.containerExposition(text);
        assertSame(first, cut.containerExposition(text), "rendered once per round");
        assertTrue(new String(first, StandardCharsets.UTF_8).contains(" 100000\n"), "stamped with round 100");

        FakeRound.publish(cut, 110, 5);
        assertTrue(cut.exposition().orElseThrow().isRendered(text), "rendered by the sampler, before any scrape of round 110");
        assertFalse(cut.exposition().orElseThrow().isRendered(open), "never scraped in OpenMetrics");
        String second = new String(cut.containerExposition(text), StandardCharsets.UTF_8);
        assertTrue(second.contains(" 110000\n") && !second.contains(" 100000\n"), second);
    }

    @Test
    void theRenderedPartIsAFreshRenderOfTheRoundWithoutOpenMetricsEof() {
        cut.containerExposition(text);
        cut.containerExposition(open);
        FakeRound.publish(cut, 100, 20);
        RoundReadings round = cut.round().orElseThrow();
        LastRound fresh = new LastRound();
        FakeRound.publish(fresh, 100, 20);
        assertArrayEquals(fresh.containerExposition(text), cut.containerExposition(text));
        String openMetrics = new String(cut.containerExposition(open), StandardCharsets.UTF_8);
        assertEquals(new String(fresh.containerExposition(open), StandardCharsets.UTF_8), openMetrics);
        assertFalse(openMetrics.contains("# EOF"), "the rest of the scrape ends it");
        assertEquals(20, round.readings().size());
    }
}
