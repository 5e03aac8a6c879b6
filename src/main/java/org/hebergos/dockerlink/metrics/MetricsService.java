package org.hebergos.dockerlink.metrics;

import io.prometheus.metrics.config.ExporterProperties;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.instrumentation.jvm.JvmGarbageCollectorMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmThreadsMetrics;
import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.hebergos.dockerlink.stats.StatsSampler;

/**
 * Assembles a scrape: the last round's container metrics, the agent's own, and the JVM's (memory,
 * garbage collection, threads, process CPU and memory, from the official client's instrumentation), in
 * the format the scraper asks for.
 */
@ApplicationScoped
public class MetricsService {

    @Inject
    LastRound lastRound;
    @Inject
    StatsSampler sampler;

    private final PrometheusRegistry jvm = new PrometheusRegistry();
    private ExpositionFormats formats;

    /** What a scrape answers: its media type and a body written when the response is sent. */
    public record Scrape(String contentType, MetricSnapshots snapshots, ExpositionFormatWriter writer) {

        public void writeTo(OutputStream out) throws IOException {
            writer.write(out, snapshots);
        }
    }

    @PostConstruct
    void register() {
        formats = formats();
        // A selection: JvmMetrics' allocation metrics hang listeners on the GC beans that outlive a redeployment.
        JvmMemoryMetrics.builder().register(jvm);
        JvmGarbageCollectorMetrics.builder().register(jvm);
        JvmThreadsMetrics.builder().register(jvm);
        ProcessMetrics.builder().register(jvm);
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
        List<MetricSnapshot> all = new ArrayList<>();
        lastRound.round().ifPresent(round -> all.addAll(CadvisorExposition.containers(round)));
        all.addAll(CadvisorExposition.agent(sampler.lastRound(), lastRound.round(), lastRound.failedReadings()));
        jvm.scrape().forEach(all::add);
        ExpositionFormatWriter writer = formats.findWriter(accept);
        if (!writer.isAvailable()) {
            // protobuf needs a module with 2 MB of shaded protobuf this WAR does not carry
            writer = formats.getPrometheusTextFormatWriter();
        }
        return new Scrape(writer.getContentType(), new MetricSnapshots(all), writer);
    }
}
