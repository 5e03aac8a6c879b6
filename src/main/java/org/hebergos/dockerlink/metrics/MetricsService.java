package org.hebergos.dockerlink.metrics;

import io.prometheus.metrics.config.ExporterProperties;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.instrumentation.jvm.JvmGarbageCollectorMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.hebergos.dockerlink.history.RoundStorage;

/**
 * Assembles a scrape: the last round's container metrics (rendered once a round, see {@link RoundMetrics}),
 * then the agent's own figures and the JVM's (memory, garbage collection, thread counts, process CPU and
 * memory, from the official client's instrumentation), both made at each scrape, in the format the
 * scraper asks for.
 */
@ApplicationScoped
public class MetricsService {

    @Inject
    RoundMetrics rounds;
    @Inject
    RoundStorage storage;

    private final PrometheusRegistry jvm = new PrometheusRegistry();
    private ExpositionFormats formats;

    /** What a scrape answers: its media type and its whole body. */
    public record Scrape(String contentType, byte[] body) {
    }

    @PostConstruct
    void register() {
        formats = formats();
        // A selection: JvmMetrics' allocation metrics hang listeners on the GC beans that outlive a redeployment.
        JvmMemoryMetrics.builder().register(jvm);
        JvmGarbageCollectorMetrics.builder().register(jvm);
        ProcessMetrics.builder().register(jvm);
        registerThreadCounts(jvm);
    }

    /**
     * The counts of the client's {@code JvmThreadsMetrics}, under its names, types and help texts, without
     * its {@code jvm_threads_state} and {@code jvm_threads_deadlocked*}: those take a ThreadInfo of every
     * thread (some 300 in Payara) and run two deadlock searches at each scrape, at safepoints that stop the
     * whole JVM. Measured in the agent on the busy test machine: 0.78 ms of a scrape's wall time at the
     * median, 14 ms at the 90th percentile; the four counts take 0.01 ms of CPU.
     */
    static void registerThreadCounts(PrometheusRegistry registry) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        GaugeWithCallback.builder().name("jvm_threads_current").help("Current thread count of a JVM")
                .callback(count -> count.call(threads.getThreadCount())).register(registry);
        GaugeWithCallback.builder().name("jvm_threads_daemon").help("Daemon thread count of a JVM")
                .callback(count -> count.call(threads.getDaemonThreadCount())).register(registry);
        GaugeWithCallback.builder().name("jvm_threads_peak").help("Peak thread count of a JVM")
                .callback(count -> count.call(threads.getPeakThreadCount())).register(registry);
        CounterWithCallback.builder().name("jvm_threads_started_total").help("Started thread count of a JVM")
                .callback(count -> count.call(threads.getTotalStartedThreadCount())).register(registry);
    }

    /**
     * The client's writers, with the Prometheus text format's timestamps in integer milliseconds as its
     * specification says (the client still writes seconds with decimals there by default, which Prometheus
     * and promtool refuse); OpenMetrics writes seconds, as its own specification says.
     */
    static ExpositionFormats formats() {
        return ExpositionFormats.init(ExporterProperties.builder().prometheusTimestampsInMs(true).build());
    }

    /** A scrape in the format {@code accept} asks for: OpenMetrics when it says so, else Prometheus' text format. */
    public Scrape scrape(String accept) {
        ExpositionFormatWriter writer = formats.findWriter(accept);
        if (!writer.isAvailable()) {
            // protobuf needs a module with 2 MB of shaded protobuf this WAR does not carry
            writer = formats.getPrometheusTextFormatWriter();
        }
        byte[] containers = rounds.containerExposition(writer);
        List<MetricSnapshot> rest = new ArrayList<>(CadvisorExposition.agent(storage.last(), rounds.failedReadings()));
        jvm.scrape().forEach(rest::add);
        return new Scrape(writer.getContentType(), RoundExposition.body(containers, writer, new MetricSnapshots(rest)));
    }
}
