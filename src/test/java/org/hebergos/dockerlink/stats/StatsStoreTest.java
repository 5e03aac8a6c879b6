package org.hebergos.dockerlink.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hebergos.dockerlink.config.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on a real embedded H2 file: history reads the same before and after compaction. */
class StatsStoreTest {

    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);
    private static final long HOUR = 1_800_000_000L - 1_800_000_000L % 3600;

    @TempDir
    Path dataDir;
    private StatsStore cut;

    @BeforeEach
    void open() throws SQLException {
        cut = new StatsStore();
        cut.settings = Settings.from(Map.of("data_dir", dataDir.toString()), k -> null);
        cut.open();
        List<Sample> samples = new ArrayList<>();
        for (long t = HOUR; t < HOUR + 3 * 3600; t += 10) {
            samples.add(sample(A, t));
            samples.add(sample(B, t + 5));
        }
        cut.insert(samples);
    }

    @AfterEach
    void close() {
        cut.close();
    }

    private static Sample sample(String id, long t) {
        long i = t - HOUR;
        return new Sample(id, t, HOUR * 1000, 1_000_000 + i, 268_435_456L, i % 7 * 1.5, 50, i, i, i * 3, i * 1000 + 7, 30, 10_007);
    }

    private String history(String id, long since) throws SQLException, IOException {
        StringWriter text = new StringWriter();
        StatsJson json = new StatsJson(text, since);
        cut.since(id, since, json);
        json.end();
        return text.toString();
    }

    @Test
    void historyIsTheSameBeforeAndAfterCompaction() throws SQLException, IOException {
        long[] sinces = {0, HOUR, HOUR + 1, HOUR + 1795, HOUR + 3600, HOUR + 5000, HOUR + 3 * 3600, HOUR + 99_999};
        List<String> before = new ArrayList<>();
        for (long since : sinces) {
            before.add(history(A, since));
        }
        assertEquals(2, cut.compact(HOUR + 3600), "one hour of two containers");
        assertEquals(4, cut.compact(HOUR + 3 * 3600), "the two next hours of two containers");
        assertEquals(0, cut.compact(HOUR + 3 * 3600), "nothing left to compact");
        for (int i = 0; i < sinces.length; i++) {
            assertEquals(before.get(i), history(A, sinces[i]), "since " + sinces[i]);
        }
        String all = history(A, 0);
        assertEquals(3 * 360, all.split("\"memory\"").length - 1);
        assertTrue(all.startsWith("{\"" + HOUR + "\":{"), all.substring(0, 40));
        assertEquals("{}", history(A, HOUR + 3 * 3600));
    }

    @Test
    void aContainerWhoseSamplesAreAllCompactedIsStillKnownButHasNoBaseline() throws SQLException {
        cut.compact(HOUR + 3 * 3600);
        assertTrue(cut.known(A));
        assertFalse(cut.last(A).isPresent());
        assertFalse(cut.known("c".repeat(64)));
    }

    @Test
    void lastIsTheNewestRowAndSamplesArrivingLaterInACompactedHourAreMerged() throws SQLException, IOException {
        assertEquals(HOUR + 3 * 3600 - 10, cut.last(A).orElseThrow().time());
        cut.compact(HOUR + 3600);
        cut.insert(List.of(sample(A, HOUR + 3)));
        cut.compact(HOUR + 3600);
        String first = history(A, HOUR);
        assertTrue(first.startsWith("{\"" + HOUR + "\":{"), first.substring(0, 40));
        assertTrue(first.contains(",\"" + (HOUR + 3) + "\":{"), "merged in time order");
    }

    @Test
    void purgeDropsOldRowsAndChunksThatHoldNothingNewer() throws SQLException, IOException {
        cut.compact(HOUR + 3600);
        cut.purgeBefore(HOUR + 3600 + 100);
        String left = history(A, 0);
        assertFalse(left.contains("\"" + HOUR + "\""), "the compacted first hour is gone");
        assertTrue(left.startsWith("{\"" + (HOUR + 3600 + 100) + "\""), left.substring(0, 40));
    }
}
