package org.hebergos.dockerlink.stats;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hebergos.dockerlink.config.Settings;
import org.hebergos.dockerlink.docker.ContainerInfo;
import org.hebergos.dockerlink.docker.ContainerCatalogue;
import org.hebergos.dockerlink.docker.ContainerStatsSource;
import org.hebergos.dockerlink.docker.EngineStats;
import org.hebergos.dockerlink.error.AgentException;
import org.hebergos.dockerlink.history.HistoryStore;
import org.hebergos.dockerlink.metrics.LastRound;

/**
 * Samples every running container once per {@code stats_interval}: one list call, then one one-shot
 * stats call per container, all at once on {@code stats_concurrency} managed threads, each bounded by
 * the round's deadline, then one batch into the store. A round still running when the next is due makes
 * the next one skip, so rounds never pile up; skipped rounds and those the timer never started are
 * counted and make {@code /health} say {@code degraded} for a while. Nothing that goes wrong in a round (engine,
 * database, a bug) escapes the timer, which would cancel it: the failure is logged, counted and reported
 * in {@code /health}, and the next round runs. Samples the store refuses are held back and written with
 * the next round that gets through, up to {@link #MAX_PENDING_ROUNDS} rounds.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// no container transaction around a round: the store manages its own (and on a JTA DataSource a commit
// inside a container transaction would be illegal)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StatsSampler {

    private static final Logger LOG = Logger.getLogger(StatsSampler.class.getName());
    static final int MAX_PENDING_ROUNDS = 30;
    /** Rounds without a stored result after which {@code /health} says the agent is degraded. */
    static final int DEGRADED_AFTER_ROUNDS = 3;
    /** Intervals during which {@code /health} says degraded after a round was lost. */
    static final int LOSS_REPORTED_ROUNDS = 10;

    @Inject
    Settings settings;
    @Inject
    ContainerCatalogue docker;
    @Inject
    ContainerStatsSource statsSource;
    @Inject
    HistoryStore store;
    @Inject
    LastRound published;
    @Resource
    TimerService timers;
    @Resource
    ManagedThreadFactory threads;
    @Inject
    Event<StatsRound> roundTaken;

    ThreadPoolExecutor pool;
    private final AtomicBoolean roundRunning = new AtomicBoolean();
    private final AtomicLong skippedRounds = new AtomicLong();
    private final RoundClock clock = new RoundClock();
    /** When a round was last skipped or not started at all; null while none was. */
    private volatile Instant lastLoss;
    /** The previous sample of each container seen in the last round. */
    private Map<String, Sample> previous = new HashMap<>();
    private long previousRoundTime;
    /** Rounds the store has not accepted yet, oldest first. */
    private final Deque<List<Sample>> pending = new ArrayDeque<>();
    private long droppedSamples;
    private final RepeatedFailureLog roundFailure = new RepeatedFailureLog(LOG, "stats round");
    private final RepeatedFailureLog storeFailure = new RepeatedFailureLog(LOG, "storing stats");
    private final RepeatedFailureLog badReadings = new RepeatedFailureLog(LOG, "stats readings");
    private volatile RoundReport lastRound;
    /** When a round last ended with everything it had written (or nothing to write): the startup time at first. */
    private volatile Instant lastStored = Instant.now();

    @PostConstruct
    void schedule() {
        int size = settings.statsConcurrency();
        pool = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        pool.allowCoreThreadTimeOut(true);
        long interval = settings.statsInterval().toMillis();
        if (settings.statsInterval().compareTo(Settings.COMFORTABLE_STATS_INTERVAL) < 0) {
            LOG.warning(() -> "stats_interval " + settings.statsInterval().toSeconds() + " s: the engine answers a stats call at its"
                    + " next 1 s tick, so readings may miss the round's deadline (80 % of the interval); "
                    + Settings.COMFORTABLE_STATS_INTERVAL.toSeconds() + " s or more is safe");
        }
        long now = System.currentTimeMillis();
        previousRoundTime = now / 1000;
        long untilBoundary = interval - now % interval;
        timers.createIntervalTimer(untilBoundary, interval, new TimerConfig("stats sampling", false));
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    @Timeout
    void onTimer() {
        long notStarted = clock.fired(System.currentTimeMillis(), settings.statsInterval().toMillis());
        if (notStarted > 0) {
            lost(notStarted, "the timer started none while the previous one ran");
        }
        if (!roundRunning.compareAndSet(false, true)) {
            lost(1, "the previous one is still running");
            return;
        }
        try {
            Instant start = Instant.now();
            Round round = sampleOrFail(start);
            // rounds held back are written even when this one failed
            int stored = store(round.samples());
            if (!round.failed() && pending.isEmpty()) {
                lastStored = Instant.now();
            }
            lastRound = new RoundReport(start.getEpochSecond(), round.containers(), round.samples().size(), stored,
                    pendingSamples(), round.failures(), Duration.between(start, Instant.now()).toMillis(),
                    skippedRounds.get(), droppedSamples);
            LOG.fine(() -> "stats round: " + lastRound);
            published.reported(lastRound);
            roundTaken.fire(new StatsRound(start.getEpochSecond(), round.samples()));
        } catch (RuntimeException | Error bug) {
            // an escaping exception would cancel the timer for good
            roundFailure.failed(bug.toString());
            LOG.log(Level.WARNING, "stats round failed unexpectedly", bug);
        } finally {
            roundRunning.set(false);
        }
    }

    private void lost(long rounds, String why) {
        long skipped = skippedRounds.addAndGet(rounds);
        lastLoss = Instant.now();
        LOG.warning(() -> rounds + " stats round(s) lost: " + why + " (" + skipped + " lost since startup)");
    }

    public Optional<RoundReport> lastRound() {
        return Optional.ofNullable(lastRound);
    }

    /** Why the store refused the last write, with the path of the database; empty while it works. */
    public Optional<String> storeProblem() {
        return Optional.ofNullable(storeFailure.reason());
    }

    /** The last time a round ended with all its samples stored. */
    public Instant lastStored() {
        return lastStored;
    }

    /**
     * Why sampling is not keeping up, in words that name no path: no round stored for
     * {@link #DEGRADED_AFTER_ROUNDS} intervals, or a round lost in the last {@link #LOSS_REPORTED_ROUNDS}.
     * Empty while it keeps up.
     */
    public Optional<String> lag(Instant now) {
        Duration since = Duration.between(lastStored, now);
        if (since.compareTo(settings.statsInterval().multipliedBy(DEGRADED_AFTER_ROUNDS)) <= 0) {
            Instant loss = lastLoss;
            if (loss != null && Duration.between(loss, now).compareTo(settings.statsInterval().multipliedBy(LOSS_REPORTED_ROUNDS)) <= 0) {
                return Optional.of(skippedRounds.get() + " stats rounds lost since startup, the last "
                        + Duration.between(loss, now).toSeconds() + " s ago: rounds took longer than stats_interval");
            }
            return Optional.empty();
        }
        String cause = storeFailure.reason() != null ? "the stats store is unavailable"
                : roundFailure.reason() != null ? "sampling rounds fail" : "sampling rounds do not complete";
        return Optional.of("no stats round stored for " + since.toSeconds() + " s: " + cause);
    }

    private record Round(int containers, List<Sample> samples, int failures, boolean failed) {

        static final Round FAILED = new Round(0, List.of(), 0, true);
    }

    private Round sampleOrFail(Instant start) {
        try {
            Round round = sample(start);
            roundFailure.succeeded();
            return round;
        } catch (AgentException e) {
            roundFailure.failed(e.getMessage());
            return Round.FAILED;
        }
    }

    private Round sample(Instant start) {
        long time = start.getEpochSecond();
        Instant deadline = start.plus(settings.statsInterval().multipliedBy(8).dividedBy(10));
        List<ContainerInfo> running = docker.containers(true);
        Map<ContainerInfo, Future<EngineStats>> readings = new HashMap<>();
        for (ContainerInfo c : running) {
            readings.put(c, pool.submit(() -> statsSource.read(c)));
        }
        Map<String, Sample> current = new HashMap<>();
        RoundReadings missing = new RoundReadings();
        for (Map.Entry<ContainerInfo, Future<EngineStats>> reading : readings.entrySet()) {
            String id = reading.getKey().id();
            try {
                EngineStats stats = reading.getValue().get(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
                if (stats != null) {
                    current.put(id, StatsMath.next(id, reading.getKey().run(), stats, previousOf(id), time, previousRoundTime));
                }
            } catch (TimeoutException e) {
                reading.getValue().cancel(true);
                missing.late(id);
            } catch (ExecutionException e) {
                missing.failed(id, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("stats round interrupted", e);
            }
        }
        missing.report(badReadings, running.size(), Duration.between(start, deadline), Duration.between(start, Instant.now()));
        published.publish(time, readings, current);
        previous = current;
        previousRoundTime = time;
        return new Round(running.size(), List.copyOf(current.values()), missing.failures(), false);
    }

    /**
     * Writes the held-back rounds and this one in one transaction; on failure keeps them for the next
     * round, giving up the oldest beyond {@link #MAX_PENDING_ROUNDS}. Returns how many samples were stored.
     */
    private int store(List<Sample> samples) {
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

    private int pendingSamples() {
        return pending.stream().mapToInt(List::size).sum();
    }

    /** Last round's sample, or on first sight (agent restart, container started again) the stored one. */
    private Sample previousOf(String id) {
        Sample last = previous.get(id);
        if (last != null) {
            return last;
        }
        try {
            return store.last(id).orElse(null);
        } catch (RuntimeException e) {
            storeFailure.failed(e.getMessage());
            return null; // without a baseline the sample starts afresh: CPU 0, no delta
        }
    }
}
