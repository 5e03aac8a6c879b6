package org.hebergos.dockerlink.metrics;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.hebergos.dockerlink.history.RoundStorage;
import org.hebergos.dockerlink.stats.SamplingRound;

/**
 * The container series of the last round that reached the engine, so that a scrape costs no engine call
 * and shows exactly the figures {@code v1/container/stats} stores for that round. Each round is rendered
 * as it comes in the formats scraped so far: Prometheus scrapes every 15 s or so and a round lasts 10 s,
 * so a rendering made at the first scrape of a round would be made at nearly every scrape.
 */
@ApplicationScoped
public class RoundMetrics {

    private volatile RoundExposition exposition;
    private final AtomicLong failedReadings = new AtomicLong();
    private final Set<ExpositionFormatWriter> scrapedFormats = ConcurrentHashMap.newKeySet();

    /** A failed round read nothing: the series of the last one that did stay, with their timestamps. */
    void observe(@Observes @Priority(RoundStorage.STORES_FIRST + 100) SamplingRound round) {
        failedReadings.addAndGet(round.failures());
        if (!round.failed()) {
            exposition = new RoundExposition(round, Set.copyOf(scrapedFormats));
        }
    }

    /** The last round's container series in {@code format}, nothing before the first round; later rounds come rendered in it. */
    byte[] containerExposition(ExpositionFormatWriter format) {
        scrapedFormats.add(format);
        RoundExposition last = exposition;
        return last == null ? new byte[0] : last.bytes(format);
    }

    /** Stats calls that failed or missed their round's deadline since the agent started. */
    long failedReadings() {
        return failedReadings.get();
    }
}
