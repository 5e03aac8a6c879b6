package org.hebergos.dockerlink.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.hebergos.dockerlink.config.Settings;
import org.hebergos.dockerlink.docker.ContainerCatalogue;
import org.hebergos.dockerlink.docker.ContainerInfo;
import org.hebergos.dockerlink.docker.ContainerStatsSource;
import org.hebergos.dockerlink.docker.DockerUnavailable;
import org.hebergos.dockerlink.docker.EngineStats;
import org.hebergos.dockerlink.docker.RunInfo;
import org.hebergos.dockerlink.docker.StatsOrigin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sampler's own duties, with an engine played by hand: it fires every round, failed ones too, goes on
 * from a stored baseline, and survives whatever a round or its observers throw.
 */
class StatsSamplerTest {

    private static final String ID = "a".repeat(64);

    private final StatsSampler cut = new StatsSampler();
    private final RecordedRounds rounds = new RecordedRounds();
    private final List<String> baselinesAskedFor = new ArrayList<>();
    private RuntimeException engineFailure;

    @BeforeEach
    void wire() {
        cut.settings = Settings.from(Map.of("stats_interval", "2s"), key -> null);
        cut.pool = new ThreadPoolExecutor(2, 2, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        cut.rounds = rounds;
        cut.baselines = id -> {
            baselinesAskedFor.add(id);
            return Optional.empty();
        };
        cut.docker = new ContainerCatalogue() {
            @Override
            public List<ContainerInfo> containers(boolean runningOnly) {
                if (engineFailure != null) {
                    throw engineFailure;
                }
                return List.of(new ContainerInfo(ID, "web", "nginx:1.27", "running", null, new RunInfo(Instant.EPOCH, 0, 0, 0, "default")));
            }
        };
        cut.statsSource = container -> new EngineStats(null, true, 1_000_000, 2_000_000, 2, 1 << 20, Map.of(), 1 << 30, 10, 20, StatsOrigin.ENGINE);
    }

    @AfterEach
    void stopPool() {
        cut.pool.shutdownNow();
    }

    @Test
    void eachRoundIsFiredWithItsReadings() {
        cut.onTimer();
        cut.onTimer();
        assertEquals(2, rounds.fired.size());
        SamplingRound last = rounds.fired.get(1);
        assertFalse(last.failed());
        assertEquals(1, last.containers());
        assertEquals(1, last.readings().size());
        SamplingRound.Reading reading = last.readings().get(0);
        assertEquals(ID, reading.container().id());
        assertEquals(ID, reading.sample().containerId());
        assertEquals(last.time(), reading.sample().time());
        assertEquals(1 << 20, reading.memoryUsage(), "the engine's usage, page cache included, for the scrapes");
        assertEquals(List.of(ID), baselinesAskedFor, "the stored baseline only on first sight");
    }

    @Test
    void aRoundTheEngineFailsIsFiredAsFailed() {
        engineFailure = new DockerUnavailable("engine does not answer", null);
        cut.onTimer();
        SamplingRound failed = rounds.fired.get(0);
        assertTrue(failed.failed());
        assertEquals("docker unavailable: engine does not answer", failed.failure());
        assertEquals(0, failed.containers());
        assertTrue(failed.readings().isEmpty());
    }

    @Test
    void noExceptionOfARoundOrOfItsObserversEscapesTheTimer() {
        engineFailure = new NullPointerException("a bug");
        cut.onTimer();
        assertTrue(rounds.fired.get(0).failure().contains("a bug"), rounds.fired.get(0).failure());
        engineFailure = null;
        rounds.observerFailure = new IllegalStateException("WeldException");
        cut.onTimer();
        rounds.observerFailure = null;
        cut.onTimer();
        assertEquals(3, rounds.fired.size());
        assertNull(rounds.fired.get(2).failure(), "the rounds after the failures run");
    }

    @Test
    void theRoundSaysWhereItsReadingsCameFromAndHowManyFellBackToTheEngine() {
        cut.onTimer();
        assertEquals("engine", rounds.fired.get(0).source());
        assertEquals(0, rounds.fired.get(0).engineFallbacks(), "the Engine chosen: nothing fell back");

        List<ContainerInfo> three = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            three.add(new ContainerInfo(String.format("%064x", i), "c" + i, "busybox", "running", null, new RunInfo(Instant.EPOCH, 0, 0, 0, "default")));
        }
        cut.docker = new ContainerCatalogue() {
            @Override
            public List<ContainerInfo> containers(boolean runningOnly) {
                return three;
            }
        };
        cut.statsSource = new ContainerStatsSource() {
            @Override
            public EngineStats read(ContainerInfo container) {
                // the first container's files could not be read: the Engine gave its reading
                StatsOrigin origin = container.id().equals(three.get(0).id()) ? StatsOrigin.ENGINE : StatsOrigin.CGROUP;
                return new EngineStats(null, true, 1_000_000, 2_000_000, 2, 1 << 20, Map.of(), 1 << 30, 10, 20, origin);
            }

            @Override
            public StatsOrigin preferred() {
                return StatsOrigin.CGROUP;
            }
        };
        cut.onTimer();
        assertEquals("mixed", rounds.fired.get(1).source());
        assertEquals(1, rounds.fired.get(1).engineFallbacks());
    }

    @Test
    void aRoundWithManyFailedReadingsIsOneWarningLine() {
        List<ContainerInfo> many = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(new ContainerInfo(String.format("%064x", i), "c" + i, "busybox", "running", null, new RunInfo(Instant.EPOCH, 0, 0, 0, "default")));
        }
        cut.docker = new ContainerCatalogue() {
            @Override
            public List<ContainerInfo> containers(boolean runningOnly) {
                return many;
            }
        };
        cut.statsSource = container -> {
            throw new DockerUnavailable("no answer from the engine", null);
        };
        List<java.util.logging.LogRecord> warnings = new ArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                if (r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                    warnings.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(StatsSampler.class.getName());
        log.addHandler(capture);
        try {
            cut.onTimer();
        } finally {
            log.removeHandler(capture);
        }
        assertEquals(50, rounds.fired.get(0).failures());
        assertEquals(1, warnings.size(), () -> warnings.stream().map(java.util.logging.LogRecord::getMessage).toList().toString());
        String line = warnings.get(0).getMessage();
        assertTrue(line.contains("50 of 50 failed") && line.contains("no answer from the engine"), line);
    }
}
