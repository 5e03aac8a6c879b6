package org.hebergos.dockerlink.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.hebergos.dockerlink.config.Settings;
import org.hebergos.dockerlink.docker.ContainerInfo;
import org.hebergos.dockerlink.docker.ContainerCatalogue;
import org.hebergos.dockerlink.docker.EngineStats;
import org.hebergos.dockerlink.docker.RunInfo;
import org.hebergos.dockerlink.history.HistoryStore;
import org.hebergos.dockerlink.error.DockerUnavailable;
import org.hebergos.dockerlink.metrics.LastRound;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sampler's own duties, with an engine and a store played by hand: it survives whatever a round
 * throws, holds back what the store refuses and writes it later, and says when it is not keeping up.
 */
class StatsSamplerTest {

    private static final String ID = "a".repeat(64);

    private final StatsSampler cut = new StatsSampler();
    private final List<List<Sample>> written = new ArrayList<>();
    private final RecordedRounds rounds = new RecordedRounds();
    private RuntimeException engineFailure;
    private RuntimeException storeFailure;

    @BeforeEach
    void wire() {
        cut.settings = Settings.from(Map.of("stats_interval", "2s"), key -> null);
        cut.published = new LastRound();
        cut.pool = new ThreadPoolExecutor(2, 2, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        cut.roundTaken = rounds;
        cut.docker = new ContainerCatalogue() {
            @Override
            public List<ContainerInfo> containers(boolean runningOnly) {
                if (engineFailure != null) {
                    throw engineFailure;
                }
                return List.of(new ContainerInfo(ID, "web", "nginx:1.27", "running", null, new RunInfo(Instant.EPOCH, 0, 0)));
            }
        };
        cut.statsSource = container -> new EngineStats(null, true, 1_000_000, 2_000_000, 2, 1 << 20, Map.of(), 1 << 30, 10, 20);
        cut.store = new HistoryStore() {
            @Override
            public void insert(List<Sample> samples) {
                if (storeFailure != null) {
                    throw storeFailure;
                }
                written.add(samples);
            }

            @Override
            public Optional<Sample> last(String containerId) {
                return Optional.empty();
            }
        };
    }

    @AfterEach
    void stopPool() {
        cut.pool.shutdownNow();
    }

    @Test
    void aRoundTheStoreRefusesIsWrittenWithTheNextOneThatGetsThrough() {
        storeFailure = new IllegalStateException("data_dir /x: disk full");
        cut.onTimer();
        cut.onTimer();
        RoundReport refused = cut.lastRound().orElseThrow();
        assertEquals(1, refused.sampled());
        assertEquals(0, refused.stored(), "nothing is counted as stored that was not");
        assertEquals(2, refused.pending());
        assertEquals(Optional.of("data_dir /x: disk full"), cut.storeProblem());

        storeFailure = null;
        cut.onTimer();
        RoundReport recovered = cut.lastRound().orElseThrow();
        assertEquals(3, recovered.stored());
        assertEquals(0, recovered.pending());
        assertEquals(1, written.size(), "one transaction for the held-back rounds and this one");
        assertEquals(3, written.get(0).size());
        assertEquals(Optional.empty(), cut.storeProblem());
    }

    @Test
    void heldBackRoundsAreBoundedAndWhatIsDroppedIsCounted() {
        storeFailure = new IllegalStateException("database locked");
        for (int i = 0; i < StatsSampler.MAX_PENDING_ROUNDS + 5; i++) {
            cut.onTimer();
        }
        RoundReport report = cut.lastRound().orElseThrow();
        assertEquals(StatsSampler.MAX_PENDING_ROUNDS, report.pending());
        assertEquals(5, report.droppedSamples());
    }

    @Test
    void noExceptionOfARoundEscapesTheTimer() {
        engineFailure = new NullPointerException("a bug");
        cut.onTimer();
        engineFailure = new DockerUnavailable("engine does not answer", null);
        cut.onTimer();
        storeFailure = new IllegalStateException("WeldException");
        engineFailure = null;
        cut.onTimer();
        storeFailure = null;
        cut.onTimer();
        assertEquals(2, written.stream().mapToInt(List::size).sum(), "the rounds after the failures are stored");
    }

    @Test
    void saysItIsDegradedOnlyAfterThreeIntervalsWithoutAStoredRound() {
        engineFailure = new DockerUnavailable("engine does not answer", null);
        cut.onTimer();
        Instant now = Instant.now();
        assertFalse(cut.lag(now).isPresent());
        Optional<String> lag = cut.lag(now.plus(Duration.ofSeconds(7)));
        assertTrue(lag.isPresent());
        assertTrue(lag.get().startsWith("no stats round stored for "), lag.get());
        assertTrue(lag.get().endsWith("sampling rounds fail"), lag.get());

        engineFailure = null;
        cut.onTimer();
        assertFalse(cut.lag(Instant.now().plus(Duration.ofSeconds(5))).isPresent());
    }

    @Test
    void theStoreBeingDownIsTheReasonGivenWhenItIs() {
        storeFailure = new IllegalStateException("held by another agent");
        cut.onTimer();
        Optional<String> lag = cut.lag(Instant.now().plus(Duration.ofSeconds(7)));
        assertEquals("the stats store is unavailable", lag.orElseThrow().replaceAll(".*: ", ""));
    }

    @Test
    void eachRoundIsAnnouncedWithItsSamplesForTheEventStream() {
        cut.onTimer();
        storeFailure = new IllegalStateException("disk full");
        cut.onTimer();
        assertEquals(2, rounds.fired.size(), "announced whether stored or not");
        StatsRound last = rounds.fired.get(1);
        assertEquals(1, last.samples().size());
        String member = last.members().get(ID);
        assertTrue(member.startsWith("\"" + last.time() + "\":{\"memory\":{\"used\":"), member);
    }

    @Test
    void eachRoundsReportIsHandedToTheScrapesToo() {
        List<RoundReport> reported = new ArrayList<>();
        cut.published = new LastRound() {
            @Override
            public void reported(RoundReport last) {
                reported.add(last);
            }
        };
        cut.onTimer();
        engineFailure = new DockerUnavailable("engine does not answer", null);
        cut.onTimer();
        assertEquals(2, reported.size(), "a failed round's report too: it says the engine is down");
        assertEquals(cut.lastRound().orElseThrow(), reported.get(1));
    }

    @Test
    void aRoundWithManyFailedReadingsIsOneWarningLine() {
        List<ContainerInfo> many = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(new ContainerInfo(String.format("%064x", i), "c" + i, "busybox", "running", null, new RunInfo(Instant.EPOCH, 0, 0)));
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
        assertEquals(50, cut.lastRound().orElseThrow().failures());
        assertEquals(1, warnings.size(), () -> warnings.stream().map(java.util.logging.LogRecord::getMessage).toList().toString());
        String line = warnings.get(0).getMessage();
        assertTrue(line.contains("50 of 50 failed") && line.contains("no answer from the engine"), line);
    }
}
