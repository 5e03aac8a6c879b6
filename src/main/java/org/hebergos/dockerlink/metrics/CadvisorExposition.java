package org.hebergos.dockerlink.metrics;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.hebergos.dockerlink.docker.CpuLimit;
import org.hebergos.dockerlink.history.RoundStorage.StoredRound;
import org.hebergos.dockerlink.stats.SamplingRound;
import org.hebergos.dockerlink.stats.SamplingRound.Reading;

/**
 * Turns a sampling round into Prometheus metric snapshots under cAdvisor's names, types, units, help texts
 * and labels ({@code id="/docker/<full id>"}, {@code name}, {@code image}), so dashboards built on cAdvisor
 * read them unchanged. Each container value carries the round's time as its timestamp, as cAdvisor's do:
 * Prometheus stores it at the second {@code v1/container/stats} keys it by, and a scrape between two
 * rounds repeats the same point instead of inventing a new one. Counters are the engine's own, which
 * restart from zero when the container restarts, exactly like cAdvisor's; Prometheus' {@code rate()} and
 * {@code increase()} treat the drop as a reset.
 */
final class CadvisorExposition {

    /** The CFS period Docker sets for {@code --cpus}, and its default for {@code --cpu-quota}, in microseconds. */
    static final long CPU_PERIOD_MICROS = CpuLimit.DEFAULT_PERIOD_MICROS;

    private CadvisorExposition() {
    }

    static List<MetricSnapshot> containers(SamplingRound round) {
        List<Reading> all = round.readings();
        long at = round.time() * 1000;
        List<Reading> limited = all.stream().filter(r -> r.container().run().cpuLimitCores() > 0).toList();
        return List.of(
                counter("container_cpu_usage_seconds", Unit.SECONDS, "Cumulative cpu time consumed in seconds.",
                        all, at, r -> r.sample().cpuTotalNanos() / 1e9),
                gauge("container_memory_working_set_bytes", Unit.BYTES, "Current working set in bytes.",
                        all, at, r -> r.sample().memoryUsed()),
                gauge("container_memory_usage_bytes", Unit.BYTES,
                        "Current memory usage in bytes, including all memory regardless of when it was accessed",
                        all, at, Reading::memoryUsage),
                gauge("container_spec_memory_limit_bytes", Unit.BYTES, "Memory limit for the container.",
                        all, at, r -> r.container().run().memoryLimitBytes()),
                gauge("container_spec_cpu_quota", null, "CPU quota of the container.",
                        limited, at, r -> Math.round(r.container().run().cpuLimitCores() * CPU_PERIOD_MICROS)),
                gauge("container_spec_cpu_period", null, "CPU period of the container.",
                        limited, at, r -> CPU_PERIOD_MICROS),
                counter("container_network_receive_bytes", Unit.BYTES, "Cumulative count of bytes received",
                        all, at, r -> r.sample().netDown()),
                counter("container_network_transmit_bytes", Unit.BYTES, "Cumulative count of bytes transmitted",
                        all, at, r -> r.sample().netUp()),
                gauge("container_start_time_seconds", Unit.SECONDS, "Start time of the container since unix epoch in seconds.",
                        all, at, r -> r.sample().runStartedMillis() / 1000d),
                gauge("container_last_seen", null, "Last time a container was seen by the exporter",
                        all, at, r -> round.time()));
    }

    /**
     * The agent's own figures. The engine counts as up when the last round reached it: the scrape asks
     * nothing of the engine itself. Nothing before the first round.
     */
    static List<MetricSnapshot> agent(Optional<StoredRound> stored, long failedReadings) {
        if (stored.isEmpty()) {
            return List.of();
        }
        StoredRound last = stored.get();
        List<MetricSnapshot> all = new ArrayList<>();
        all.add(gauge("hebergos_docker_up", null, "1 when the last sampling round reached the Docker engine, else 0.", last.round().failed() ? 0 : 1));
        all.add(CounterSnapshot.builder().name("hebergos_stats_failed_readings")
                .help("Stats readings that failed or missed their round's deadline since the agent started.")
                .dataPoint(CounterDataPointSnapshot.builder().value(failedReadings).build()).build());
        all.addAll(List.of(
                gauge("hebergos_stats_last_round_timestamp_seconds", Unit.SECONDS, "Unix time the last sampling round started.", last.round().time()),
                gauge("hebergos_stats_last_round_duration_seconds", Unit.SECONDS, "Wall time of the last sampling round.",
                        last.durationMillis() / 1000d),
                gauge("hebergos_stats_last_round_containers", null, "Running containers the last sampling round found.", last.round().containers()),
                gauge("hebergos_stats_last_round_sampled", null, "Containers the last sampling round read.", last.round().readings().size()),
                gauge("hebergos_stats_pending_samples", null, "Samples held in memory because the stats store did not accept them yet.",
                        last.pending()),
                CounterSnapshot.builder().name("hebergos_stats_skipped_rounds")
                        .help("Sampling rounds skipped since the agent started because the previous one was still running.")
                        .dataPoint(CounterDataPointSnapshot.builder().value(last.round().skippedRounds()).build()).build(),
                CounterSnapshot.builder().name("hebergos_stats_dropped_samples")
                        .help("Samples given up since the agent started because the stats store stayed unavailable too long.")
                        .dataPoint(CounterDataPointSnapshot.builder().value(last.droppedSamples()).build()).build()));
        return all;
    }

    private static Labels labels(Reading r) {
        return Labels.of("id", "/docker/" + r.container().id(), "image", String.valueOf(r.container().image()),
                "name", r.container().name());
    }

    private static GaugeSnapshot gauge(String name, Unit unit, String help, List<Reading> readings, long at,
                                       ToDoubleFunction<Reading> value) {
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help).unit(unit);
        for (Reading r : readings) {
            gauge.dataPoint(GaugeDataPointSnapshot.builder().labels(labels(r)).value(value.applyAsDouble(r)).scrapeTimestampMillis(at).build());
        }
        return gauge.build();
    }

    private static CounterSnapshot counter(String name, Unit unit, String help, List<Reading> readings, long at,
                                           ToDoubleFunction<Reading> value) {
        CounterSnapshot.Builder counter = CounterSnapshot.builder().name(name).help(help).unit(unit);
        for (Reading r : readings) {
            counter.dataPoint(CounterDataPointSnapshot.builder().labels(labels(r)).value(value.applyAsDouble(r)).scrapeTimestampMillis(at).build());
        }
        return counter.build();
    }

    private static GaugeSnapshot gauge(String name, Unit unit, String help, double value) {
        return GaugeSnapshot.builder().name(name).help(help).unit(unit).dataPoint(GaugeDataPointSnapshot.builder().value(value).build()).build();
    }
}
