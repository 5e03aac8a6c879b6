package org.hebergos.dockerlink.history;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.hebergos.dockerlink.stats.Baselines;
import org.hebergos.dockerlink.logging.RepeatedFailureLog;
import org.hebergos.dockerlink.stats.Sample;
import org.hebergos.dockerlink.stats.SamplingRound;

/**
 * Stores each sampling round as it is fired, before anyone else observes it. Samples the store refuses
 * are held back and written with the next round that gets through, up to {@link #MAX_PENDING_ROUNDS}
 * rounds; what is given up beyond that is counted, never counted as stored. Also gives the sampler the
 * stored baselines it goes on from after a restart.
 */
@ApplicationScoped
public class RoundStorage implements Baselines {

    /** Observers of a round that read what the store made of it run after this one. */
    public static final int STORES_FIRST = jakarta.interceptor.Interceptor.Priority.APPLICATION;
    private static final Logger LOG = Logger.getLogger(RoundStorage.class.getName());
    static final int MAX_PENDING_ROUNDS = 30;

    @Inject
    HistoryStore store;

    /** Rounds the store has not accepted yet, oldest first. */
    private final Deque<List<Sample>> pending = new ArrayDeque<>();
    private long droppedSamples;
    private final RepeatedFailureLog storeFailure = new RepeatedFailureLog(LOG, "storing stats");
    private volatile StoredRound last;
    /** When a round last ended with everything it had written (or nothing to write): the startup time at first. */
    private volatile Instant lastStored = Instant.now();

    /**
     * A round as the store took it.
     *
     * @param round          the round
     * @param stored         samples the store accepted with it (earlier rounds held back included)
     * @param pending        samples held in memory because the store did not accept them yet
     * @param droppedSamples samples given up since startup because the store stayed unavailable too long
     * @param durationMillis wall time of the whole round, storing included
     */
    public record StoredRound(SamplingRound round, int stored, int pending, long droppedSamples, long durationMillis) {
    }

    synchronized void store(@Observes @Priority(STORES_FIRST) SamplingRound round) {
        // rounds held back are written even when this one failed
        int stored = write(round.samples());
        if (!round.failed() && pending.isEmpty()) {
            lastStored = Instant.now();
        }
        last = new StoredRound(round, stored, pending.stream().mapToInt(List::size).sum(), droppedSamples,
                System.currentTimeMillis() - round.startMillis());
    }

    /** The last round and what the store made of it; empty before the first. */
    public Optional<StoredRound> last() {
        return Optional.ofNullable(last);
    }

    /** The last time a round ended with all its samples stored. */
    public Instant lastStored() {
        return lastStored;
    }

    /** Why the store refused the last write or read, with the path of the database; empty while it works. */
    public Optional<String> problem() {
        return Optional.ofNullable(storeFailure.reason());
    }

    @Override
    public Optional<Sample> last(String containerId) {
        try {
            return store.last(containerId);
        } catch (RuntimeException e) {
            storeFailure.failed(e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Writes the held-back rounds and this one in one transaction; on failure keeps them for the next
     * round, giving up the oldest beyond {@link #MAX_PENDING_ROUNDS}. Returns how many samples were stored.
     */
    private int write(List<Sample> samples) {
        if (!samples.isEmpty()) {
            pending.addLast(samples);
        }
        while (pending.size() > MAX_PENDING_ROUNDS) {
            int dropped = pending.removeFirst().size();
            droppedSamples += dropped;
            LOG.warning(() -> dropped + " samples of a round dropped: the store has refused them for "
                    + MAX_PENDING_ROUNDS + " rounds");
        }
        List<Sample> batch = pending.stream().flatMap(List::stream).toList();
        try {
            if (!batch.isEmpty()) {
                store.insert(batch);
            }
        } catch (RuntimeException e) {
            storeFailure.failed(e.getMessage());
            return 0;
        }
        pending.clear();
        storeFailure.succeeded();
        return batch.size();
    }
}
