package org.hebergos.dockerlink.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hebergos.dockerlink.stats.RoundReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A scrape assembled from the round's rendered container part and the figures made at each scrape. */
class MetricsServiceTest {

    /** What Prometheus 2.42 sends. */
    private static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
    private static final long TIME = 1795755340;

    private final MetricsService cut = new MetricsService();
    private final ExpositionFormats formats = MetricsService.formats();

    @BeforeEach
    void wire() {
        cut.lastRound = new LastRound();
        cut.register();
    }

    private static String write(ExpositionFormatWriter format, List<MetricSnapshot> snapshots) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(out, new MetricSnapshots(snapshots));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The container part as rendered, then the agent's and JVM figures, against the writer's rendering of everything at once. */
    private void assertSameAsAFreshRender(ExpositionFormatWriter format) throws IOException {
        List<MetricSnapshot> rest = new ArrayList<>(CadvisorExposition.agent(Optional.of(new RoundReport(TIME, 200, 200, 200, 0, 0, 1600, 2, 0)),
                cut.lastRound.round(), 3));
        PrometheusRegistry jvm = new PrometheusRegistry();
        ProcessMetrics.builder().register(jvm);
        MetricsService.registerThreadCounts(jvm);
        jvm.scrape().forEach(rest::add);
        List<MetricSnapshot> everything = new ArrayList<>(CadvisorExposition.containers(cut.lastRound.round().orElseThrow()));
        everything.addAll(rest);

        byte[] body = RoundExposition.body(cut.lastRound.containerExposition(format), format, new MetricSnapshots(rest));

        assertEquals(write(format, everything), new String(body, StandardCharsets.UTF_8));
    }

    @Test
    void aScrapeIsByteForByteWhatTheWriterMakesOfAllItsFiguresInBothFormats() throws IOException {
        for (ExpositionFormatWriter format : List.of(formats.getPrometheusTextFormatWriter(), formats.getOpenMetricsTextFormatWriter())) {
            FakeRound.publish(cut.lastRound, TIME, 200);
            assertFalse(cut.lastRound.exposition().orElseThrow().isRendered(format), "not scraped in this format yet");
            assertSameAsAFreshRender(format);

            FakeRound.publish(cut.lastRound, TIME + 10, 200);
            assertTrue(cut.lastRound.exposition().orElseThrow().isRendered(format), "rendered when the round was published");
            assertSameAsAFreshRender(format);
        }
    }

    @Test
    void prometheusGetsOpenMetricsWithExactlyOneEofAtTheEnd() {
        FakeRound.publish(cut.lastRound, TIME, 3);
        for (int scrape = 0; scrape < 2; scrape++) {
            MetricsService.Scrape open = cut.scrape(PROMETHEUS_ACCEPT);
            assertTrue(open.contentType().startsWith("application/openmetrics-text; version=1.0.0"), open.contentType());
            String body = new String(open.body(), StandardCharsets.UTF_8);
            assertTrue(body.endsWith("\n# EOF\n"), body);
            assertEquals(body.length() - "# EOF\n".length(), body.indexOf("# EOF"), "one # EOF, the last line:\n" + body);
            assertTrue(body.contains("container_last_seen{id=\"/docker/"), body);
            assertTrue(body.contains("\njvm_threads_current "), body);
        }
    }

    @Test
    void withoutAnAcceptHeaderAScrapeIsPrometheusTextWithoutEof() {
        MetricsService.Scrape before = cut.scrape(null);
        assertTrue(before.contentType().startsWith("text/plain; version=0.0.4"), before.contentType());
        assertFalse(new String(before.body(), StandardCharsets.UTF_8).contains("container_"), "no round yet");

        FakeRound.publish(cut.lastRound, TIME, 3);
        String body = new String(cut.scrape(null).body(), StandardCharsets.UTF_8);
        assertTrue(body.startsWith("# HELP container_cpu_usage_seconds_total "), body);
        assertTrue(body.contains("\nhebergos_docker_up 1.0\n"), body);
        assertFalse(body.contains("# EOF"), body);
    }

    @Test
    void theJvmThreadFiguresAreTheCheapCounts() {
        String body = new String(cut.scrape(null).body(), StandardCharsets.UTF_8);
        for (String counted : List.of("jvm_threads_current", "jvm_threads_daemon", "jvm_threads_peak")) {
            assertTrue(body.contains("# TYPE " + counted + " gauge\n"), body);
        }
        assertTrue(body.contains("# TYPE jvm_threads_started_total counter\n"), body);
        assertFalse(body.contains("jvm_threads_state"), "a ThreadInfo of every thread at each scrape");
        assertFalse(body.contains("jvm_threads_deadlocked"), "a deadlock search at each scrape");
        assertTrue(body.contains("\nprocess_cpu_seconds_total "), body);
        assertTrue(body.contains("\njvm_memory_used_bytes{area=\"heap\"} "), body);
    }

    @Test
    void theAgentsFiguresAreFreshAtEachScrapeWhileTheRoundsSeriesStay() {
        FakeRound.publish(cut.lastRound, TIME, 3);
        cut.lastRound.reported(new RoundReport(TIME, 3, 3, 3, 0, 0, 1250, 0, 0));
        String first = new String(cut.scrape(null).body(), StandardCharsets.UTF_8);
        cut.lastRound.reported(new RoundReport(TIME, 3, 3, 3, 0, 0, 1250, 4, 0));
        String second = new String(cut.scrape(null).body(), StandardCharsets.UTF_8);
        assertTrue(first.contains("\nhebergos_stats_skipped_rounds_total 0.0\n"), first);
        assertTrue(second.contains("\nhebergos_stats_skipped_rounds_total 4.0\n"), second);
        assertEquals(first.substring(0, first.indexOf("# HELP hebergos_")), second.substring(0, second.indexOf("# HELP hebergos_")),
                "the same round's series");
    }
}
