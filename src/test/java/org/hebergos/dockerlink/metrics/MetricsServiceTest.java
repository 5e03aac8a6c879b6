package org.hebergos.dockerlink.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.instrumentation.jvm.JvmGarbageCollectorMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryMetrics;
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
import java.util.regex.Pattern;
import org.hebergos.dockerlink.history.RoundStorage;
import org.hebergos.dockerlink.history.RoundStorage.StoredRound;
import org.hebergos.dockerlink.stats.SamplingRound;
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

    private final RoundMetrics rounds = new RoundMetrics();
    private StoredRound stored;

    @BeforeEach
    void wire() {
        cut.rounds = rounds;
        cut.storage = new RoundStorage() {
            @Override
            public Optional<StoredRound> last() {
                return Optional.ofNullable(stored);
            }
        };
        cut.register();
    }

    private void observe(SamplingRound round) {
        rounds.observe(round);
        stored = FakeRound.stored(round);
    }

    private static String write(ExpositionFormatWriter format, List<MetricSnapshot> snapshots) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(out, new MetricSnapshots(snapshots));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The JVM's and the process' values and timestamps, which move between two renderings, as {@code *}. */
    private static String withoutJvmValues(String exposition) {
        return Pattern.compile("^((?:jvm|process)_[^ ]+) .*$", Pattern.MULTILINE).matcher(exposition).replaceAll("$1 *");
    }

    /** A scrape in {@code format} against the writer's rendering of all its figures at once. */
    private void assertScrapeIsAFreshRender(ExpositionFormatWriter format, String accept) throws IOException {
        SamplingRound round = stored.round();
        List<MetricSnapshot> everything = new ArrayList<>(CadvisorExposition.containers(round));
        everything.addAll(CadvisorExposition.agent(Optional.of(stored), rounds.failedReadings()));
        PrometheusRegistry jvm = new PrometheusRegistry();
        JvmMemoryMetrics.builder().register(jvm);
        JvmGarbageCollectorMetrics.builder().register(jvm);
        ProcessMetrics.builder().register(jvm);
        MetricsService.registerThreadCounts(jvm);
        jvm.scrape().forEach(everything::add);

        MetricsService.Scrape scrape = cut.scrape(accept);

        assertEquals(format.getContentType(), scrape.contentType());
        assertEquals(withoutJvmValues(write(format, everything)), withoutJvmValues(new String(scrape.body(), StandardCharsets.UTF_8)));
    }

    @Test
    void aScrapeIsByteForByteWhatTheWriterMakesOfAllItsFiguresInBothFormats() throws IOException {
        ExpositionFormatWriter text = formats.getPrometheusTextFormatWriter();
        ExpositionFormatWriter open = formats.getOpenMetricsTextFormatWriter();
        observe(FakeRound.of(TIME, 200));
        assertScrapeIsAFreshRender(text, null);
        assertScrapeIsAFreshRender(open, PROMETHEUS_ACCEPT);
        observe(FakeRound.of(TIME + 10, 200));
        assertScrapeIsAFreshRender(text, null);
        assertScrapeIsAFreshRender(open, PROMETHEUS_ACCEPT);
    }

    @Test
    void prometheusGetsOpenMetricsWithExactlyOneEofAtTheEnd() {
        observe(FakeRound.of(TIME, 3));
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

        observe(FakeRound.of(TIME, 3));
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
        observe(FakeRound.of(TIME, 3));
        String first = new String(cut.scrape(null).body(), StandardCharsets.UTF_8);
        stored = new StoredRound(stored.round(), 0, 3, 4, 1250);
        String second = new String(cut.scrape(null).body(), StandardCharsets.UTF_8);
        assertTrue(first.contains("\nhebergos_stats_pending_samples 0.0\n"), first);
        assertTrue(second.contains("\nhebergos_stats_pending_samples 3.0\n"), second);
        assertTrue(second.contains("\nhebergos_stats_dropped_samples_total 4.0\n"), second);
        assertEquals(first.substring(0, first.indexOf("# HELP hebergos_")), second.substring(0, second.indexOf("# HELP hebergos_")),
                "the same round's series");
    }
}
