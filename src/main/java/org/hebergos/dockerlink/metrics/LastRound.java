package org.hebergos.dockerlink.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.hebergos.dockerlink.docker.ContainerInfo;
import org.hebergos.dockerlink.docker.EngineStats;
import org.hebergos.dockerlink.stats.Sample;

/**
 * Where the sampler leaves what its last round read, so that a scrape costs no engine call and shows
 * exactly the figures {@code v1/container/stats} stores for that round.
 */
@ApplicationScoped
public class LastRound {

    private volatile RoundReadings round;
    private final AtomicLong failedReadings = new AtomicLong();

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
        round = new RoundReadings(time, kept);
    }

    Optional<RoundReadings> round() {
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
