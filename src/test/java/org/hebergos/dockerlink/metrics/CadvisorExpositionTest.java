package org.hebergos.dockerlink.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hebergos.dockerlink.docker.ContainerInfo;
import org.hebergos.dockerlink.docker.RunInfo;
import org.hebergos.dockerlink.history.RoundStorage.StoredRound;
import org.hebergos.dockerlink.stats.Sample;
import org.hebergos.dockerlink.stats.SamplingRound;
import org.junit.jupiter.api.Test;

/** The exposition of recorded rounds, as Prometheus reads it (its text format, 0.0.4). */
class CadvisorExpositionTest {

    private static final long TIME = 1795755340;
    private static final String WEB = "3f2a9c" + "0".repeat(58);
    private static final String DB = "9b1e07" + "1".repeat(58);
    private static final Instant STARTED = Instant.parse("2026-11-20T10:00:00.250Z");
    private static final String WEB_SERIES = "{id=\"/docker/" + WEB + "\",image=\"nginx:1.27\",name=\"web\"}";
    private static final String DB_SERIES = "{id=\"/docker/" + DB + "\",image=\"sha256:abc\",name=\"db\"}";

    /** web: --cpus 0.5 -m 256m, 10 MiB working set of 12 MiB used; db: no limits, 1 GiB. */
    private static SamplingRound round(long time, Instant webStarted, long webCpuNanos, long webDown, long webUp) {
        return new SamplingRound(time, time * 1000, 2, List.of(
                reading(new ContainerInfo(WEB, "web", "nginx:1.27", "running", null, new RunInfo(webStarted, 0.5, 256L << 20, 0, "default")),
                        time, webCpuNanos, 10L << 20, 12L << 20, webDown, webUp),
                reading(new ContainerInfo(DB, "db", "sha256:abc", "running", null, new RunInfo(STARTED, 0, 0, 0, "default")),
                        time, 7_000_000_000L, 1L << 30, 1L << 30, 0, 0)), 0, null, 900, 0, null, 0);
    }

    private static SamplingRound.Reading reading(ContainerInfo c, long time, long cpuNanos, long used, long usage, long down, long up) {
        Sample sample = new Sample(c.id(), time, c.run().startedAt().toEpochMilli(), used, 8L << 30, 12.5, 50,
                cpuNanos, 0, up, down, 0, 0);
        return new SamplingRound.Reading(c, sample, usage);
    }

    /** The exposition as Prometheus' text format, and each series line's value and timestamp by name and labels. */
    private record Scraped(String text, Map<String, double[]> series) {

