package org.hebergos.dockerlink.metrics;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.hebergos.dockerlink.docker.ContainerInfo;
import org.hebergos.dockerlink.docker.EngineStats;
import org.hebergos.dockerlink.stats.RoundReport;
import org.hebergos.dockerlink.stats.Sample;

/**
 * Where the sampler leaves what its last round read, so that a scrape costs no engine call and shows
 * exactly the figures {@code v1/container/stats} stores for that round. The round comes already rendered
 * in the formats scraped so far: Prometheus scrapes every 15 s or so and a round lasts 10 s, so a
 * rendering made at the first scrape of a round would be made at nearly every scrape.
 */
@ApplicationScoped
public class LastRound {

    private volatile RoundExposition round;
    private volatile RoundReport report;
    private final AtomicLong failedReadings = new AtomicLong();
    private final Set<ExpositionFormatWriter> scrapedFormats = ConcurrentHashMap.newKeySet();

    /**
     * Called by the sampler once its round has all its readings: {@code readings} are the round's stats
     * calls, all finished (answered, failed or cancelled at the deadline), {@code samples} what it made of
     * them, by container id.
     */
    public void publish(long time, Map<ContainerInfo, Future<EngineStats>> readings, Map<String, Sample> samples) {
        List<RoundReadings.Reading> kept = new ArrayList<>(samples.size());
        for (Map.Entry<ContainerInfo, Future<EngineStats>> reading : readings.entrySet()) {
            Sample sample = samples.get(reading.getKey().id());
            EngineStats stats = outcome(reading.getValue());
            if (sample != null && stats != null) {
                kept.add(new RoundReadings.Reading(reading.getKey(), sample, stats.memoryUsage()));
            }
        }
        round = new RoundExposition(new RoundReadings(time, kept), Set.copyOf(scrapedFormats));
    }

    /**
     * Called by the sampler with the report of its round, a moment after {@link #publish} (once the samples
     * are stored): the scrape reads it here rather than through the sampler's EJB, whose every call took
     * 0.3 ms of CPU in Payara, five times what the agent's figures cost without it.
     */
    public void reported(RoundReport last) {
        report = last;
    }

    Optional<RoundReport> report() {
        return Optional.ofNullable(report);
    }

    Optional<RoundReadings> round() {
        return Optional.ofNullable(round).map(RoundExposition::round);
    }

    /** The last round's container series in {@code format}, nothing before the first round; later rounds come rendered in it. */
    byte[] containerExposition(ExpositionFormatWriter format) {
        scrapedFormats.add(format);
        RoundExposition last = round;
        return last == null ? new byte[0] : last.bytes(format);
    }

    /** The last round as published, for tests. */
    Optional<RoundExposition> exposition() {
        return Optional.ofNullable(round);
    }

    /** Stats calls that failed or missed their round's deadline since the agent started. */
    long failedReadings() {
        return failedReadings.get();
    }

    /** The reading of a finished call; null, counted as a failure, when it failed or was cancelled. */
    private EngineStats outcome(Future<EngineStats> call) {
        try {
            return call.isDone() ? call.get() : null;
        } catch (ExecutionException | CancellationException e) {
            failedReadings.incrementAndGet();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
