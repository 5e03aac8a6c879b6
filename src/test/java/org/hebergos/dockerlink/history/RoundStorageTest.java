package org.hebergos.dockerlink.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hebergos.dockerlink.docker.ContainerInfo;
import org.hebergos.dockerlink.docker.RunInfo;
import org.hebergos.dockerlink.history.RoundStorage.StoredRound;
import org.hebergos.dockerlink.stats.Sample;
import org.hebergos.dockerlink.stats.SamplingRound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the store makes of the rounds it observes, with a store that refuses writes when told to. */
class RoundStorageTest {

    private static final String ID = "a".repeat(64);

    private final RoundStorage cut = new RoundStorage();
    private final List<List<Sample>> written = new ArrayList<>();
    private RuntimeException storeFailure;
    private long time = 1_000;

    @BeforeEach
    void wire() {
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
                if (storeFailure != null) {
                    throw storeFailure;
                }
                return Optional.empty();
            }
        };
    }

    /** A round that read one container. */
    private SamplingRound round() {
        time += 10;
        Sample sample = new Sample(ID, time, 0, 1 << 20, 1 << 30, 1, 0, 5, 10, 0, 0, 0, 0);
        ContainerInfo c = new ContainerInfo(ID, "web", "nginx:1.27", "running", null, new RunInfo(Instant.EPOCH, 0, 0, 0, "default"));
        return new SamplingRound(time, System.currentTimeMillis(), 1, List.of(new SamplingRound.Reading(c, sample, 1 << 20)), 0, null, 3, 0, null, 0);
    }

    private static SamplingRound failed() {
        return new SamplingRound(2_000, System.currentTimeMillis(), 0, List.of(), 0, "engine does not answer", 3, 0, null, 0);
    }

    @Test
    void aRoundTheStoreRefusesIsWrittenWithTheNextOneThatGetsThrough() {
        storeFailure = new IllegalStateException("data_dir /x: disk full");
        cut.store(round());
        cut.store(round());
        StoredRound refused = cut.last().orElseThrow();
        assertEquals(0, refused.stored(), "nothing is counted as stored that was not");
        assertEquals(2, refused.pending());
        assertEquals(Optional.of("data_dir /x: disk full"), cut.problem());

        storeFailure = null;
        cut.store(round());
        StoredRound recovered = cut.last().orElseThrow();
        assertEquals(3, recovered.stored());
        assertEquals(0, recovered.pending());
        assertEquals(1, written.size(), "one transaction for the held-back rounds and this one");
        assertEquals(3, written.get(0).size());
        assertEquals(Optional.empty(), cut.problem());
    }

    @Test
    void heldBackRoundsAreWrittenEvenWithAFailedRound() {
        storeFailure = new IllegalStateException("database locked");
        cut.store(round());
        storeFailure = null;
        cut.store(failed());
        assertEquals(1, cut.last().orElseThrow().stored());
        assertEquals(1, written.size());
    }

    @Test
    void heldBackRoundsAreBoundedAndWhatIsDroppedIsCounted() {
        storeFailure = new IllegalStateException("database locked");
        for (int i = 0; i < RoundStorage.MAX_PENDING_ROUNDS + 5; i++) {
            cut.store(round());
        }
        StoredRound last = cut.last().orElseThrow();
        assertEquals(RoundStorage.MAX_PENDING_ROUNDS, last.pending());
        assertEquals(5, last.droppedSamples());
    }

    @Test
    void onlyARoundThatRanAndLeftNothingPendingCountsAsStored() throws InterruptedException {
        Instant startup = cut.lastStored();
        Thread.sleep(5);
        cut.store(failed());
        assertEquals(startup, cut.lastStored(), "a failed round stored nothing of its own");
        storeFailure = new IllegalStateException("database locked");
        cut.store(round());
        assertEquals(startup, cut.lastStored());
        storeFailure = null;
        cut.store(round());
        assertTrue(cut.lastStored().isAfter(startup));
    }

    @Test
    void aBaselineTheStoreCannotReadIsNoneAndSaysWhy() {
        storeFailure = new IllegalStateException("data_dir /x: unreadable");
        assertEquals(Optional.empty(), cut.last(ID), "the sample starts afresh");
        assertEquals(Optional.of("data_dir /x: unreadable"), cut.problem());
    }
}
