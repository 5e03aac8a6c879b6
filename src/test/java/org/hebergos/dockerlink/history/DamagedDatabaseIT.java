package org.hebergos.dockerlink.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hebergos.dockerlink.stats.Sample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copies of the database file damaged as a disk or a careless copy damages them: the agent keeps
 * answering what is readable, or keeps the damaged file aside (renamed, never deleted), starts a new
 * database and says so; it never answers "corrupt" for good, nor replaces a file silently.
 * (File cases on a real embedded H2, no server: Failsafe because each writes and rewrites a file.)
 */
class DamagedDatabaseIT {

    private static final String A = "a".repeat(64);
    private static final long HOUR = 1_800_000_000L - 1_800_000_000L % 3600;
    private static final long NEW_SAMPLE = HOUR + 10 * 3600;

    @TempDir
    Path dataDir;
    private HistoryStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.database.dispose();
        }
    }

    @Test
    void anEmptyFileIsKeptAsideAndReportedNotSilentlyReplaced() throws IOException {
        Files.createFile(dataDir.resolve("stats.mv.db"));
        store = Stores.open(dataDir);
        store.insert(List.of(Stores.sample(A, NEW_SAMPLE, HOUR)));
        DamagedFile damage = store.database.damage().orElseThrow(() -> new AssertionError("an empty file is reported"));
        assertTrue(damage.reason().contains("empty file, 0 bytes"), damage.reason());
        assertEquals(List.of(damage.keptAs()), kept(), "kept, renamed with the time");
        assertEquals(0, Files.size(damage.keptAs()));
        assertTrue(damage.details().contains(damage.keptAs().toString()) && !damage.summary().contains(dataDir.toString()),
                "the path only in the details: " + damage.summary());
        assertTrue(Stores.raw(store, A, 0).contains("\"" + NEW_SAMPLE + "\""), "the new database works");
    }

    @Test
    void aFileLeftByACrashIsOpenedAsItIsNotSetAside() throws Exception {
        Process crash = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashWhileWriting.class.getName(), dataDir.toString(), A, "" + HOUR)
                .redirectErrorStream(true).start();
        crash.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertEquals(9, crash.waitFor());
        store = Stores.open(dataDir);
        String raw = Stores.raw(store, A, 0);
        assertEquals(3 * 360, jakarta.json.Json.createReader(new java.io.StringReader(raw)).readObject().size(),
                "every committed sample answered");
        assertEquals(java.util.Optional.empty(), store.database.damage());
        assertEquals(List.of(), kept(), "no copy left behind");
    }

    @Test
    void bytesDamagedInTheMiddle() throws IOException {
        assertReadableOrKeptAside(file -> {
            file.seek(file.length() / 2);
            file.write(new byte[8192]);
        });
    }

    @Test
    void bytesDamagedAtTheTail() throws IOException {
        assertReadableOrKeptAside(file -> {
            file.seek(file.length() - 4096);
            byte[] junk = new byte[4096];
            java.util.Arrays.fill(junk, (byte) 0x5a);
            file.write(junk);
        });
    }

    @Test
    void bytesDamagedAtTheStart() throws IOException {
        assertReadableOrKeptAside(file -> {
            file.seek(0);
            file.write(new byte[4096]);
        });
    }

    @Test
    void aTruncatedFile() throws IOException {
        assertReadableOrKeptAside(file -> file.setLength(file.length() / 2));
    }

    @Test
    void bytesDamagedInTheSamplesOfALargeFileAreFoundInUse() throws IOException {
        store = Stores.open(dataDir);
        for (int c = 0; c < 20; c++) {
            List<Sample> samples = new ArrayList<>();
            for (long t = HOUR; t < HOUR + 6 * 3600; t += 10) {
                samples.add(Stores.sample(String.format("%064x", c), t, HOUR));
            }
            store.insert(samples);
        }
        store.compactHours(HOUR + 6 * 3600);
        assertTrue(store.database.rewriteFile());
        store.database.dispose();
        Path file = dataDir.resolve("stats.mv.db");
        try (RandomAccessFile damaged = new RandomAccessFile(file.toFile(), "rw")) {
            // half way: the compact hours, far from the schema H2 reads on opening
            damaged.seek(damaged.length() / 2);
            damaged.write(new byte[512]);
        }

        store = Stores.open(dataDir);
        StoreUnavailable found = null;
        for (int c = 0; c < 20 && found == null; c++) {
            try {
                Stores.raw(store, String.format("%064x", c), 0);
            } catch (StoreUnavailable e) {
                found = e;
            }
        }
        assertTrue(found != null, "an answer reads the damaged bytes");
        assertEquals(null, Stores.raw(store, String.format("%064x", 0), 0), "the next use starts a new database");
        DamagedFile moved = store.database.damage().orElseThrow(() -> new AssertionError("the damage found in use is reported"));
        assertTrue(found.getMessage().contains(moved.reason()), moved.reason() + " / " + found.getMessage());
        assertEquals(List.of(moved.keptAs()), kept());
        store.insert(List.of(Stores.sample(A, NEW_SAMPLE, HOUR)));
        assertTrue(Stores.raw(store, A, NEW_SAMPLE).contains("\"" + NEW_SAMPLE + "\""));
    }

    /** What a damage does to a file, in place. */
    private interface Damage {
        void apply(RandomAccessFile file) throws IOException;
    }

    /**
     * Three hours of samples, the file rewritten so that live data fills it, then {@code damage}: every
     * answer is then either the one from before the damage or, once the damage is found, from a new
     * database, with the damaged file kept byte for byte and reported; at most one answer fails (the
     * one that found the damage), and the store takes samples again.
     */
    private void assertReadableOrKeptAside(Damage damage) throws IOException {
        store = Stores.open(dataDir);
        List<Sample> samples = new ArrayList<>();
        for (long t = HOUR; t < HOUR + 3 * 3600; t += 10) {
            samples.add(Stores.sample(A, t, HOUR));
        }
        store.insert(samples);
        store.compactHours(HOUR + 3 * 3600);
        store.summarize(HOUR + 3 * 3600);
        String before = Stores.raw(store, A, 0);
        String steps = Stores.answer(store, A, new HistoryQuery(0, HistoryQuery.NO_END, 3600, false, true));
        assertTrue(store.database.rewriteFile());
        store.database.dispose();
        Path file = dataDir.resolve("stats.mv.db");
        try (RandomAccessFile damaged = new RandomAccessFile(file.toFile(), "rw")) {
            damage.apply(damaged);
        }
        byte[] damagedBytes = Files.readAllBytes(file);

        store = Stores.open(dataDir);
        int failed = 0;
        for (int i = 0; i < 3; i++) {
            try {
                String raw = Stores.raw(store, A, 0);
                String stepped = Stores.answer(store, A, new HistoryQuery(0, HistoryQuery.NO_END, 3600, false, true));
                if (store.database.damage().isEmpty()) {
                    assertEquals(before, raw, "what is readable is answered as before");
                    assertEquals(steps, stepped);
                } else {
                    assertEquals(null, raw, "a new database");
                }
            } catch (StoreUnavailable e) {
                failed++;
                assertTrue(failed == 1, "only the answer that found the damage fails: " + e.getMessage());
            }
        }
        store.insert(List.of(Stores.sample(A, NEW_SAMPLE, HOUR)));
        assertTrue(Stores.raw(store, A, NEW_SAMPLE).contains("\"" + NEW_SAMPLE + "\""), "the store takes samples again");
        if (store.database.damage().isPresent()) {
            DamagedFile moved = store.database.damage().get();
            assertEquals(List.of(moved.keptAs()), kept());
            assertTrue(java.util.Arrays.equals(damagedBytes, Files.readAllBytes(moved.keptAs())), "kept as it was");
        } else {
            assertEquals(0, failed, "no answer failed while nothing was moved aside");
            assertEquals(List.of(), kept());
        }
    }

    private List<Path> kept() throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("stats.mv.db.damaged-")).toList();
        }
    }
}