        static Scraped of(List<MetricSnapshot> snapshots) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MetricsService.formats().getPrometheusTextFormatWriter().write(out, new MetricSnapshots(snapshots));
            String text = out.toString(StandardCharsets.UTF_8);
            Map<String, double[]> series = new HashMap<>();
            for (String line : text.split("\n")) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] parts = line.split(" ");
                    double[] valueAndTime = parts.length == 3
                            ? new double[] {Double.parseDouble(parts[1]), Long.parseLong(parts[2])}
                            : new double[] {Double.parseDouble(parts[1])};
                    series.put(parts[0], valueAndTime);
                }
            }
            return new Scraped(text, series);
        }

        double value(String series) {
            double[] found = this.series.get(series);
            assertTrue(found != null, series + " missing from:\n" + text);
            return found[0];
        }

        long timestamp(String series) {
            return (long) this.series.get(series)[1];
        }
    }

    @Test
    void containersHaveCadvisorNamesTypesUnitsAndLabels() throws IOException {
        Scraped s = Scraped.of(CadvisorExposition.containers(round(TIME, STARTED, 1_500_000_000L, 4096, 2048)));
        assertTrue(s.text().contains("# TYPE container_cpu_usage_seconds_total counter\n"), s.text());
        assertTrue(s.text().contains("# TYPE container_network_receive_bytes_total counter\n"), s.text());
        assertTrue(s.text().contains("# TYPE container_memory_working_set_bytes gauge\n"), s.text());
        assertEquals(1.5, s.value("container_cpu_usage_seconds_total" + WEB_SERIES));
        assertEquals(10L << 20, s.value("container_memory_working_set_bytes" + WEB_SERIES), "the stats endpoint's memory.used");
        assertEquals(12L << 20, s.value("container_memory_usage_bytes" + WEB_SERIES), "page cache included");
        assertEquals(256L << 20, s.value("container_spec_memory_limit_bytes" + WEB_SERIES));
        assertEquals(4096, s.value("container_network_receive_bytes_total" + WEB_SERIES));
        assertEquals(2048, s.value("container_network_transmit_bytes_total" + WEB_SERIES));
        assertEquals(STARTED.toEpochMilli() / 1000d, s.value("container_start_time_seconds" + WEB_SERIES));
        assertEquals(TIME, s.value("container_last_seen" + WEB_SERIES));
        assertEquals(7.0, s.value("container_cpu_usage_seconds_total" + DB_SERIES));
    }

    @Test
    void everyContainerValueIsStampedWithItsRoundInMilliseconds() throws IOException {
        Scraped s = Scraped.of(CadvisorExposition.containers(round(TIME, STARTED, 1, 1, 1)));
        s.series().forEach((series, valueAndTime) ->
                assertEquals(TIME * 1000, (long) valueAndTime[1], series + " is stamped with the round's time"));
        assertEquals(20 - 2, s.series().size(), "10 metrics × 2 containers, less quota and period of the unlimited one");
    }

    @Test
    void cpuQuotaAndPeriodOnlyForALimitedContainerAndUnlimitedMemoryIsZero() throws IOException {
        Scraped s = Scraped.of(CadvisorExposition.containers(round(TIME, STARTED, 1, 1, 1)));
        assertEquals(50_000, s.value("container_spec_cpu_quota" + WEB_SERIES), "--cpus 0.5 is 50 ms per 100 ms");
        assertEquals(100_000, s.value("container_spec_cpu_period" + WEB_SERIES));
        assertFalse(s.series().containsKey("container_spec_cpu_quota" + DB_SERIES), s.text());
        assertFalse(s.series().containsKey("container_spec_cpu_period" + DB_SERIES), s.text());
        assertEquals(0, s.value("container_spec_memory_limit_bytes" + DB_SERIES), "cAdvisor's 0 for no limit");
    }

    @Test
    void countersGrowWithinARunAndRestartFromTheEnginesValueAfterAContainerRestart() throws IOException {
        Scraped first = Scraped.of(CadvisorExposition.containers(round(TIME, STARTED, 1_500_000_000L, 4096, 2048)));
        Scraped later = Scraped.of(CadvisorExposition.containers(round(TIME + 10, STARTED, 2_000_000_000L, 8192, 4096)));
        Instant restarted = Instant.ofEpochSecond(TIME + 15);
        Scraped afterRestart = Scraped.of(CadvisorExposition.containers(round(TIME + 20, restarted, 100_000_000L, 512, 256)));

        for (String counter : List.of("container_cpu_usage_seconds_total", "container_network_receive_bytes_total",
                "container_network_transmit_bytes_total")) {
            String series = counter + WEB_SERIES;
            assertTrue(later.value(series) > first.value(series), series + " grows within a run");
            assertTrue(afterRestart.value(series) < later.value(series),
                    series + " restarts with the container, as cAdvisor's: the same series, so rate() sees a reset");
        }
        assertEquals(0.1, afterRestart.value("container_cpu_usage_seconds_total" + WEB_SERIES), 1e-12);
        assertEquals(TIME + 15, afterRestart.value("container_start_time_seconds" + WEB_SERIES), "the new run's start");
        assertEquals((TIME + 20) * 1000, afterRestart.timestamp("container_cpu_usage_seconds_total" + WEB_SERIES));
    }

    @Test
    void agentFiguresComeFromTheLastRound() throws IOException {
        SamplingRound round = new SamplingRound(TIME, TIME * 1000, 2, round(TIME, STARTED, 1, 1, 1).readings().subList(0, 1), 1, null, 900, 3, null, 0);
        Scraped s = Scraped.of(CadvisorExposition.agent(Optional.of(new StoredRound(round, 1, 5, 7, 1250)), 4));
        assertEquals(1, s.value("hebergos_docker_up"));
        assertEquals(TIME, s.value("hebergos_stats_last_round_timestamp_seconds"));
        assertEquals(1.25, s.value("hebergos_stats_last_round_duration_seconds"), "the whole round, storing included");
        assertEquals(2, s.value("hebergos_stats_last_round_containers"));
        assertEquals(1, s.value("hebergos_stats_last_round_sampled"));
        assertEquals(4, s.value("hebergos_stats_failed_readings_total"));
        assertEquals(3, s.value("hebergos_stats_skipped_rounds_total"));
        assertEquals(5, s.value("hebergos_stats_pending_samples"));
        assertEquals(7, s.value("hebergos_stats_dropped_samples_total"));
        assertTrue(s.text().contains("# TYPE hebergos_stats_skipped_rounds_total counter\n"), s.text());
    }

    @Test
    void theEngineIsDownWhenTheLastRoundFailed() throws IOException {
        SamplingRound failed = new SamplingRound(TIME + 10, (TIME + 10) * 1000, 0, List.of(), 0, "engine does not answer", 3, 0, null, 0);
        Scraped s = Scraped.of(CadvisorExposition.agent(Optional.of(new StoredRound(failed, 0, 0, 0, 3)), 0));
        assertEquals(0, s.value("hebergos_docker_up"));
        assertEquals(0, s.value("hebergos_stats_last_round_containers"));
        assertTrue(CadvisorExposition.agent(Optional.empty(), 0).isEmpty(), "nothing to say before the first round");
    }
}
