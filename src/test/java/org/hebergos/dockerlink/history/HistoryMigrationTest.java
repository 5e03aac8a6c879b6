package org.hebergos.dockerlink.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stats.mv.db written by the release before compact history (src/test/resources/history/v1, made by
 * MakeOldDatabase.java.txt there with that release's StatsStore) opens, and answers every sample it
 * held exactly as that release answered it.
 */
class HistoryMigrationTest {

    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);
    private static final long HOUR = 1_800_000_000L - 1_800_000_000L % 3600;

    @TempDir
    Path dataDir;

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = new GZIPInputStream(HistoryMigrationTest.class.getResourceAsStream("/history/v1/" + name + ".gz"))) {
            return in.readAllBytes();
        }
    }

    private static String answer(String name) throws IOException {
        return new String(resource(name), StandardCharsets.UTF_8);
    }

    @Test
    void aDatabaseOfThePreviousReleaseAnswersEverySampleToTheByte() throws IOException {
        Files.write(dataDir.resolve("stats.mv.db"), resource("stats.mv.db"));
        HistoryStore store = Stores.open(dataDir);
        try {
            assertAnswersOfThePreviousRelease(store);
            assertTrue(store.last(A).isPresent(), "the newest samples, in rows, still give the sampler its baseline");
            // and so after this release's own maintenance, and after a restart
            store.compactHours(HOUR + 5 * 3600);
            store.summarize(HOUR + 5 * 3600);
            assertAnswersOfThePreviousRelease(store);
        } finally {
            store.database.dispose();
        }
        HistoryStore again = Stores.open(dataDir);
        try {
            assertAnswersOfThePreviousRelease(again);
            assertTrue(again.last(A).isPresent());
        } finally {
            again.database.dispose();
        }
    }

    private static void assertAnswersOfThePreviousRelease(HistoryStore store) throws IOException {
        assertEquals(answer("a-since-0.json"), Stores.raw(store, A, 0));
        assertEquals(answer("b-since-0.json"), Stores.raw(store, B, 0));
        assertEquals(answer("a-since-1800000001.json"), Stores.raw(store, A, HOUR + 1));
        assertEquals(answer("a-since-1800007205.json"), Stores.raw(store, A, HOUR + 7205));
        assertEquals(answer("b-since-1800010817.json"), Stores.raw(store, B, HOUR + 3 * 3600 + 17));
    }
}
