package org.hebergos.dockerlink.stats;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
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
import org.hebergos.dockerlink.docker.DockerGateway;
import org.hebergos.dockerlink.docker.EngineStats;
import org.hebergos.dockerlink.error.AgentException;
import org.hebergos.dockerlink.metrics.LastRound;

/**
 * Samples every running container once per {@code stats_interval}: one list call, then one one-shot
 * stats call per container, all at once on {@code stats_concurrency} managed threads, each bounded by
 * the round's deadline, then one batch into the store. A round still running when the next is due makes
 * the next one skip (counted), so rounds never pile up.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class StatsSampler {

    private static final Logger LOG = Logger.getLogger(StatsSampler.class.getName());

    @Inject
    Settings settings;
    @Inject
    DockerGateway docker;
    @Inject
    StatsStore store;
    @Inject
    LastRound published;
    @Resource
    TimerService timers;
    @Resource
    ManagedThreadFactory threads;

    private ExecutorService pool;
    private final AtomicBoolean roundRunning = new AtomicBoolean();
    private final AtomicLong skippedRounds = new AtomicLong();
    /** The previous sample of each container seen in the last round. */
    private Map<String, Sample> previous = new HashMap<>();
    private long previousRoundTime;
    private volatile RoundReport lastRound;
    private String lastFailure;

    @PostConstruct
    void schedule() {
        int size = settings.statsConcurrency();
        pool = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        long interval = settings.statsInterval().toMillis();
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
        if (!roundRunning.compareAndSet(false, true)) {
            long skipped = skippedRounds.incrementAndGet();
            LOG.warning(() -> "stats round skipped: the previous one is still running (" + skipped + " skipped so far)");
            return;
        }
        try {
            lastRound = round(Instant.now());
            lastFailure = null;
            LOG.fine(() -> "stats round: " + lastRound);
        } catch (AgentException e) {
            // Docker down fails every round: say it once, and again only when the reason changes
            Level level = e.getMessage().equals(lastFailure) ? Level.FINE : Level.WARNING;
            lastFailure = e.getMessage();
            LOG.log(level, () -> "stats round failed: " + e.getMessage());
        } finally {
            roundRunning.set(false);
        }
    }

    /**
     * Compacts the samples of hours that ended more than an hour ago (the last hour stays in rows, so
     * the newest sample of a running container is at hand) and purges what is older than
     * {@code stats_retention}.
     */
    @Schedule(minute = "*/15", hour = "*", persistent = false)
    void maintain() {
        long now = Instant.now().getEpochSecond();
        long before = now - settings.statsRetention().toSeconds();
        try {
            int chunks = store.compact(now - now % StatsStore.CHUNK_SECONDS - StatsStore.CHUNK_SECONDS);
            int purged = store.purgeBefore(before);
            LOG.fine(() -> "stats maintenance: " + chunks + " hours compacted, " + purged + " rows older than " + before + " purged");
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "stats maintenance failed: " + e.getMessage(), e);
        }
    }

    public Optional<RoundReport> lastRound() {
        return Optional.ofNullable(lastRound);
    }

    RoundReport round(Instant start) {
        long time = start.getEpochSecond();
        Instant deadline = start.plus(settings.statsInterval().multipliedBy(8).dividedBy(10));
        List<ContainerInfo> running = docker.containers(true);
        Map<ContainerInfo, Future<EngineStats>> readings = new HashMap<>();
        for (ContainerInfo c : running) {
            readings.put(c, pool.submit(() -> docker.stats(c.id())));
        }
        Map<String, Sample> current = new HashMap<>();
        int failures = 0;
        for (Map.Entry<ContainerInfo, Future<EngineStats>> reading : readings.entrySet()) {
            String id = reading.getKey().id();
            try {
                EngineStats stats = reading.getValue().get(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
                if (stats != null) {
                    current.put(id, StatsMath.next(id, reading.getKey().run(), stats, previousOf(id), time, previousRoundTime));
                }
            } catch (TimeoutException e) {
                reading.getValue().cancel(true);
                failures++;
                LOG.warning(() -> "stats of container " + id + ": no answer before the round's deadline");
            } catch (ExecutionException | SQLException e) {
                failures++;
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                LOG.warning(() -> "stats of container " + id + " failed: " + cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("stats round interrupted", e);
            }
        }
        List<Sample> samples = new ArrayList<>(current.values());
        try {
            store.insert(samples);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "storing " + samples.size() + " samples failed: " + e.getMessage(), e);
            samples = List.of();
        }
        published.publish(time, readings, current);
        previous = current;
        previousRoundTime = time;
        return new RoundReport(time, running.size(), samples.size(), failures,
                Duration.between(start, Instant.now()).toMillis(), skippedRounds.get());
    }

    /** Last round's sample, or on first sight (agent restart, container started again) the stored one. */
    private Sample previousOf(String id) throws SQLException {
        Sample last = previous.get(id);
        return last != null ? last : store.last(id).orElse(null);
    }
}
