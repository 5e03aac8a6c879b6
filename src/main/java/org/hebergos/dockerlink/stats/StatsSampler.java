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
import java.util.ArrayList;
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
import org.hebergos.dockerlink.logging.RepeatedFailureLog;

/**
 * Samples every running container once per {@code stats_interval}: one list call, then one reading per
 * container from the {@link ContainerStatsSource} {@code stats_source} chose (the cgroup files, or one
 * one-shot Engine stats call each), all at once on {@code stats_concurrency} managed threads, each bounded by
 * the round's deadline, then fires the round ({@link SamplingRound}) for whoever observes it: the store,
 * the scrapes, {@code /health}, the event stream. A round still running when the next is due makes
 * the next one skip, so rounds never pile up; skipped rounds and those the timer never started are
 * counted and make {@code /health} say {@code degraded} for a while. Nothing that goes wrong in a round
 * (engine, an observer, a bug) escapes the timer, which would cancel it: the failure is logged and
 * fired as a failed round, and the next round runs.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// no container transaction around a round: the store observing it manages its own (and on a JTA
// DataSource a commit inside a container transaction would be illegal)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StatsSampler {

    private static final Logger LOG = Logger.getLogger(StatsSampler.class.getName());
    /** Intervals during which {@code /health} says degraded after a round was lost. */
    static final int LOSS_REPORTED_ROUNDS = 10;

    @Inject
    Settings settings;
    @Inject
    ContainerCatalogue docker;
    @Inject
    ContainerStatsSource statsSource;
    @Inject
    Baselines baselines;
    @Resource
    TimerService timers;
    @Resource
    ManagedThreadFactory threads;
    @Inject
    Event<SamplingRound> rounds;

    ThreadPoolExecutor pool;
    private final AtomicBoolean roundRunning = new AtomicBoolean();
    private final AtomicLong skippedRounds = new AtomicLong();
    private final RoundClock clock = new RoundClock();
    /** When a round was last skipped or not started at all; null while none was. */
    private volatile Instant lastLoss;
    /** The previous sample of each container seen in the last round. */
    private Map<String, Sample> previous = new HashMap<>();
    private long previousRoundTime;
    private final RepeatedFailureLog roundFailure = new RepeatedFailureLog(LOG, "stats round");
    private final RepeatedFailureLog badReadings = new RepeatedFailureLog(LOG, "stats readings");
    private final Origins.ChangeLog sourceLog = new Origins.ChangeLog(LOG);

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
            SamplingRound round = sampleOrFail(Instant.now());
            LOG.fine(() -> "stats round: " + round.time() + ", " + round.readings().size() + " of " + round.containers()
                    + " containers read in " + round.durationMillis() + " ms");
            rounds.fire(round);
        } catch (RuntimeException | Error bug) {
            // an escaping exception would cancel the timer for good
            LOG.log(Level.WARNING, "a stats round's observer failed", bug);
        } finally {
            roundRunning.set(false);
        }
    }

    private void lost(long rounds, String why) {
        long skipped = skippedRounds.addAndGet(rounds);
        lastLoss = Instant.now();
        LOG.warning(() -> rounds + " stats round(s) lost: " + why + " (" + skipped + " lost since startup)");
    }

    /**
     * That rounds were lost in the last {@link #LOSS_REPORTED_ROUNDS} intervals, in words that name no
     * path; empty otherwise. Read live rather than from the last round: a round held up is what loses them.
     */
    public Optional<String> recentLoss(Instant now) {
        Instant loss = lastLoss;
        if (loss == null || Duration.between(loss, now).compareTo(settings.statsInterval().multipliedBy(LOSS_REPORTED_ROUNDS)) > 0) {
            return Optional.empty();
        }
        return Optional.of(skippedRounds.get() + " stats rounds lost since startup, the last "
                + Duration.between(loss, now).toSeconds() + " s ago: rounds took longer than stats_interval");
    }

    private SamplingRound sampleOrFail(Instant start) {
        String failure;
        try {
            SamplingRound round = sample(start);
            roundFailure.succeeded();
            return round;
        } catch (AgentException e) {
            failure = e.getMessage();
            roundFailure.failed(failure);
        } catch (RuntimeException bug) {
            failure = bug.toString();
            roundFailure.failed(failure);
            LOG.log(Level.WARNING, "stats round failed unexpectedly", bug);
        }
        return new SamplingRound(start.getEpochSecond(), start.toEpochMilli(), 0, List.of(), 0, failure,
                Duration.between(start, Instant.now()).toMillis(), skippedRounds.get(), null, 0);
    }

    private SamplingRound sample(Instant start) {
        long time = start.getEpochSecond();
        Instant deadline = start.plus(settings.statsInterval().multipliedBy(8).dividedBy(10));
        List<ContainerInfo> running = docker.containers(true);
        Map<ContainerInfo, Future<EngineStats>> calls = new HashMap<>();
        // below its core size a pool starts a thread for every task, idle ones or not: one per running
        // container is all a round uses, so that many threads, not stats_concurrency, are kept alive
        pool.setCorePoolSize(Math.max(1, Math.min(pool.getMaximumPoolSize(), running.size())));
        statsSource.roundStarts(running);
        for (ContainerInfo c : running) {
            calls.put(c, pool.submit(() -> statsSource.read(c)));
        }
        Map<String, Sample> current = new HashMap<>();
        List<SamplingRound.Reading> readings = new ArrayList<>(running.size());
        MissingReadings missing = new MissingReadings();
        Origins origins = new Origins(statsSource.preferred());
        for (Map.Entry<ContainerInfo, Future<EngineStats>> call : calls.entrySet()) {
            ContainerInfo container = call.getKey();
            String id = container.id();
            try {
                EngineStats stats = call.getValue().get(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
                if (stats != null) {
                    Sample sample = StatsMath.next(id, container.run(), stats, previousOf(id), time, previousRoundTime);
                    current.put(id, sample);
                    readings.add(new SamplingRound.Reading(container, sample, stats.memoryUsage()));
                    origins.add(stats.origin());
                }
            } catch (TimeoutException e) {
                call.getValue().cancel(true);
                missing.late(id);
            } catch (ExecutionException e) {
                missing.failed(id, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("stats round interrupted", e);
            }
        }
        missing.report(badReadings, running.size(), Duration.between(start, deadline), Duration.between(start, Instant.now()));
        previous = current;
        previousRoundTime = time;
        sourceLog.round(origins);
        return new SamplingRound(time, start.toEpochMilli(), running.size(), readings, missing.failures(), null,
                Duration.between(start, Instant.now()).toMillis(), skippedRounds.get(), origins.source(), origins.fallbacks());
    }

    /** Last round's sample, or on first sight (agent restart, container started again) the stored one. */
    private Sample previousOf(String id) {
        Sample last = previous.get(id);
        return last != null ? last : baselines.last(id).orElse(null); // none: the sample starts afresh, CPU 0, no delta
    }
}
