package org.hebergos.dockerlink.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The store's file cases that take long or a second JVM (file rewrites under readers, a database held
 * by another process): Failsafe, so the unit suite stays short. No server needed.
 */
class HistoryStoreIT extends StoreFixture {

    @Test
    void readsDuringFileRewritesAndClosesAllSucceed() throws Exception {
        String expected = raw(A, HOUR + 3 * 3600 - 60);
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread reader = new Thread(() -> {
                while (!done.get()) {
                    try {
                        assertEquals(expected, raw(A, HOUR + 3 * 3600 - 60));
                        reads.incrementAndGet();
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            });
            reader.start();
            readers.add(reader);
        }
        int rewrites = 0;
        try {
            for (int i = 0; i < 20; i++) {
                // a full rewrite, then the close the maintenance does when the file has not grown
                cut.database.check();
                rewrites += cut.database.rewriteFile() ? 1 : 0;
                assertEquals(0, cut.reclaimFileSpace());
            }
        } finally {
            done.set(true);
            for (Thread reader : readers) {
                reader.join();
            }
        }
        assertTrue(rewrites > 0 && reads.get() > 0, rewrites + " rewrites, " + reads + " reads");
        assertEquals(List.of(), failures.stream().map(Throwable::toString).toList());
    }


    @Test
    void aDatabaseHeldByAnotherAgentIs503UntilReleased() throws Exception {
        cut.database.dispose();
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldDatabase.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream()));
            assertEquals("holding", out.readLine());
            HistoryStore second = Stores.open(dataDir);
            HistoryMaintenance maintenance = new HistoryMaintenance();
            maintenance.store = second;
            maintenance.openStore();
            StoreUnavailable e = assertThrows(StoreUnavailable.class, () -> second.insert(List.of(Stores.sample(A, HOUR + 5 * 3600, HOUR))));
            assertEquals(503, e.status().getStatusCode());
            assertTrue(e.getMessage().contains("data_dir " + dataDir) && e.getMessage().contains("held by another agent"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertThrows(StoreUnavailable.class, () -> second.last(A));
            assertThrows(StoreUnavailable.class, () -> Stores.raw(second, A, 0));

            other.getOutputStream().close();
            assertTrue(other.waitFor(30, TimeUnit.SECONDS));
            second.insert(List.of(Stores.sample(A, HOUR + 5 * 3600, HOUR)));
            assertEquals(HOUR + 5 * 3600, second.last(A).orElseThrow().time(), "works again by itself once released");
            second.database.dispose();
        } finally {
            other.destroyForcibly();
        }
    }


    @Test
    void theFileIsRewrittenWhenItGrewSinceTheLastRewriteKeepingEveryAnswer() throws IOException {
        assertEquals(1, cut.reclaimFileSpace(), "the first since the agent started rewrites the file");
        assertEquals(0, cut.reclaimFileSpace(), "not grown since: only closed");
        // as a day of rounds does: rows written, then moved into compact hours
        for (long t = HOUR + 3 * 3600; t < HOUR + 24 * 3600; t += 10) {
            cut.insert(List.of(Stores.sample(A, t, HOUR), Stores.sample(B, t + 5, HOUR)));
        }
        cut.compactHours(HOUR + 24 * 3600);
        String before = raw(A, 0) + raw(B, 0) + stepped(A, 0, HistoryQuery.NO_END, 3600);
        long grown = java.nio.file.Files.size(dataDir.resolve("stats.mv.db"));

        assertEquals(1, cut.reclaimFileSpace());
        long rewritten = java.nio.file.Files.size(dataDir.resolve("stats.mv.db"));
        assertTrue(rewritten < grown / 2, "grown to " + grown + " bytes, rewritten " + rewritten);
        assertEquals(before, raw(A, 0) + raw(B, 0) + stepped(A, 0, HistoryQuery.NO_END, 3600), "every answer as before");
        cut.insert(List.of(Stores.sample(A, HOUR + 24 * 3600, HOUR)));
        assertTrue(raw(A, HOUR + 24 * 3600).contains("\"" + (HOUR + 24 * 3600) + "\""), "and the store takes samples again");
    }
}
